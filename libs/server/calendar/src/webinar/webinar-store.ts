import type { DataSource, EntityManager } from 'typeorm';
import {
  JOIN_OPENS_MINUTES_BEFORE,
  PRESENCE_CHECK_MAX_ATTEMPTS,
  PRESENCE_CHECK_WINDOW_MINUTES,
  type ClassMode,
  type ClassRegistrationStatus,
  type ClassSpeaker,
  type PresenceCheckOrigin,
} from '@kompeten/shared-contracts';
import { preparedQuery } from '@kompeten/server-core';
import { IDENTITY_READ_MODELS } from '@kompeten/server-identity';
import type { Session } from '../registration/registration-rules';

const EMPLOYEE = IDENTITY_READ_MODELS.employee;
const LIVE = `('confirmed','pending_approval','waitlisted')`;
/** The session of class `c` whose join window holds now(): 15 minutes before its start until its end. */
const JOINABLE = `LEFT JOIN LATERAL (
       SELECT (x.ord - 1)::int AS idx, (x.v ->> 0)::timestamptz AS starts_at, (x.v ->> 1)::timestamptz AS ends_at
         FROM jsonb_array_elements(c.sessions) WITH ORDINALITY AS x(v, ord)
        WHERE now() >= (x.v ->> 0)::timestamptz - interval '${JOIN_OPENS_MINUTES_BEFORE} minutes'
          AND now() < (x.v ->> 1)::timestamptz
        ORDER BY x.ord LIMIT 1) s ON true`;

export interface JoinRow {
  mode: ClassMode;
  class_status: 'scheduled' | 'cancelled';
  meeting_url: string | null;
  seats: number | null;
  requires_approval: boolean;
  agency_id: string;
  sessions: Session[];
  session_index: number | null;
  starts_at: Date | null;
  ends_at: Date | null;
  registration_status: ClassRegistrationStatus | null;
  first_joined_at: Date | null;
  join_count: number | null;
}

/**
 * The join (hot path: thousands in a minute, decision 0038), ONE statement without locks: reads the class, the
 * session whose join window is open and the learner's live registration, and — only for a confirmed registration of a
 * scheduled online class inside a join window — upserts the one join row of this class, ASN and session. A second
 * join keeps the first instant; it counts as another join only 30 s after the previous one (a retry or double click
 * does not). No row: the class does not exist.
 */
export async function recordJoin(db: DataSource, classId: string, employeeId: string): Promise<JoinRow | undefined> {
  const [row] = await preparedQuery<JoinRow>(
    db,
    `WITH c AS (
       SELECT c.id, c.mode, c.status AS class_status, c.meeting_url, c.seats, c.requires_approval, c.agency_id, c.sessions,
              s.idx AS session_index, s.starts_at, s.ends_at
         FROM training_class c ${JOINABLE}
        WHERE c.id = $1
     ), r AS (
       SELECT status FROM class_registration WHERE class_id = $1 AND employee_id = $2 AND status IN ${LIVE}
     ), j AS (
       INSERT INTO webinar_join AS w (class_id, employee_id, session_index)
       SELECT c.id, $2, c.session_index FROM c
        WHERE c.mode = 'online' AND c.class_status = 'scheduled' AND c.session_index IS NOT NULL
          AND c.meeting_url IS NOT NULL AND EXISTS (SELECT 1 FROM r WHERE r.status = 'confirmed')
       ON CONFLICT (class_id, employee_id, session_index) DO UPDATE
          SET join_count = w.join_count + (w.last_joined_at < now() - interval '30 seconds')::int, last_joined_at = now()
       RETURNING w.first_joined_at, w.join_count
     )
     SELECT c.mode, c.class_status, c.meeting_url, c.seats, c.requires_approval, c.agency_id, c.sessions, c.session_index,
            c.starts_at, c.ends_at, (SELECT status FROM r) AS registration_status, j.first_joined_at, j.join_count
       FROM c LEFT JOIN j ON true`,
    [classId, employeeId],
  );
  return row;
}

export interface WebinarClassRow {
  id: string;
  agency_id: string;
  name: string;
  offering_title: string;
  time_zone: string;
  mode: ClassMode;
  status: 'scheduled' | 'cancelled';
  seats: number | null;
  requires_approval: boolean;
  registration_open: boolean;
  sessions: Session[];
  speakers: ClassSpeaker[];
}

