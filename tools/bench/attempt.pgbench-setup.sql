-- Schema of the PostgreSQL ceiling (tools/bench/attempt.pgbench.sql): its own small tables, shaped like quiz_attempt
-- and quiz_answer (jsonb draw and responses, numeric scores, the partial unique index of open attempts).
DROP TABLE IF EXISTS ceiling_answer, ceiling_attempt, ceiling_question;
CREATE TABLE ceiling_question (
  id int PRIMARY KEY,
  key jsonb NOT NULL,
  points numeric(6,2) NOT NULL
);
-- 200 single-choice questions, keys and points as the bench course has them.
INSERT INTO ceiling_question SELECT i, to_jsonb((ARRAY['a','b','c','d'])[1 + ((i - 1) * 7 + 3) % 4]), ((i - 1) % 3) + 1 FROM generate_series(1, 200) AS i;
CREATE TABLE ceiling_attempt (
  id bigserial PRIMARY KEY,
  learner int NOT NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'graded')),
  started_at timestamptz NOT NULL DEFAULT now(),
  deadline_at timestamptz NOT NULL,
  submitted_at timestamptz,
  draw jsonb NOT NULL,
  score numeric(8,2),
  max_score numeric(8,2) NOT NULL,
  percent numeric(5,2)
);
CREATE UNIQUE INDEX ON ceiling_attempt (learner) WHERE status = 'open';
CREATE TABLE ceiling_answer (
  attempt_id bigint NOT NULL REFERENCES ceiling_attempt(id) ON DELETE CASCADE,
  question_id int NOT NULL,
  response jsonb,
  saved_at timestamptz NOT NULL DEFAULT now(),
  score numeric(6,2),
  PRIMARY KEY (attempt_id, question_id)
);
