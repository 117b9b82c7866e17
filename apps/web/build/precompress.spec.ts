import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { MIN_PRECOMPRESSED_BYTES, precompressFiles } from './precompress';

describe('precompress: .br files beside the built assets', () => {
  let dir: string;
  const text = (bytes: number, seed = 'x') =>
    Array.from({ length: bytes }, (_, i) => String.fromCharCode(97 + ((i * 7 + seed.charCodeAt(0)) % 26))).join('');
  const write = (fileName: string, content: string) => {
    writeFileSync(join(dir, fileName), content);
    return fileName;
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kompeten-precompress-'));
    mkdirSync(join(dir, 'assets'));
    mkdirSync(join(dir, '.vite'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes a .br that decompresses to exactly the file, for scripts, styles, SVG and JSON', () => {
    const files = {
      'assets/index-BxQ3f9aZ.js': `export const words = ${JSON.stringify(text(4000))};\n//# sourceMappingURL=index-BxQ3f9aZ.js.map\n`,
      'assets/index-C1a2b3c4.css': `.a{color:red}${'.b{margin:0 auto;padding:4px}'.repeat(80)}`,
      'assets/logo-D5e6f7g8.svg': `<svg xmlns="http://www.w3.org/2000/svg">${'<path d="M0 0h10v10z"/>'.repeat(60)}</svg>`,
      'assets/words-E9f0a1b2.json': JSON.stringify({ words: text(2000, 'q') }),
    };
    for (const [name, content] of Object.entries(files)) write(name, content);

    expect(precompressFiles(dir, Object.keys(files))).toEqual(Object.keys(files));
    for (const [name, content] of Object.entries(files)) {
      const br = readFileSync(join(dir, `${name}.br`));
      expect(brotliDecompressSync(br).toString()).toBe(content);
      expect(br.length).toBeLessThan(Buffer.byteLength(content));
    }
  });

  it('skips files under 1 KB, source maps, index.html, other types and the dot folder', () => {
    const skipped = [
      write('assets/tiny-BxQ3f9aZ.js', text(MIN_PRECOMPRESSED_BYTES - 1)),
      write('assets/index-BxQ3f9aZ.js.map', JSON.stringify({ mappings: text(5000) })),
      write('index.html', `<!doctype html>${'<p>Kompeten</p>'.repeat(200)}`),
      write('assets/photo-BxQ3f9aZ.png', text(5000)),
      write('.vite/manifest.json', JSON.stringify({ entry: text(5000) })),
    ];
    const exactlyOneKb = write('assets/edge-BxQ3f9aZ.js', text(MIN_PRECOMPRESSED_BYTES));

    expect(precompressFiles(dir, [...skipped, exactlyOneKb])).toEqual([exactlyOneKb]);
    const brFiles = [
      ...readdirSync(join(dir, 'assets')),
      ...readdirSync(dir),
      ...readdirSync(join(dir, '.vite')),
    ].filter((f) => f.endsWith('.br'));
    expect(brFiles).toEqual(['edge-BxQ3f9aZ.js.br']);
  });
});