/** A class as the webinar pages need it (no locks). */
export async function findWebinarClass(
  db: DataSource | EntityManager,
  classId: string,
): Promise<WebinarClassRow | undefined> {
  const [row] = await preparedQuery<WebinarClassRow>(
    db,
    `SELECT c.id, c.agency_id, c.name, o.title AS offering_title, c.time_zone, c.mode, c.status, c.seats, c.requires_approval,
            (c.registration_opens_at <= now() AND now() < c.registration_closes_at) AS registration_open,
            c.sessions, c.speakers
       FROM training_class c JOIN training_offering o ON o.id = c.offering_id
      WHERE c.id = $1`,
    [classId],
  );
  return row;
}

export interface LearnerStateRow {
  registration_status: ClassRegistrationStatus | null;
  joined_sessions: number[];
  check_id: string | null;
  check_session_index: number | null;
  check_opens_at: Date | null;
  check_closes_at: Date | null;
  answered_at: Date | null;
  attempts: number | null;
}

/**
 * What the learner's page polls (decision 0038), one statement: their live registration, the sessions they joined,
 * and the presence check open now (the newest, if two overlap) with their answer to it — never its code.
 */
export async function readLearnerState(db: DataSource, classId: string, employeeId: string): Promise<LearnerStateRow> {
  const [row] = await preparedQuery<LearnerStateRow>(
    db,
    `SELECT (SELECT status FROM class_registration WHERE class_id = $1 AND employee_id = $2 AND status IN ${LIVE}) AS registration_status,
            ARRAY(SELECT session_index::int FROM webinar_join WHERE class_id = $1 AND employee_id = $2) AS joined_sessions,
            k.id AS check_id, k.session_index::int AS check_session_index, k.opens_at AS check_opens_at,
            k.closes_at AS check_closes_at, a.answered_at, a.attempts
       FROM (SELECT 1) one
       LEFT JOIN LATERAL (
         SELECT id, session_index, opens_at, closes_at FROM presence_check
          WHERE class_id = $1 AND opens_at <= now() AND now() < closes_at
          ORDER BY opens_at DESC LIMIT 1) k ON true
       LEFT JOIN presence_check_answer a ON a.check_id = k.id AND a.employee_id = $2`,
    [classId, employeeId],
  );
  return row;
}

export interface AnswerRow {
  check_found: boolean;
  open: boolean;
  registered: boolean;
  right: boolean;
  /** The answer row after this statement (when it changed it), else as it was before. */
  answered_at: Date | null;
  attempts: number | null;
  /** This statement wrote the answer (first right code). */
  changed: boolean;
  /** This statement counted an attempt (right or wrong). */
  attempted: boolean;
  /** An answer row existed in the statement's snapshot. */
  existed: boolean;
}

/**
 * A learner's answer to a presence check (decision 0038), ONE statement: a confirmed registration and an open check
 * are required; the answer row (one per check and ASN) counts the attempt and records the first right code. Nothing
 * changes once answered or after the last allowed wrong code.
 */
export async function answerCheck(
  db: DataSource,
  p: { classId: string; checkId: string; employeeId: string; code: string },
): Promise<AnswerRow> {
  const [row] = await preparedQuery<AnswerRow>(
    db,
    `WITH k AS (
       SELECT id, code, (opens_at <= now() AND now() < closes_at) AS open FROM presence_check WHERE id = $1 AND class_id = $2
     ), r AS (
       SELECT 1 FROM class_registration WHERE class_id = $2 AND employee_id = $3 AND status = 'confirmed'
     ), before AS (
       SELECT answered_at, attempts FROM presence_check_answer WHERE check_id = $1 AND employee_id = $3
     ), up AS (
       INSERT INTO presence_check_answer AS a (check_id, employee_id, attempts, answered_at)
       SELECT k.id, $3, 1, CASE WHEN k.code = $4 THEN now() END FROM k WHERE k.open AND EXISTS (SELECT 1 FROM r)
       ON CONFLICT (check_id, employee_id) DO UPDATE
          SET attempts = a.attempts + 1, answered_at = excluded.answered_at, last_attempt_at = now()
        WHERE a.answered_at IS NULL AND a.attempts < ${PRESENCE_CHECK_MAX_ATTEMPTS}
       RETURNING a.answered_at, a.attempts
     )
     SELECT EXISTS (SELECT 1 FROM k) AS check_found, coalesce((SELECT open FROM k), false) AS open,
            EXISTS (SELECT 1 FROM r) AS registered, coalesce((SELECT code = $4 FROM k), false) AS "right",
            coalesce((SELECT answered_at FROM up), (SELECT answered_at FROM before)) AS answered_at,
            coalesce((SELECT attempts FROM up), (SELECT attempts FROM before)) AS attempts,
            EXISTS (SELECT 1 FROM up WHERE answered_at IS NOT NULL) AS changed,
            EXISTS (SELECT 1 FROM up) AS attempted, EXISTS (SELECT 1 FROM before) AS existed`,
    [p.checkId, p.classId, p.employeeId, p.code],
  );
  return row;
}

