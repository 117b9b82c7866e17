import { escapeHtmlText, hasHtmlTags, plainTextToHtml, richTextHtml } from './rich-text';

describe('rich text helpers', () => {
  it('tells HTML from plain text', () => {
    expect(hasHtmlTags('<p>Nilai dasar</p>')).toBe(true);
    expect(hasHtmlTags('Baris<br>baris')).toBe(true);
    expect(hasHtmlTags('<img src="/api/files/x">')).toBe(true);
    expect(hasHtmlTags('Apakah 2 < 3 dan 5 > 4?')).toBe(false);
    expect(hasHtmlTags('Pelayanan & pengaduan')).toBe(false);
  });

  it('keeps the paragraphs of plain text typed before the editor', () => {
    expect(plainTextToHtml('Paragraf satu,\nbaris dua.\n\nParagraf dua.\n \n\n')).toBe(
      '<p>Paragraf satu,<br>baris dua.</p><p>Paragraf dua.</p>',
    );
    expect(plainTextToHtml('Windows\r\n\r\nbaris')).toBe('<p>Windows</p><p>baris</p>');
    expect(plainTextToHtml('   ')).toBe('');
  });

  it('escapes text, leaving what is already an entity', () => {
    expect(escapeHtmlText('2 < 3 & "ya"')).toBe('2 &lt; 3 &amp; &quot;ya&quot;');
    expect(escapeHtmlText('Sikap &amp; kebiasaan &#8211; &#x2013;')).toBe('Sikap &amp; kebiasaan &#8211; &#x2013;');
    expect(plainTextToHtml('<script>alert(1)</script>')).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>');
  });

  it('gives stored HTML as it is and plain text as paragraphs', () => {
    expect(richTextHtml('<h2>Judul</h2><ul><li>satu</li></ul>')).toBe('<h2>Judul</h2><ul><li>satu</li></ul>');
    expect(richTextHtml('Satu\n\nDua')).toBe('<p>Satu</p><p>Dua</p>');
  });
});
