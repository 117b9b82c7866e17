-- The PostgreSQL ceiling for one quiz attempt (`npm run bench` runs it: 16 clients, durable commits, ~20 s).
-- Three statements, each its own durable commit, as the three API calls of an attempt are:
--   1. start: a random draw of 20 of the 200 questions, deadline from the server clock;
--   2. save all 20 answers in one upsert, re-checking status and deadline under a share lock of the attempt;
--   3. grade every answer against its key and close the attempt with its score and percent.
-- One pgbench "transaction" = one attempt, so pgbench's tps is attempts/s. Each client is one learner (client_id).
INSERT INTO ceiling_attempt (learner, deadline_at, draw, max_score)
SELECT :client_id + 1, now() + interval '2 hours', jsonb_agg(d.id), sum(d.points)
  FROM (SELECT id, points FROM ceiling_question ORDER BY random() LIMIT 20) AS d
RETURNING id AS attempt_id \gset
INSERT INTO ceiling_answer (attempt_id, question_id, response, saved_at)
SELECT a.id, q.id, CASE WHEN random() < 0.7 THEN q.key ELSE '"z"'::jsonb END, now()
  FROM (SELECT id, draw FROM ceiling_attempt WHERE id = :attempt_id AND status = 'open' AND deadline_at > now() FOR SHARE) AS a
 CROSS JOIN jsonb_array_elements_text(a.draw) AS d(qid)
  JOIN ceiling_question q ON q.id = d.qid::int
ON CONFLICT (attempt_id, question_id) DO UPDATE SET response = EXCLUDED.response, saved_at = EXCLUDED.saved_at;
WITH scored AS (
  UPDATE ceiling_answer an SET score = CASE WHEN an.response = q.key THEN q.points ELSE 0 END
    FROM ceiling_question q
   WHERE an.attempt_id = :attempt_id AND q.id = an.question_id
  RETURNING an.score
)
UPDATE ceiling_attempt a
   SET status = 'graded', submitted_at = now(), score = s.total, percent = round(s.total * 100 / a.max_score, 2)
  FROM (SELECT coalesce(sum(score), 0) AS total FROM scored) AS s
 WHERE a.id = :attempt_id AND a.status = 'open';
