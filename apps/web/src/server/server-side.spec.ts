import { describe, expect, it } from '@jest/globals';
import { displayHtmlOnServer, richTextToPlainOnServer } from './rich-text';
import { scriptSafeJson } from './script-safe-json';

// Decision 0041: what a page rendered on the server shows of rich text, and how its reads travel in the HTML.
describe('server rendering helpers', () => {
  it('gives the text of rich text on one line, entities decoded, blocks apart', () => {
    expect(
      richTextToPlainOnServer('<h2>Tujuan</h2><p>Pelayanan &amp; etika</p><ul><li>satu</li><li>dua</li></ul>'),
    ).toBe('Tujuan Pelayanan & etika satu dua');
    expect(richTextToPlainOnServer('Baris satu\nBaris &lt;dua&gt;')).toBe('Baris satu Baris <dua>');
    expect(richTextToPlainOnServer('a<br>b<br/>c')).toBe('a b c');
    expect(richTextToPlainOnServer('')).toBe('');
  });

  it('keeps only the allow-list, rewrites links and course pictures as the browser does, and drops scripts with their text', () => {
    const html = displayHtmlOnServer(
      '<p onclick="x()">Hai <a href="https://bkn.go.id" target="_self">BKN</a> <a href="javascript:alert(1)">no</a>' +
        ' <a href="mailto:a@b.id">mail</a></p><script>alert(1)</script><iframe src="https://evil"></iframe>' +
        '<img src="/api/files/0b8f2c4e-1a2b-4c3d-8e9f-0a1b2c3d4e5f" alt="Bagan"><img src="https://evil/x.png">' +
        '<div><span>dibuka</span></div><table><tbody><tr><td colspan="2" style="color:red">sel</td></tr></tbody></table>',
    );
    expect(html).toContain('<a href="https://bkn.go.id" target="_blank" rel="noopener noreferrer">BKN</a>');
    expect(html).toContain('<a>no</a>');
    expect(html).toContain('<a href="mailto:a@b.id">mail</a>');
    expect(html).toContain('<img alt="Bagan" data-course-file="0b8f2c4e-1a2b-4c3d-8e9f-0a1b2c3d4e5f" />');
    expect(html).toContain('dibuka');
    expect(html).toContain('<td colspan="2">sel</td>');
    expect(html).not.toMatch(/onclick|script|alert\(1\)<|iframe|evil|style=|<div|<span|src=/);
    expect(displayHtmlOnServer('Dua\nbaris')).toBe('<p>Dua<br />baris</p>');
  });

  it('writes JSON with no `<` and no raw line separators, which parses back to the same value', () => {
    const value = { title: '</script><script>alert(1)</script>', note: '<!-- x -->', sep: 'a\u2028b\u2029c' };
    const text = scriptSafeJson(value);
    expect(text).not.toMatch(/[<\u2028\u2029]/);
    expect(JSON.parse(text)).toEqual(value);
  });
});
