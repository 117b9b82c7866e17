import { ErrorCode, type CompletionRule } from '@kompeten/shared-contracts';
import { validateContentShape } from '../dto/lesson-content.dto';
import { cleanFileName } from '@kompeten/server-core';
import { cleanRule, completionRuleProblems, withoutLessons } from './lesson-content';
import { plainText, sanitizeRichText } from './rich-text';

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
      '<h2>Judul</h2><p>Isi <a href="https://bkn.go.id" target="_blank" rel="noopener noreferrer">BKN</a></p><img />',
    );
    expect(plainText('<p>Pelayanan&nbsp;<b>publik</b></p>')).toBe('Pelayanan publik');
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