/** One answer row as committed now (after a concurrent request of the same learner won the insert). */
export async function findAnswer(
  db: DataSource,
  checkId: string,
  employeeId: string,
): Promise<{ answered_at: Date | null; attempts: number } | undefined> {
  const [row] = await db.query(
    `SELECT answered_at, attempts FROM presence_check_answer WHERE check_id = $1 AND employee_id = $2`,
    [checkId, employeeId],
  );
  return row;
}

/**
 * Plans a session's scheduled checks (decision 0038): the `webinar_session` row and its checks in ONE statement; a
 * second planner's insert of the row does nothing, so does its checks' insert. Returns whether this call planned.
 */
export async function planSession(
  db: DataSource | EntityManager,
  p: { classId: string; sessionIndex: number; moments: Date[]; codes: string[] },
): Promise<boolean> {
  const rows = await db.query(
    `WITH s AS (
       INSERT INTO webinar_session (class_id, session_index) VALUES ($1, $2)
       ON CONFLICT (class_id, session_index) DO NOTHING RETURNING class_id, session_index
     ), k AS (
       INSERT INTO presence_check (class_id, session_index, code, origin, slot, opens_at, closes_at)
       SELECT s.class_id, s.session_index, x.code, 'scheduled', x.slot - 1, x.opens_at,
              x.opens_at + interval '${PRESENCE_CHECK_WINDOW_MINUTES} minutes'
         FROM s, unnest($3::timestamptz[], $4::text[]) WITH ORDINALITY AS x(opens_at, code, slot)
       RETURNING 1
     )
     SELECT (SELECT count(*) FROM k)::int AS checks FROM s`,
    [p.classId, p.sessionIndex, p.moments, p.codes],
  );
  return rows.length > 0;
}

/** Sessions of scheduled online classes starting within `aheadMinutes` or running now, not planned yet. */
export async function sessionsToPlan(
  db: DataSource | EntityManager,
  aheadMinutes: number,
): Promise<Array<{ class_id: string; session_index: number; starts_at: Date; ends_at: Date }>> {
  return db.query(
    `SELECT c.id AS class_id, (x.ord - 1)::int AS session_index, (x.v ->> 0)::timestamptz AS starts_at,
            (x.v ->> 1)::timestamptz AS ends_at
       FROM training_class c CROSS JOIN LATERAL jsonb_array_elements(c.sessions) WITH ORDINALITY AS x(v, ord)
      WHERE c.mode = 'online' AND c.status = 'scheduled'
        AND c.starts_at <= now() + make_interval(mins => $1) AND c.ends_at > now()
        AND (x.v ->> 0)::timestamptz <= now() + make_interval(mins => $1) AND (x.v ->> 1)::timestamptz > now()
        AND NOT EXISTS (SELECT 1 FROM webinar_session ws WHERE ws.class_id = c.id AND ws.session_index = x.ord - 1)
      ORDER BY starts_at, c.id`,
    [aheadMinutes],
  );
}

/**
 * Ended sessions of online classes not settled yet (decision 0038): every check of a session closes at most one
 * answer window after its end, so a session is final from then. Looks back `lookBackHours`, so a worker that was
 * down that long still settles what ended meanwhile.
 */
export async function sessionsToSettle(
  db: DataSource | EntityManager,
  lookBackHours: number,
): Promise<Array<{ class_id: string; session_index: number }>> {
  return db.query(
    `SELECT c.id AS class_id, (x.ord - 1)::int AS session_index
       FROM training_class c CROSS JOIN LATERAL jsonb_array_elements(c.sessions) WITH ORDINALITY AS x(v, ord)
      WHERE c.mode = 'online' AND c.starts_at <= now() AND c.ends_at > now() - make_interval(hours => $1)
        AND (x.v ->> 1)::timestamptz + interval '${PRESENCE_CHECK_WINDOW_MINUTES} minutes' <= now()
        AND NOT EXISTS (SELECT 1 FROM webinar_session ws
                         WHERE ws.class_id = c.id AND ws.session_index = x.ord - 1 AND ws.settled_at IS NOT NULL)
      ORDER BY (x.v ->> 1)::timestamptz, c.id`,
    [lookBackHours],
  );
}

