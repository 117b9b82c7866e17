import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Question banks, quizzes, attempts and answers (docs/learning.md, "Quizzes and grading"). Runs after Learning and Enrolment. */
export class Assessment1795800000000 implements MigrationInterface {
  name = 'Assessment1795800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE question_category (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      course_id uuid NOT NULL REFERENCES course(id) ON DELETE CASCADE,
      name text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE UNIQUE INDEX uq_question_category_course_name ON question_category (course_id, name)`);

    await q.query(`CREATE TABLE question (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      course_id uuid NOT NULL REFERENCES course(id) ON DELETE CASCADE,
      category_id uuid REFERENCES question_category(id),
      kind text NOT NULL CHECK (kind IN ('single','multiple','true_false','short_answer','numeric','matching','ordering','essay')),
      prompt text NOT NULL,
      options jsonb NOT NULL DEFAULT '[]',
      answer_key jsonb,
      points numeric(6,2) NOT NULL CHECK (points > 0),
      feedback text,
      archived boolean NOT NULL DEFAULT false,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX ix_question_course_category ON question (course_id, category_id)`);

    await q.query(`CREATE TABLE quiz (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      course_id uuid NOT NULL REFERENCES course(id) ON DELETE CASCADE,
      title text NOT NULL,
      settings jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX ix_quiz_course ON quiz (course_id)`);

    // quiz_id is the quiz as authored; the content attempted is the snapshot in course_version, so no FK cascade from quiz edits.
    await q.query(`CREATE TABLE quiz_attempt (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      quiz_id uuid NOT NULL REFERENCES quiz(id),
      course_version_id uuid NOT NULL REFERENCES course_version(id),
      enrolment_id uuid NOT NULL REFERENCES enrolment(id) ON DELETE CASCADE,
      lesson_id uuid NOT NULL,
      employee_id uuid NOT NULL REFERENCES employee(id),
      attempt_no int NOT NULL CHECK (attempt_no > 0),
      status text NOT NULL DEFAULT 'open' CHECK (status IN ('open','needs_grading','graded')),
      started_at timestamptz NOT NULL DEFAULT now(),
      deadline_at timestamptz,
      submitted_at timestamptz,
      draw jsonb NOT NULL,
      score numeric(8,2),
      max_score numeric(8,2) NOT NULL,
      percent numeric(5,2),
      passed boolean,
      graded_at timestamptz
    )`);
    // One open attempt per learner per quiz: concurrent starts meet here.
    await q.query(
      `CREATE UNIQUE INDEX uq_quiz_attempt_open ON quiz_attempt (quiz_id, enrolment_id) WHERE status = 'open'`,
    );
    await q.query(`CREATE UNIQUE INDEX uq_quiz_attempt_no ON quiz_attempt (enrolment_id, quiz_id, attempt_no)`);
    // The worker's sweep for abandoned attempts.
    await q.query(`CREATE INDEX ix_quiz_attempt_open_deadline ON quiz_attempt (deadline_at) WHERE status = 'open'`);
    await q.query(
      `CREATE INDEX ix_quiz_attempt_needs_grading ON quiz_attempt (quiz_id) WHERE status = 'needs_grading'`,
    );

    await q.query(`CREATE TABLE quiz_answer (
      attempt_id uuid NOT NULL REFERENCES quiz_attempt(id) ON DELETE CASCADE,
      question_id uuid NOT NULL,
      response jsonb,
      saved_at timestamptz NOT NULL DEFAULT now(),
      score numeric(6,2),
      feedback text,
      graded_by uuid REFERENCES user_account(id),
      PRIMARY KEY (attempt_id, question_id)
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['quiz_answer', 'quiz_attempt', 'quiz', 'question', 'question_category']) {
      await q.query(`DROP TABLE IF EXISTS ${t}`);
    }
  }
}
