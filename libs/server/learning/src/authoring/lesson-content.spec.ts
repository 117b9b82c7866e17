import { ErrorCode, type CompletionRule } from '@kompeten/shared-contracts';
import { validateContentShape } from '../dto/lesson-content.dto';
import { cleanFileName } from '@kompeten/server-core';
import { cleanRule, completionRuleProblems, withoutLessons } from './lesson-content';
import { imageFileIds, plainText, sanitizePrompt, sanitizeRichText } from './rich-text';

describe('lesson content', () => {
  it('validates the shape per kind and names every problem', () => {
    expect(() => validateContentShape('link', { url: 'ftp://x' })).toThrow(/content\.url/);
    expect(() => validateContentShape('quiz', { quizId: 'abc', extra: true })).toThrow(
      /content\.quizId.*content\.extra|content\.extra.*content\.quizId/,
    );
    expect(() => validateContentShape('text', { kind: 'video', html: '<p>x</p>' })).toThrow(/content\.kind/);
    expect(() => validateContentShape('text', 'x')).toThrow(
      expect.objectContaining({ code: ErrorCode.LEARNING_INVALID_CONTENT }),
    );
    expect(validateContentShape('text', { kind: 'text', html: '<p>x</p>' })).toMatchObject({ html: '<p>x</p>' });
  });

  it('sanitises rich text, keeping formatting and safe links', () => {
    const out = sanitizeRichText(
      '<h2 style="color:red">Judul</h2><p onclick="x()">Isi <a href="https://bkn.go.id" target="_self">BKN</a><iframe src="https://evil"></iframe></p><img src="data:image/png;base64,AAA">',
    );
    expect(out).toBe(
      '<h2>Judul</h2><p>Isi <a href="https://bkn.go.id" target="_blank" rel="noopener noreferrer">BKN</a></p>',
    );
    expect(plainText('<p>Pelayanan&nbsp;<b>publik</b></p>')).toBe('Pelayanan publik');
    expect(plainText('<h2>Judul</h2><p>Satu</p><ul><li>dua</li></ul>')).toBe('Judul Satu dua');
  });

  it('keeps exactly what the editor produces (h2–h4, lists, links, tables, course pictures, marks, quotes, code)', () => {
    const id = '0b7a4f4e-3c1d-4c55-9a51-6f1d9d0f2a11';
    const editor =
      '<h2>Dua</h2><h3>Tiga</h3><h4>Empat</h4><p>Teks <strong>tebal</strong> <em>miring</em> <u>garis</u> <s>coret</s> <code>kode</code><br>baris</p>' +
      '<ul><li><p>butir</p></li></ul><ol start="3"><li><p>tiga</p></li></ol><blockquote><p>kutipan</p></blockquote>' +
      '<p><a href="mailto:bpsdm@ntbprov.go.id">surel</a></p>' +
      '<table><thead><tr><th colspan="1" rowspan="1" scope="col"><p>Kolom</p></th></tr></thead><tbody><tr><td colspan="2" rowspan="1"><p>Isi</p></td></tr></tbody></table>' +
      `<img src="/api/files/${id}" alt="Bagan">`;
    // sanitize-html writes void elements self-closed; nothing else changes.
    expect(sanitizeRichText(editor)).toBe(editor.replace('<br>', '<br />').replace('alt="Bagan">', 'alt="Bagan" />'));
  });

  it('drops everything else: other tags and attributes, pictures from elsewhere, script links', () => {
    const out = sanitizeRichText(
      '<h1>Besar</h1><h5>Kecil</h5><div class="MsoNormal" style="mso-line-height:1"><span lang="IN">Word</span></div>' +
        '<b>b</b><i>i</i><pre>pre</pre><hr><script>alert(1)</script><style>p{}</style><form><input></form>' +
        '<a href="javascript:alert(1)">js</a><a href="//evil.example/x">proto</a>' +
        '<img src="https://evil.example/track.gif"><img src="/api/files/bukan-uuid"><img src="/api/files/0b7a4f4e-3c1d-4c55-9a51-6f1d9d0f2a11" onerror="x()">' +
        '<table style="min-width:50px"><colgroup><col style="min-width:25px"></colgroup><tbody><tr><td><p>sel</p></td></tr></tbody></table>',
    );
    expect(out).toBe(
      '<h2>Besar</h2><h4>Kecil</h4>Word<strong>b</strong><em>i</em>pre' +
        '<a>js</a><a>proto</a>' +
        '<img src="/api/files/0b7a4f4e-3c1d-4c55-9a51-6f1d9d0f2a11" />' +
        '<table><tbody><tr><td><p>sel</p></td></tr></tbody></table>',
    );
    expect(imageFileIds(out)).toEqual(['0b7a4f4e-3c1d-4c55-9a51-6f1d9d0f2a11']);
  });

  it('turns plain text into paragraphs; keeps a plain prompt as typed but sanitises an HTML one', () => {
    expect(sanitizeRichText('Paragraf satu.\n\nParagraf dua & tiga.')).toBe(
      '<p>Paragraf satu.</p><p>Paragraf dua &amp; tiga.</p>',
    );
    expect(sanitizePrompt('Apakah 2 < 3?\nPilih satu.')).toBe('Apakah 2 < 3?\nPilih satu.');
    expect(sanitizePrompt('<p>Soal <strong>penting</strong></p><script>x</script>')).toBe(
      '<p>Soal <strong>penting</strong></p>',
    );
  });

  it('checks a completion rule against the lessons and drops deleted lessons from it', () => {
    const lessons = [
      { id: 'a', kind: 'text' as const },
      { id: 'q', kind: 'quiz' as const },
      { id: 't', kind: 'assignment' as const },
    ];
    const rule: CompletionRule = {
      requiredLessons: ['a', 'x'],
      passQuizzes: ['q', 'a'],
      passAssignments: ['t'],
      minLiveAttendance: 1,
    };
    expect(completionRuleProblems(rule, lessons)).toEqual([
      'completionRule.requiredLessons: pelajaran x tidak ada di pelatihan ini',
      'completionRule.passQuizzes: a bukan pelajaran kuis di pelatihan ini',
      'completionRule.minLiveAttendance 1 melebihi jumlah sesi langsung (0)',
    ]);
    expect(withoutLessons(rule, ['a', 'q'])).toEqual({
      requiredLessons: ['x'],
      passQuizzes: [],
      passAssignments: ['t'],
      minLiveAttendance: 1,
    });
    expect(cleanRule({ requiredLessons: 'all', passQuizzes: [], minPostTestPercent: 70 })).toEqual({
      requiredLessons: 'all',
      minPostTestPercent: 70,
    });
  });

  it('keeps uploaded file names readable and path-free', () => {
    expect(cleanFileName(Buffer.from('Modul Pelayanan – 2026.pdf', 'utf8').toString('latin1'))).toBe(
      'Modul Pelayanan – 2026.pdf',
    );
    expect(cleanFileName('../../etc/passwd')).toBe('.._.._etc_passwd');
    expect(cleanFileName('\u0000')).toBe('berkas');
  });
});