/**
 * Takes the session's bookkeeping row lock (creating the row when the session was never planned), so settlements
 * and host-opened checks of one session run one at a time.
 */
export async function lockWebinarSession(m: EntityManager, classId: string, sessionIndex: number): Promise<void> {
  await m.query(
    `INSERT INTO webinar_session (class_id, session_index) VALUES ($1, $2) ON CONFLICT (class_id, session_index) DO NOTHING`,
    [classId, sessionIndex],
  );
  await m.query(`SELECT 1 FROM webinar_session WHERE class_id = $1 AND session_index = $2 FOR UPDATE`, [
    classId,
    sessionIndex,
  ]);
}

export interface CheckRow {
  id: string;
  session_index: number;
  code: string;
  origin: PresenceCheckOrigin;
  opens_at: Date;
  closes_at: Date;
  answered: number;
}

/** The checks of a session that have opened by now, newest first, with how many answered each. */
export async function sessionChecks(
  db: DataSource | EntityManager,
  classId: string,
  sessionIndex: number,
): Promise<CheckRow[]> {
  return db.query(
    `SELECT k.id, k.session_index::int AS session_index, k.code, k.origin, k.opens_at, k.closes_at,
            (SELECT count(*)::int FROM presence_check_answer a WHERE a.check_id = k.id AND a.answered_at IS NOT NULL) AS answered
       FROM presence_check k
      WHERE k.class_id = $1 AND k.session_index = $2 AND k.opens_at <= now()
      ORDER BY k.opens_at DESC, k.id`,
    [classId, sessionIndex],
  );
}

/**
 * Host: opens a check now unless one is open in the session (then answers that one); under the session lock. "Now" is
 * the clock after the lock was granted (`clock_timestamp()`), not the transaction's start (`now()`): a second press
 * whose transaction began before the first one's, and then waited for its lock, must still see the check it opened.
 */
export async function openCheckNow(
  m: EntityManager,
  p: { classId: string; sessionIndex: number; code: string; openedBy: string },
): Promise<{ id: string; created: boolean }> {
  const [open] = await m.query(
    `SELECT id FROM presence_check
      WHERE class_id = $1 AND session_index = $2 AND opens_at <= clock_timestamp() AND clock_timestamp() < closes_at
      ORDER BY opens_at DESC LIMIT 1`,
    [p.classId, p.sessionIndex],
  );
  if (open) return { id: open.id, created: false };
  const [row] = await m.query(
    `WITH t AS (SELECT clock_timestamp() AS at)
     INSERT INTO presence_check (class_id, session_index, code, origin, opens_at, closes_at, opened_by)
     SELECT $1, $2, $3, 'host', t.at, t.at + interval '${PRESENCE_CHECK_WINDOW_MINUTES} minutes', $4 FROM t
     RETURNING id`,
    [p.classId, p.sessionIndex, p.code, p.openedBy],
  );
  return { id: row.id, created: true };
}

/** Counts for the host: confirmed registrations and learners who joined a session. */
export async function webinarCounts(
  db: DataSource | EntityManager,
  classId: string,
  sessionIndex: number,
): Promise<{ registered: number; joined: number }> {
  const [row] = await db.query(
    `SELECT (SELECT count(*)::int FROM class_registration WHERE class_id = $1 AND status = 'confirmed') AS registered,
            (SELECT count(*)::int FROM webinar_join WHERE class_id = $1 AND session_index = $2) AS joined`,
    [classId, sessionIndex],
  );
  return row;
}

export interface EvidenceRow {
  employee_id: string;
  first_joined_at: Date | null;
  answered: string[];
}

/** Everything a session's settlement decides on: its checks, and each learner's first join and answered checks. */
export async function sessionEvidence(
  m: EntityManager,
  classId: string,
  sessionIndex: number,
): Promise<{ checks: Array<{ id: string; opens_at: Date }>; learners: EvidenceRow[] }> {
  const checks = await m.query(
    `SELECT id, opens_at FROM presence_check WHERE class_id = $1 AND session_index = $2 ORDER BY opens_at, id`,
    [classId, sessionIndex],
  );
  const learners = await m.query(
    `WITH answered AS (
       SELECT a.employee_id, array_agg(a.check_id) AS ids
         FROM presence_check_answer a JOIN presence_check k ON k.id = a.check_id
        WHERE k.class_id = $1 AND k.session_index = $2 AND a.answered_at IS NOT NULL
        GROUP BY a.employee_id
     ), joined AS (
       SELECT employee_id, first_joined_at FROM webinar_join WHERE class_id = $1 AND session_index = $2
     )
     SELECT coalesce(j.employee_id, a.employee_id) AS employee_id, j.first_joined_at, coalesce(a.ids, '{}') AS answered
       FROM joined j FULL JOIN answered a ON a.employee_id = j.employee_id
      ORDER BY 1`,
    [classId, sessionIndex],
  );
  return { checks, learners };
}

