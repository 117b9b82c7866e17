import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import request from 'supertest';
import {
  appShell,
  type SignedInRender,
  withPrerenderedPage,
  withScriptsAfterPaint,
  withSignedInPage,
} from './app-shell';

// Decision 0041: what the shell does to index.html for a page the build rendered.
const INDEX = [
  '<!doctype html><html lang="id"><head>',
  '<script async src="/assets/route-preload-a1.js"></script>',
  '<meta charset="UTF-8" /><title>Kompeten</title>',
  '<script type="module" crossorigin src="/assets/index-b2.js"></script>',
  '<link rel="modulepreload" crossorigin href="/assets/framework-c3.js">',
  '<link rel="stylesheet" crossorigin href="/assets/index-d4.css">',
  '<link rel="modulepreload" crossorigin href="/assets/LoginPage-e5.js" data-route-preload>',
  '<link rel="stylesheet" crossorigin href="/assets/PublicShell-f6.css" data-route-preload>',
  '</head><body><div id="root"></div></body></html>',
].join('');

describe('app shell: prerendered pages', () => {
  it("puts a page's markup into the empty #root, marked for hydration", () => {
    const html = withPrerenderedPage(INDEX, '<main><h1>Masuk</h1></main>');
    expect(html).toContain('<div id="root" data-prerendered><main><h1>Masuk</h1></main></div>');
    expect(html.replace('<div id="root" data-prerendered><main><h1>Masuk</h1></main></div>', '')).toBe(
      INDEX.replace('<div id="root"></div>', ''),
    );
  });

  it('leaves the HTML as it is without markup, or without an empty #root to fill', () => {
    expect(withPrerenderedPage(INDEX, undefined)).toBe(INDEX);
    const filled = INDEX.replace('<div id="root"></div>', '<div id="root"><p>x</p></div>');
    expect(withPrerenderedPage(filled, '<main>Masuk</main>')).toBe(filled);
  });

  it('takes markup with `$` patterns literally', () => {
    expect(withPrerenderedPage(INDEX, "<p>$& $' $1</p>")).toContain(
      '<div id="root" data-prerendered><p>$& $\' $1</p></div>',
    );
  });

  it('parks the module script and every module preload in a template after the charset; styles and the early script stay', () => {
    const html = withScriptsAfterPaint(INDEX);
    const head = html.slice(0, html.indexOf('</head>'));
    const template = head.slice(head.indexOf('<template data-after-paint>'), head.indexOf('</template>') + 11);
    expect(template).toBe(
      '<template data-after-paint>' +
        '<script type="module" crossorigin src="/assets/index-b2.js"></script>' +
        '<link rel="modulepreload" crossorigin href="/assets/framework-c3.js">' +
        '<link rel="modulepreload" crossorigin href="/assets/LoginPage-e5.js" data-route-preload>' +
        '</template>',
    );
    const outside = head.replace(template, '');
    expect(outside).not.toMatch(/type="module"|modulepreload/);
    expect(outside).toContain('<script async src="/assets/route-preload-a1.js"></script>');
    expect(outside).toContain('<link rel="stylesheet" crossorigin href="/assets/index-d4.css">');
    expect(outside).toContain(
      '<link rel="stylesheet" crossorigin href="/assets/PublicShell-f6.css" data-route-preload>',
    );
    expect(head.indexOf('<meta charset="UTF-8" />')).toBeLessThan(head.indexOf('<template'));
    expect(html.slice(html.indexOf('</head>'))).toBe('</head><body><div id="root"></div></body></html>');
  });

  it('leaves a head without module scripts as it is', () => {
    const plain = '<html><head><title>x</title></head><body></body></html>';
    expect(withScriptsAfterPaint(plain)).toBe(plain);
    expect(withScriptsAfterPaint('<p>no head</p>')).toBe('<p>no head</p>');
  });
});

describe('app shell: signed-in pages rendered on the server', () => {
  let webDir: string;
  beforeAll(() => {
    webDir = mkdtempSync(join(tmpdir(), 'kompeten-shell-'));
    writeFileSync(join(webDir, 'index.html'), INDEX);
  });
  afterAll(() => rmSync(webDir, { recursive: true, force: true }));

  const server = (render: SignedInRender) => express().use(appShell(webDir, render));

  it("sends the page's markup and its reads, for that person only, with the scripts parked", async () => {
    const res = await request(
      server(() => Promise.resolve({ markup: '<main><h1>Katalog</h1></main>', state: '{"queries":[]}' })),
    )
      .get('/katalog')
      .set('Accept', 'text/html');
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('private, no-store');
    expect(res.headers.vary).toMatch(/Cookie/);
    expect(res.text).toContain(
      '<div id="root" data-prerendered><main><h1>Katalog</h1></main></div>' +
        '<script type="application/json" id="kompeten-ssr-state">{"queries":[]}</script>',
    );
    expect(res.text).toContain('<template data-after-paint><script type="module"');
  });

  it('sends the empty shell, revalidated, when the page was not rendered', async () => {
    const res = await request(server(() => Promise.resolve(null)))
      .get('/katalog')
      .set('Accept', 'text/html');
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.text).toBe(INDEX);
  });

  it('never lets the reads close the script element', () => {
    const html = withSignedInPage(INDEX, { markup: '<p>x</p>', state: '{"t":"</script><script>alert(1)"}' });
    expect(html).toContain('{"t":"\\u003c/script>\\u003cscript>alert(1)"}</script>');
    expect(html.split('</script>').length).toBe(INDEX.split('</script>').length + 1);
  });
});
