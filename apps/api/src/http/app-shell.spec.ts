import { withPrerenderedPage, withScriptsAfterPaint } from './app-shell';

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