export interface AttendanceWrite {
  employeeId: string;
  minutes: number;
  arrivedAt: Date | null;
  leftAt: Date | null;
  late: boolean;
  leftEarly: boolean;
}

/**
 * Writes a settled session's attendance (decision 0036/0038) in one statement: one `class_attendance` row per class,
 * ASN and session, source 'webinar', values SET (never added to), so settling again changes nothing. A row another
 * source wrote (the trainer's list) is left as it is: a person's correction wins over the webinar's evidence.
 */
export async function upsertWebinarAttendance(
  m: EntityManager,
  classId: string,
  sessionIndex: number,
  rows: readonly AttendanceWrite[],
): Promise<number> {
  if (!rows.length) return 0;
  const written: Array<{ id: string }> = await m.query(
    `INSERT INTO class_attendance AS t (class_id, employee_id, session_index, status, arrived_at, left_at, minutes, late, left_early, source)
     SELECT $1, x.employee_id, $2, CASE WHEN x.minutes > 0 THEN 'present' ELSE 'absent' END, x.arrived_at, x.left_at,
            x.minutes, x.late, x.left_early, 'webinar'
       FROM unnest($3::uuid[], $4::int[], $5::timestamptz[], $6::timestamptz[], $7::boolean[], $8::boolean[])
            AS x(employee_id, minutes, arrived_at, left_at, late, left_early)
     ON CONFLICT (class_id, employee_id, session_index) DO UPDATE
        SET status = excluded.status, arrived_at = excluded.arrived_at, left_at = excluded.left_at,
            minutes = excluded.minutes, late = excluded.late, left_early = excluded.left_early, updated_at = now()
      WHERE t.source = 'webinar'
     RETURNING t.id`,
    [
      classId,
      sessionIndex,
      rows.map((r) => r.employeeId),
      rows.map((r) => r.minutes),
      rows.map((r) => r.arrivedAt),
      rows.map((r) => r.leftAt),
      rows.map((r) => r.late),
      rows.map((r) => r.leftEarly),
    ],
  );
  return written.length;
}

export async function markSettled(m: EntityManager, classId: string, sessionIndex: number): Promise<void> {
  await m.query(`UPDATE webinar_session SET settled_at = now() WHERE class_id = $1 AND session_index = $2`, [
    classId,
    sessionIndex,
  ]);
}

export interface ParticipantRow {
  employee_id: string;
  employee_name: string | null;
  nip: string | null;
  first_joined_at: Date | null;
  join_count: number;
  answered_checks: number;
}

/** A session's participants (joined or answered), by name, paginated. */
export async function listParticipants(
  db: DataSource | EntityManager,
  classId: string,
  sessionIndex: number,
  page: { limit: number; offset: number },
): Promise<{ total: number; rows: ParticipantRow[] }> {
  const people = `WITH p AS (
       SELECT employee_id FROM webinar_join WHERE class_id = $1 AND session_index = $2
       UNION
       SELECT a.employee_id FROM presence_check_answer a JOIN presence_check k ON k.id = a.check_id
        WHERE k.class_id = $1 AND k.session_index = $2 AND a.answered_at IS NOT NULL)`;
  const [{ total }] = await db.query(`${people} SELECT count(*)::int AS total FROM p`, [classId, sessionIndex]);
  const rows = await db.query(
    `${people}
     SELECT p.employee_id, e.full_name AS employee_name, e.nip, j.first_joined_at, coalesce(j.join_count, 0) AS join_count,
            (SELECT count(*)::int FROM presence_check_answer a JOIN presence_check k ON k.id = a.check_id
              WHERE a.employee_id = p.employee_id AND k.class_id = $1 AND k.session_index = $2
                AND a.answered_at IS NOT NULL) AS answered_checks
       FROM p LEFT JOIN ${EMPLOYEE} e ON e.id = p.employee_id
       LEFT JOIN webinar_join j ON j.class_id = $1 AND j.session_index = $2 AND j.employee_id = p.employee_id
      ORDER BY e.full_name NULLS LAST, p.employee_id
      LIMIT $3 OFFSET $4`,
    [classId, sessionIndex, page.limit, page.offset],
  );
  return { total, rows };
}
