import type { QuestionSnapshot } from '@kompeten/shared-contracts';
import { makeQuestion, makeQuiz } from '@kompeten/server-testing';
import { toQuestionSnapshot } from './authoring/quiz-snapshot.service';
import { QuestionEntity } from './entities/question.entity';
import { scoreQuestion } from './grading';
import { questionProblems } from './question-rules';

// The testing lib cannot import this lib (this lib's tests import it), so its quiz factory writes question snapshots by
// hand. These cases keep that hand-written shape equal to what this lib's authoring accepts and its publish freezes.
const asEntity = (q: QuestionSnapshot) =>
  Object.assign(new QuestionEntity(), {
    id: q.id,
    courseId: q.id,
    categoryId: q.categoryId,
    kind: q.kind,
    prompt: q.prompt,
    options: q.options,
    answerKey: q.key,
    points: q.points,
    feedback: q.feedback ?? null,
    archived: false,
  });

describe('the testing lib quiz factory', () => {
  const questions = makeQuiz('post_test').questions;

  it.each(questions.map((q) => [q.kind, q] as const))('writes a %s question the authoring rules accept', (_kind, q) => {
    expect(questionProblems(q.kind, q.options, q.key)).toEqual([]);
  });

  it.each(questions.map((q) => [q.kind, q] as const))(
    'writes a %s question exactly as publishing snapshots it',
    (_kind, q) => {
      expect(toQuestionSnapshot(asEntity(q))).toEqual(q);
    },
  );

  it('keeps feedback as publishing does', () => {
    const q = makeQuestion({
      kind: 'true_false',
      prompt: 'Akuntabel berarti bertanggung jawab.',
      answerKey: { correct: true },
      feedback: 'Lihat modul 2.',
    });
    expect(toQuestionSnapshot(asEntity(q))).toEqual(q);
  });

  it('has keys that grading scores: the right answers earn every point, the wrong ones none', () => {
    const [tf, single] = questions;
    expect([
      scoreQuestion(tf, true),
      scoreQuestion(tf, false),
      scoreQuestion(single, 'a'),
      scoreQuestion(single, 'b'),
    ]).toEqual([1, 0, 1, 0]);
  });
});
