import type { CourseSnapshot, LessonContent, QuizSnapshot } from '@kompeten/shared-contracts';
import {
  creditedSeconds,
  lessonMinSeconds,
  progressPercent,
  quizLessonIds,
  requiredLessonIds,
  unmetConditions,
  type ProgressFacts,
} from './completion-rule';
import { creditableSeconds, MAX_CREDIT_PER_EVENT } from './progress.service';
import { eventCompletes } from './progress.service';

const quiz = (id: string, role: QuizSnapshot['settings']['role']): QuizSnapshot => ({
  id,
  title: id,
  questions: [],
  settings: {
    role,
    draw: [],
    shuffleOptions: false,
    timeLimitSeconds: null,
    opensAt: null,
    closesAt: null,
    maxAttempts: null,
    passPercent: 70,
    gradingMethod: 'highest',
    reviewPolicy: 'never',
  },
});

const lesson = (id: string, content: LessonContent, required = true) => ({ id, title: id, required, content });

function snapshot(rule: CourseSnapshot['completionRule']): CourseSnapshot {
  return {
    courseId: 'c',
    versionNo: 1,
    title: 'BerAKHLAK',
    description: '',
    jp: 8,
    jenisDiklatId: 16,
    completionRule: rule,
    quizzes: { qpre: quiz('qpre', 'pre_test'), qpost: quiz('qpost', 'post_test') },
    modules: [
      {
        id: 'm1',
        title: 'Modul 1',
        lessons: [
          lesson('pre', { kind: 'quiz', quizId: 'qpre' }),
          lesson('text', { kind: 'text', html: '<p>x</p>' }),
          lesson('extra', { kind: 'file', fileId: 'f' }, false),
        ],
      },
      {
        id: 'm2',
        title: 'Modul 2',
        lessons: [
          lesson('task', { kind: 'assignment', instructions: '', maxScore: 100, passScore: 70 }),
          lesson('live', { kind: 'live', startsAt: '', endsAt: '', joinUrl: '' }),
          lesson('post', { kind: 'quiz', quizId: 'qpost' }),
        ],
      },
    ],
  };
}

const done = (lessonId: string, extra: Partial<ProgressFacts> = {}): ProgressFacts => ({
  lessonId,
  status: 'completed',
  passed: null,
  scorePercent: null,
  attended: false,
  ...extra,
});

describe('completion rule', () => {
  it('"all" means every lesson not marked optional; a list means those lessons', () => {
    expect(requiredLessonIds(snapshot({ requiredLessons: 'all' }))).toEqual(['pre', 'text', 'task', 'live', 'post']);
    expect(requiredLessonIds(snapshot({ requiredLessons: ['text', 'unknown'] }))).toEqual(['text']);
  });

  it('finds pre- and post-test lessons by their quiz role', () => {
    const s = snapshot({ requiredLessons: 'all' });
    expect([quizLessonIds(s, 'pre_test'), quizLessonIds(s, 'post_test')]).toEqual([['pre'], ['post']]);
  });

  it('counts progress over required lessons only', () => {
    const s = snapshot({ requiredLessons: 'all' });
    expect(progressPercent(s, [done('text'), done('extra')])).toBe(20);
    expect(progressPercent(s, [done('text'), { ...done('pre'), status: 'in_progress' }, done('post')])).toBe(40);
  });

  it('is met only when every condition holds', () => {
    const s = snapshot({
      requiredLessons: ['text'],
      passQuizzes: ['pre'],
      minPostTestPercent: 70,
      passAssignments: ['task'],
      minLiveAttendance: 1,
    });
    expect(unmetConditions(s, [])).toEqual([
      'lesson:text',
      'quiz:pre',
      'assignment:task',
      'post_test:post',
      'live_attendance:0/1',
    ]);
    const facts = [
      done('text'),
      done('pre', { passed: true }),
      done('post', { scorePercent: 69.99 }),
      done('task', { passed: false }),
      done('live', { attended: true }),
    ];
    expect(unmetConditions(s, facts)).toEqual(['assignment:task', 'post_test:post']);
    facts[2] = done('post', { scorePercent: 70 });
    facts[3] = done('task', { passed: true });
    expect(unmetConditions(s, facts)).toEqual([]);
  });
});

describe('minimum time (docs/learning.md, "Minimum time")', () => {
  it('a course minimum is unmet until the time credited over every lesson reaches it', () => {
    const s = snapshot({ requiredLessons: ['text'], minMinutes: 10 });
    expect(
      unmetConditions(s, [done('text', { timeSpentSeconds: 300 }), done('pre', { timeSpentSeconds: 299 })]),
    ).toEqual(['min_time:599/600']);
    expect(
      unmetConditions(s, [done('text', { timeSpentSeconds: 300 }), done('pre', { timeSpentSeconds: 300 })]),
    ).toEqual([]);
    expect(creditedSeconds([done('a', { timeSpentSeconds: 5 }), done('b')])).toBe(5);
  });
  it('a lesson minimum is read from the rule, in seconds', () => {
    const s = snapshot({ requiredLessons: 'all', lessonMinMinutes: { text: 3 } });
    expect(lessonMinSeconds(s, 'text')).toBe(180);
    expect(lessonMinSeconds(s, 'video')).toBe(0);
  });
});

describe('time credited per event (docs/learning.md, "Time and video the server credits")', () => {
  const at = (s: number) => new Date(Date.UTC(2026, 0, 5, 1, 0, s));
  it('is the claim, bounded by the wall-clock since the last event and by the per-event cap', () => {
    expect(creditableSeconds(30, at(0), at(45))).toBe(30);
    expect(creditableSeconds(3600, at(0), at(1))).toBe(1);
    expect(creditableSeconds(3600, at(0), new Date(at(0).getTime() + 7_200_000))).toBe(MAX_CREDIT_PER_EVENT);
    expect(creditableSeconds(undefined, at(0), at(30))).toBe(0);
    expect(creditableSeconds(30, at(10), at(0))).toBe(0);
  });
});

describe('what completes a lesson', () => {
  const video = lesson('v', { kind: 'video', url: 'u', completeAtRatio: 0.8 });
  it.each([
    ['text', 'opened', true],
    ['document', 'opened', true],
    ['link', 'opened', true],
    ['file', 'opened', false],
    ['file', 'downloaded', true],
    ['text', 'heartbeat', false],
    ['quiz', 'opened', false],
    ['assignment', 'opened', false],
    ['live', 'opened', false],
  ] as const)('%s on %s: %s', (kind, event, expected) => {
    const content = {
      kind,
      html: '',
      fileId: 'f',
      url: 'u',
      quizId: 'q',
      instructions: '',
      maxScore: 1,
      passScore: 1,
      startsAt: '',
      endsAt: '',
      joinUrl: '',
    } as unknown as LessonContent;
    expect(eventCompletes(lesson('l', content), { event })).toBe(expected);
  });
  it('a video at its own ratio, whether by video event or heartbeat', () => {
    expect(eventCompletes(video, { event: 'video', watchedRatio: 0.79 })).toBe(false);
    expect(eventCompletes(video, { event: 'video', watchedRatio: 0.8 })).toBe(true);
    expect(eventCompletes(video, { event: 'heartbeat', watchedRatio: 0.85 })).toBe(true);
    expect(eventCompletes(video, { event: 'opened' })).toBe(false);
  });
});
