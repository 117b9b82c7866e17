import { describe, expect, it } from '@jest/globals';
import { cleanPastedHtml } from './paste-cleaner';

/** What Word 365 puts on the clipboard for a heading, a paragraph with bold text, and a two-item bulleted list. */
const WORD = `<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word">
<head><meta name=ProgId content=Word.Document><style>
<!-- p.MsoNormal {mso-style-parent:""; margin:0cm;} -->
</style><!--[if gte mso 9]><xml><w:WordDocument><w:View>Normal</w:View></w:WordDocument></xml><![endif]--></head>
<body lang=IN style='tab-interval:36.0pt'>
<!--StartFragment-->
<h2 style='mso-margin-top-alt:auto'><span lang=IN style='mso-fareast-font-family:"Times New Roman"'>Nilai dasar ASN<o:p></o:p></span></h2>
<p class=MsoNormal><span lang=IN>ASN hadir untuk <b style='mso-bidi-font-weight:normal'>melayani</b> masyarakat.<o:p></o:p></span></p>
<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span
style='font-family:Symbol;mso-fareast-font-family:Symbol'><span style='mso-list:Ignore'>·<span
style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span></span><![endif]><span
lang=IN>Ramah<o:p></o:p></span></p>
<p class=MsoListParagraphCxSpLast style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span
style='font-family:Symbol'><span style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span></span><![endif]><span lang=IN>Cekatan</span></p>
<p class=MsoNormal><img width=100 height=50 src="file:///C:/Users/nur/AppData/Local/Temp/msohtmlclip1/01/clip_image001.png"><span style='mso-spacerun:yes'> </span></p>
<!--EndFragment-->
</body></html>`;

describe('cleanPastedHtml', () => {
  it('keeps the heading, the bold text and the list of a Word paste, and nothing of Word itself', () => {
    const out = cleanPastedHtml(WORD);
    expect(out).not.toMatch(/mso|Mso|<o:p|<w:|<xml|<style|<meta|<!--|<!\[|lang=|file:|Symbol|Times New Roman/);
    expect(out).toContain('<h2>Nilai dasar ASN</h2>');
    expect(out).toContain('<p>ASN hadir untuk <b>melayani</b> masyarakat.</p>');
    expect(out).toMatch(/<ul><li><p>Ramah<\/p><\/li><li><p>Cekatan<\/p><\/li><\/ul>/);
    expect(out).not.toContain('·');
  });

  it('turns a numbered Word list into an ordered list and keeps separate lists apart', () => {
    const item = (list: number, marker: string, text: string) =>
      `<p class=MsoListParagraph style='mso-list:l${list} level1 lfo1'><![if !supportLists]><span style='mso-list:Ignore'>${marker}<span>&nbsp; </span></span><![endif]>${text}</p>`;
    const out = cleanPastedHtml(
      item(1, '1.', 'Siapkan') + item(1, '2.', 'Layani') + '<p class=MsoNormal>Sela</p>' + item(2, 'a)', 'Ulang'),
    );
    expect(out).toBe('<ol><li><p>Siapkan</p></li><li><p>Layani</p></li></ol><p>Sela</p><ol><li><p>Ulang</p></li></ol>');
  });

  it('finds the list marker without the supportLists flags too', () => {
    const out = cleanPastedHtml(
      `<p style="mso-list:l3 level1 lfo2"><span style="mso-list:Ignore">o<span style="font:7pt">&nbsp;</span></span>Satu</p>`,
    );
    expect(out).toBe('<ul><li><p>Satu</p></li></ul>');
  });

  it('keeps styles TipTap reads (bold, italic) and drops only the mso-* declarations and empty spans', () => {
    expect(
      cleanPastedHtml(
        `<p class="MsoNormal Kutipan"><span style="font-weight:bold;mso-bidi-font-weight:normal">Tebal</span> <span style='mso-spacerun:yes'>  </span><span></span><span>Polos</span></p>`,
      ),
    ).toBe('<p class="Kutipan"><span style="font-weight:bold">Tebal</span>   Polos</p>');
  });

  it('leaves HTML that is not from Office as it is', () => {
    const html = '<h2>Judul</h2><p>Teks <span class="highlight">biasa</span></p>';
    expect(cleanPastedHtml(html)).toBe(html);
  });
});
