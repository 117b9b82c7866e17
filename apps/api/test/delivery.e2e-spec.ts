import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type TestApi } from '@kompeten/server-testing';
import { bootApi } from './app';

// issue 15, "Delivery": responses are compressed as the client accepts, and the built app's hashed assets are cached for
// a year while its shell is revalidated on every visit (decision 0021).
describe('delivery: compression and caching', () => {
  let api: TestApi;
  let webDir: string;
  const script = `export const words = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `kata-${i}`))};\n`;

  beforeAll(async () => {
    webDir = mkdtempSync(join(tmpdir(), 'kompeten-web-'));
    mkdirSync(join(webDir, 'assets'));
    writeFileSync(
      join(webDir, 'index.html'),
      `<!doctype html><html><body>${'<p>Kompeten</p>'.repeat(100)}</body></html>`,
    );
    writeFileSync(join(webDir, 'assets', 'index-BxQ3f9aZ.js'), script);
    writeFileSync(join(webDir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"></svg>');
    api = await bootApi({ seed: false, config: { WEB_DIST_DIR: webDir } });
  });
  afterAll(async () => {
    await api.close();
    rmSync(webDir, { recursive: true, force: true });
  });

  it('sends a hashed asset with brotli to a browser that accepts it, cached for a year', async () => {
    const res = await api.http.get('/assets/index-BxQ3f9aZ.js').set('Accept-Encoding', 'gzip, deflate, br');
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers.vary).toMatch(/Accept-Encoding/i);
    expect(res.text).toBe(script); // supertest decodes it: the content is intact
  });

  it('falls back to gzip, and to plain bytes for a client that asks for no encoding', async () => {
    const gz = await api.http.get('/assets/index-BxQ3f9aZ.js').set('Accept-Encoding', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    const plain = await api.http.get('/assets/index-BxQ3f9aZ.js').set('Accept-Encoding', 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(Number(plain.headers['content-length'])).toBe(Buffer.byteLength(script));
  });

  it('revalidates the shell on every visit, for the root and for client-side routes', async () => {
    for (const path of ['/', '/katalog', '/kursus/abc/konten']) {
      const res = await api.http.get(path).set('Accept', 'text/html').set('Accept-Encoding', 'gzip');
      expect(res.status).toBe(200);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.headers['content-encoding']).toBe('gzip');
    }
  });

  it('keeps an hour for files without a content hash', async () => {
    const res = await api.http.get('/favicon.svg');
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=3600');
  });

  it('compresses large API answers and leaves small ones alone', async () => {
    const big = await api.http.get('/api/docs-json').set('Accept-Encoding', 'br');
    expect(big.status).toBe(200);
    expect(big.headers['content-encoding']).toBe('br');
    expect(big.body.openapi).toMatch(/^3\./);
    const small = await api.http.get('/api/health').set('Accept-Encoding', 'br');
    expect(small.headers['content-encoding']).toBeUndefined();
  });
});
