import { describe, expect, it } from '@jest/globals';
import type { Quiz, QuizSettings } from '@kompeten/shared-contracts';
import {
  closesAtProblem,
  drawCountProblem,
  maxAttemptsProblem,
  passPercentProblem,
  quizUpdateOf,
  settingsFormValues,
  timeLimitProblem,
  UNCATEGORISED,
} from './quiz-settings-form';

function makeQuiz(settings: Partial<QuizSettings> = {}): Quiz {
  return {
    id: 'quiz-1',
    courseId: 'course-1',
    title: 'Post-test BerAKHLAK',
    settings: {
      role: 'post_test',
      draw: [
        { categoryId: 'category-1', count: 5 },
        { categoryId: null, count: 3 },
      ],
      shuffleOptions: true,
      timeLimitSeconds: 1800,
      opensAt: '2025-03-02T00:00:00.000Z',
      closesAt: '2025-03-09T15:59:00.000Z',
      maxAttempts: 2,
      passPercent: 70,
      gradingMethod: 'highest',
      reviewPolicy: 'after_close',
      ...settings,
    },
    createdAt: '2025-03-01T00:00:00.000Z',
    updatedAt: '2025-03-01T00:00:00.000Z',
  };
}

describe('quiz settings form', () => {
  it('shows the settings in the author\u2019s zone, minutes for the limit and a marker for uncategorised draws', () => {
    expect(settingsFormValues(makeQuiz(), 'Asia/Makassar')).toEqual({
      title: 'Post-test BerAKHLAK',
      role: 'post_test',
      draw: [
        { categoryId: 'category-1', count: 5 },
        { categoryId: UNCATEGORISED, count: 3 },
      ],
      shuffleOptions: true,
      timeLimitMinutes: 30,
      opensAt: '2025-03-02T08:00',
      closesAt: '2025-03-09T23:59',
      maxAttempts: 2,
      passPercent: 70,
      gradingMethod: 'highest',
      reviewPolicy: 'after_close',
    });
  });

  it('shows no limit, no dates and unlimited attempts as empty inputs', () => {
    const values = settingsFormValues(
      makeQuiz({ timeLimitSeconds: null, opensAt: null, closesAt: null, maxAttempts: null }),
      'Asia/Jakarta',
    );
    expect(values).toMatchObject({ timeLimitMinutes: '', opensAt: '', closesAt: '', maxAttempts: '' });
  });

  it.each(['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'] as const)(
    'sends back exactly the settings it was given (%s)',
    (zone) => {
      const quiz = makeQuiz();
      expect(quizUpdateOf(settingsFormValues(quiz, zone), zone)).toEqual({
        title: quiz.title,
        settings: quiz.settings,
      });
      const open = makeQuiz({ timeLimitSeconds: null, opensAt: null, closesAt: null, maxAttempts: null, draw: [] });
      expect(quizUpdateOf(settingsFormValues(open, zone), zone).settings).toEqual(open.settings);
    },
  );

  it('trims the title, reads the inputs\u2019 strings as numbers and a local time in the author\u2019s zone', () => {
    const values = {
      ...settingsFormValues(makeQuiz(), 'Asia/Jayapura'),
      title: '  Pre-test  ',
      timeLimitMinutes: '45',
      maxAttempts: '3',
      passPercent: '80',
      opensAt: '2025-04-01T07:30',
    };
    values.draw = [{ categoryId: 'category-2', count: '10' }];
    const { title, settings } = quizUpdateOf(values, 'Asia/Jayapura');
    expect(title).toBe('Pre-test');
    expect(settings).toMatchObject({
      timeLimitSeconds: 2700,
      maxAttempts: 3,
      passPercent: 80,
      opensAt: '2025-03-31T22:30:00.000Z',
      draw: [{ categoryId: 'category-2', count: 10 }],
    });
  });

  it.each([
    [5, null],
    ['1', null],
    [0, 'settings.countInvalid'],
    [2.5, 'settings.countInvalid'],
    ['', 'settings.countInvalid'],
  ])('draw count %p → %p', (count, problem) => expect(drawCountProblem(count)).toBe(problem));

  it.each([
    ['', null],
    [1, null],
    [1440, null],
    [0, 'settings.timeLimitInvalid'],
    [1441, 'settings.timeLimitInvalid'],
  ])('time limit %p → %p', (minutes, problem) => expect(timeLimitProblem(minutes)).toBe(problem));

  it.each([
    ['', null],
    [100, null],
    [0, 'settings.attemptsInvalid'],
    [101, 'settings.attemptsInvalid'],
  ])('attempts %p → %p', (attempts, problem) => expect(maxAttemptsProblem(attempts)).toBe(problem));

  it.each([
    [0, null],
    [100, null],
    ['', 'settings.percentInvalid'],
    [-1, 'settings.percentInvalid'],
    [100.5, 'settings.percentInvalid'],
  ])('pass percent %p → %p', (percent, problem) => expect(passPercentProblem(percent)).toBe(problem));

  it('needs the quiz to close after it opens, when both are set', () => {
    expect(closesAtProblem({ opensAt: '2025-03-02T08:00', closesAt: '2025-03-02T08:00' }, 'Asia/Jakarta')).toBe(
      'settings.closeBeforeOpen',
    );
    expect(closesAtProblem({ opensAt: '2025-03-02T08:00', closesAt: '2025-03-01T23:00' }, 'Asia/Jakarta')).toBe(
      'settings.closeBeforeOpen',
    );
    expect(closesAtProblem({ opensAt: '2025-03-02T08:00', closesAt: '2025-03-02T08:01' }, 'Asia/Jakarta')).toBeNull();
    expect(closesAtProblem({ opensAt: '', closesAt: '2025-03-01T08:00' }, 'Asia/Jakarta')).toBeNull();
    expect(closesAtProblem({ opensAt: '2025-03-02T08:00', closesAt: '' }, 'Asia/Jakarta')).toBeNull();
  });
});
