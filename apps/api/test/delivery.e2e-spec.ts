import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import { type TestApi } from '@kompeten/server-testing';
import { bootApi } from './app';

// issue 15, "Delivery": responses are compressed as the client accepts, and the built app's hashed assets are cached for
// a year while its shell is revalidated on every visit (decision 0021); the build's brotli-11 files are sent as they
// are (decision 0027).
describe('delivery: compression and caching', () => {
  let api: TestApi;
  let root: string;
  let webDir: string;
  const script = `export const words = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `kata-${i}`))};\n`;
  const style = `${'.kartu{margin:0 auto;padding:4px 8px;color:#1c7ed6}'.repeat(60)}\n`;
  const sourceMap = JSON.stringify({ version: 3, mappings: 'AAAA;'.repeat(400) });
  const secret = `export const secret = '${'rahasia '.repeat(200)}';\n`;
  /**
   * Writes a file and, given `br`, its .br sibling as the web build writes it (apps/web/build/precompress.ts; brotli's
   * default quality is its highest, 11; an app never imports another, so not its function). A `br` other than the
   * content tells the two apart.
   */
  const write = (path: string, content: string, br?: string) => {
    writeFileSync(path, content);
    if (br !== undefined) writeFileSync(`${path}.br`, brotliCompressSync(Buffer.from(br)));
  };

  const writeManifest = (manifest: unknown) =>
    writeFileSync(join(webDir, '.vite', 'route-preload.json'), JSON.stringify(manifest));

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'kompeten-web-'));
    webDir = join(root, 'web');
    mkdirSync(join(webDir, 'assets'), { recursive: true });
    write(
      join(webDir, 'index.html'),
      `<!doctype html><html><head><title>Kompeten</title></head><body>${'<p>Kompeten</p>'.repeat(100)}</body></html>`,
      'not the shell: never sent',
    );
    write(join(webDir, 'assets', 'index-BxQ3f9aZ.js'), script, script);
    write(join(webDir, 'assets', 'index-BxQ3f9aZ.js.map'), sourceMap, 'not the map: never sent');
    write(join(webDir, 'assets', 'index-C4d5e6f7.css'), style, style);
    write(join(webDir, 'assets', 'lazy-D8e9f0a1.js'), script); // no .br: compressed on the fly
    write(join(webDir, 'assets', 'gone-E2f3a4b5.js'), script, script);
    // The build's list of each route's files (apps/web/build/route-preload.ts), read by the shell (decision 0027 §12).
    mkdirSync(join(webDir, '.vite'));
    writeManifest({
      files: [
        '/assets/CatalogPage-A1b2c3d4.js',
        '/assets/Card-B2c3d4e5.js',
        '/assets/Card-C3d4e5f6.css',
        '/assets/Course-D4e5f6a7.js',
      ],
      table: [
        ['katalog', [0, 1, 2]],
        ['katalog/:courseId', [3, 1]],
      ],
    });
    writeFileSync(join(webDir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"></svg>');
    // Beside the web dir, reachable only by climbing out of it.
    mkdirSync(join(root, 'assets'));
    write(join(root, 'assets', 'secret-BxQ3f9aZ.js'), secret, secret);
    api = await bootApi({ seed: false, config: { WEB_DIST_DIR: webDir } });
  });
  afterAll(async () => {
    await api.close();
    rmSync(root, { recursive: true, force: true });
  });

  it("sends the build's .br of a hashed asset to a browser that accepts brotli, cached for a year", async () => {
    const brSize = statSync(join(webDir, 'assets', 'index-BxQ3f9aZ.js.br')).size;
    const plain = await api.http.get('/assets/index-BxQ3f9aZ.js').set('Accept-Encoding', 'identity');
    for (const req of [api.http.get('/assets/index-BxQ3f9aZ.js'), api.http.head('/assets/index-BxQ3f9aZ.js')]) {
      const res = await req.set('Accept-Encoding', 'gzip, deflate, br');
      expect(res.status).toBe(200);
      expect(res.headers['content-encoding']).toBe('br');
      expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
      expect(res.headers['content-type']).toBe(plain.headers['content-type']);
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(res.headers.vary).toMatch(/Accept-Encoding/i);
      // The file's own bytes, not the middleware's (which streams without a length).
      expect(Number(res.headers['content-length'])).toBe(brSize);
    }
    const res = await api.http.get('/assets/index-BxQ3f9aZ.js').set('Accept-Encoding', 'br');
    expect(res.text).toBe(readFileSync(join(webDir, 'assets', 'index-BxQ3f9aZ.js'), 'utf8')); // supertest decodes it

    const css = await api.http.get('/assets/index-C4d5e6f7.css').set('Accept-Encoding', 'br');
    expect(css.headers['content-encoding']).toBe('br');
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(Number(css.headers['content-length'])).toBe(statSync(join(webDir, 'assets', 'index-C4d5e6f7.css.br')).size);
    expect(css.text).toBe(style);
  });

  it('compresses a hashed asset without a .br on the fly, with the same headers', async () => {
    const res = await api.http.get('/assets/lazy-D8e9f0a1.js').set('Accept-Encoding', 'gzip, deflate, br');
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-length']).toBeUndefined();
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers.vary).toMatch(/Accept-Encoding/i);
    expect(res.text).toBe(script);
  });

  it('serves the file as before when its .br is removed under the running API (a rebuild)', async () => {
    const first = await api.http.get('/assets/gone-E2f3a4b5.js').set('Accept-Encoding', 'br');
    expect(first.headers['content-length']).toBeDefined();
    rmSync(join(webDir, 'assets', 'gone-E2f3a4b5.js.br'));
    for (const accept of ['br', 'identity']) {
      const res = await api.http.get('/assets/gone-E2f3a4b5.js').set('Accept-Encoding', accept);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(res.text).toBe(script);
    }
  });

  it('never sends a .br for a source map or the shell', async () => {
    const map = await api.http.get('/assets/index-BxQ3f9aZ.js.map').set('Accept-Encoding', 'br');
    expect(map.status).toBe(200);
    expect(map.text).toBe(sourceMap);
    for (const path of ['/', '/index.html']) {
      const shell = await api.http.get(path).set('Accept', 'text/html').set('Accept-Encoding', 'br');
      expect(shell.status).toBe(200);
      expect(shell.text).toContain('<p>Kompeten</p>');
    }
  });

  it('never sends a file from outside the web folder', async () => {
    for (const path of ['/assets/../../assets/secret-BxQ3f9aZ.js', '/assets/..%2F..%2Fassets%2Fsecret-BxQ3f9aZ.js']) {
      const res = await api.http.get(path).set('Accept-Encoding', 'br');
      expect(res.text).not.toContain('rahasia');
      expect(res.headers['content-type'] ?? '').not.toMatch(/javascript/);
    }
  });

  it('falls back to gzip when brotli is refused or not named, and to plain bytes for no encoding', async () => {
    for (const accept of ['gzip', 'br;q=0, gzip']) {
      const gz = await api.http.get('/assets/index-BxQ3f9aZ.js').set('Accept-Encoding', accept);
      expect(gz.headers['content-encoding']).toBe('gzip');
      expect(gz.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(gz.text).toBe(script); // supertest gunzips it
    }
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

  it("names the opened route's files in the shell's head, and only those", async () => {
    const head = async (path: string) => {
      const res = await api.http.get(path).set('Accept', 'text/html');
      expect(res.status).toBe(200);
      expect(res.text).toContain('<p>Kompeten</p>');
      return res.text.slice(0, res.text.indexOf('</head>'));
    };
    const catalog = await head('/katalog');
    expect(catalog).toContain(
      '<link rel="modulepreload" crossorigin href="/assets/CatalogPage-A1b2c3d4.js" data-route-preload>',
    );
    expect(catalog).toContain(
      '<link rel="modulepreload" crossorigin href="/assets/Card-B2c3d4e5.js" data-route-preload>',
    );
    expect(catalog).toContain(
      '<link rel="preload" as="style" crossorigin href="/assets/Card-C3d4e5f6.css" data-route-preload>',
    );
    expect(catalog).not.toContain('Course-D4e5f6a7');
    const course = await head('/katalog/6f1c9a');
    expect(course.match(/data-route-preload/g)).toHaveLength(2);
    expect(course).toContain('/assets/Course-D4e5f6a7.js');
    for (const path of ['/', '/tidak-ada', '/katalog/6f1c9a/lagi'])
      expect(await head(path)).not.toContain('data-route-preload');
    // The path only picks a route; nothing of it is written into the page.
    const odd = await head('/katalog/%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E');
    expect(odd).toContain('/assets/Course-D4e5f6a7.js');
    expect(odd).not.toMatch(/script|alert/);

    // A rebuild under the running API: the new list is used; a broken or missing one leaves the shell as it is.
    writeManifest({ files: ['/assets/CatalogPage-E5f6a7b8.js'], table: [['katalog', [0]]] });
    const later = await head('/katalog');
    expect(later).toContain('/assets/CatalogPage-E5f6a7b8.js');
    expect(later).not.toContain('CatalogPage-A1b2c3d4');
    writeFileSync(join(webDir, '.vite', 'route-preload.json'), '{"files": [');
    expect(await head('/katalog')).not.toContain('data-route-preload');
    rmSync(join(webDir, '.vite', 'route-preload.json'));
    expect(await head('/katalog')).not.toContain('data-route-preload');
  });

  it('sends a page the build rendered inside #root, with its styles as stylesheets and its scripts parked until the paint', async () => {
    const shell = readFileSync(join(webDir, 'index.html'), 'utf8');
    try {
      // Decision 0041: the web build's index.html and its list of prerendered pages (apps/web/build/prerender.ts).
      writeFileSync(
        join(webDir, 'index.html'),
        '<!doctype html><html lang="id"><head><meta charset="UTF-8" /><title>Kompeten</title>' +
          '<script type="module" crossorigin src="/assets/index-BxQ3f9aZ.js"></script>' +
          '<link rel="stylesheet" crossorigin href="/assets/index-C4d5e6f7.css"></head>' +
          '<body><div id="root"></div></body></html>',
      );
      writeManifest({
        files: ['/assets/LoginPage-A1b2c3d4.js', '/assets/PublicShell-B2c3d4e5.css', '/assets/Catalog-C3d4e5f6.js'],
        table: [
          ['login', [0, 1]],
          ['katalog', [2]],
        ],
      });
      writeFileSync(
        join(webDir, '.vite', 'prerender.json'),
        JSON.stringify({ pages: { '/login': '<main><h1>Masuk ke Kompeten</h1></main>' } }),
      );
      const login = await api.http.get('/login').set('Accept', 'text/html');
      expect(login.status).toBe(200);
      expect(login.headers['cache-control']).toBe('no-cache');
      expect(login.text).toContain('<div id="root" data-prerendered><main><h1>Masuk ke Kompeten</h1></main></div>');
      expect(login.text).toContain(
        '<link rel="stylesheet" crossorigin href="/assets/PublicShell-B2c3d4e5.css" data-route-preload>',
      );
      expect(login.text).toContain(
        '<template data-after-paint><script type="module" crossorigin src="/assets/index-BxQ3f9aZ.js"></script>' +
          '<link rel="modulepreload" crossorigin href="/assets/LoginPage-A1b2c3d4.js" data-route-preload></template>',
      );
      expect(login.text.replace(/<template data-after-paint>.*<\/template>/, '')).not.toMatch(
        /type="module"|modulepreload/,
      );

      // Any other page: the empty shell, its scripts where they were.
      for (const path of ['/katalog', '/login/lagi', '/']) {
        const other = await api.http.get(path).set('Accept', 'text/html');
        expect(other.text).toContain('<div id="root"></div>');
        expect(other.text).not.toMatch(/data-prerendered|data-after-paint/);
        expect(other.text).toContain('<script type="module" crossorigin src="/assets/index-BxQ3f9aZ.js"></script>');
      }
      // A broken or missing list: the plain shell.
      writeFileSync(join(webDir, '.vite', 'prerender.json'), '{"pages": ');
      const broken = await api.http.get('/login').set('Accept', 'text/html');
      expect(broken.text).toContain('<div id="root"></div>');
      expect(broken.text).not.toContain('data-after-paint');
      rmSync(join(webDir, '.vite', 'prerender.json'));
      expect((await api.http.get('/login').set('Accept', 'text/html')).text).toContain('<div id="root"></div>');
    } finally {
      writeFileSync(join(webDir, 'index.html'), shell);
      rmSync(join(webDir, '.vite', 'route-preload.json'), { force: true });
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
