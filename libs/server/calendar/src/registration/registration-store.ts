import type { DataSource, EntityManager } from 'typeorm';
import { OutboxEvent, type ClassRegistrationStatus, type SeatPool } from '@kompeten/shared-contracts';
import { outboxInsertSql, preparedQuery } from '@kompeten/server-core';
import { IDENTITY_READ_MODELS } from '@kompeten/server-identity';
import type { Session } from './registration-rules';

const EMPLOYEE = IDENTITY_READ_MODELS.employee;
const LIVE = `('confirmed','pending_approval','waitlisted')`;
const HOLDING = `('confirmed','pending_approval')`;
/**
 * A class's sessions (jsonb `[[startIso, endIso], …]`, `expr`) as one tstzmultirange of [start, end) — the value of
 * `class_registration.held_sessions` while a registration holds a seat. Touching ends do not overlap, as in
 * `sessionsOverlap`.
 */
export const heldSessionsOf = (expr: string) =>
  `(SELECT range_agg(tstzrange((s ->> 0)::timestamptz, (s ->> 1)::timestamptz)) FROM jsonb_array_elements(${expr}) s)`;

/** The exclusion constraint that keeps one ASN out of two overlapping seats (migration 1797740000000). */
export const NO_OVERLAP_CONSTRAINT = 'class_registration_no_overlap';

/** The error PostgreSQL raises when a write would give an ASN two overlapping seats (SQLSTATE 23P01). */
export const isScheduleOverlap = (e: unknown): boolean => {
  const err = e as { code?: string; constraint?: string; driverError?: { code?: string; constraint?: string } };
  const d = err?.driverError ?? err;
  return d?.code === '23P01' && d?.constraint === NO_OVERLAP_CONSTRAINT;
};

/** The `class-registration.confirmed` event for every confirmed row of a CTE named `from` (same statement). */
const confirmedEvents = (from: string) =>
  outboxInsertSql(OutboxEvent.ClassRegistrationConfirmed, `${from} WHERE ${from}.status = 'confirmed'`, `${from}.id`, {
    registrationId: `${from}.id`,
  });

/** The columns of a registration row as the service reads them (not `held_sessions`, which only the guard uses). */
const REGISTRATION_COLUMNS = `id, class_id, employee_id, agency_id, status, seat_pool, waitlist_number, nominated_by, decided_by,
       decided_at, decision_reason, cancelled_at, created_at, updated_at`;

export interface RegistrationRow {
  id: string;
  class_id: string;
  employee_id: string;
  agency_id: string;
  status: ClassRegistrationStatus;
  seat_pool: SeatPool | null;
  waitlist_number: string | null;
  nominated_by: string | null;
  decided_at: string | Date | null;
  decision_reason: string | null;
  created_at: string | Date;
  employee_name?: string | null;
  class_title?: string | null;
  /** While waitlisted: people ahead + 1. */
  position?: number | null;
}

export interface RegisterFactsRow {
  class_agency_id: string;
  class_status: 'scheduled' | 'cancelled';
  window_open: boolean;
  sessions: Session[];
  employee_agency_id: string | null;
  employee_active: boolean | null;
  employee_name: string | null;
  existing: RegistrationRow | null;
  held: Session[][];
}

/**
 * Everything a registration decides on, in one read without locks (hot path, decision 0009): the class, the learner,
 * their live registration in it, and the sessions of the classes where they hold a seat that overlap this class's span.
 */
export async function readRegisterFacts(
  db: DataSource | EntityManager,
  classId: string,
  employeeId: string,
): Promise<RegisterFactsRow | undefined> {
  const [row] = await preparedQuery<RegisterFactsRow>(
    db,
    `SELECT c.agency_id AS class_agency_id, c.status AS class_status,
            (c.registration_opens_at <= now() AND now() < c.registration_closes_at) AS window_open, c.sessions,
            e.agency_id AS employee_agency_id, e.active AS employee_active, e.full_name AS employee_name,
            (SELECT row_to_json(x) FROM (
               SELECT r.*, CASE WHEN r.status = 'waitlisted' THEN
                        (SELECT count(*)::int + 1 FROM class_registration w
                          WHERE w.class_id = r.class_id AND w.status = 'waitlisted' AND w.waitlist_number < r.waitlist_number) END AS position
                 FROM class_registration r WHERE r.class_id = c.id AND r.employee_id = $2 AND r.status IN ${LIVE}) x) AS existing,
            ARRAY(SELECT o.sessions FROM class_registration r JOIN training_class o ON o.id = r.class_id
                   WHERE r.employee_id = $2 AND r.status IN ${HOLDING} AND o.id <> c.id AND o.status = 'scheduled'
                     AND o.starts_at < c.ends_at AND c.starts_at < o.ends_at) AS held
       FROM training_class c LEFT JOIN ${EMPLOYEE} e ON e.id = $2
      WHERE c.id = $1`,
    [classId, employeeId],
  );
  return row;
}

export type SeatTake = 'quota' | 'common' | 'waitlist' | 'full';

/**
 * Takes a seat or a waitlist number and writes the registration, in ONE statement (decision 0034): the class row is
 * locked first (FOR UPDATE, so the counters read are the newest), the learner's agency quota is taken if it has room
 * before the release date, else a common seat (before release: outside every quota; after: any free seat, and only
 * when nobody waits, so newcomers never pass the list), else the next waitlist number (or nothing, for a class
 * without a waitlist), and writes the `class-registration.confirmed` outbox event of a confirmed registration. A second
 * live registration of the same ASN breaks the partial unique index, and a seat whose sessions overlap another seat of
 * the same ASN breaks the exclusion constraint `class_registration_no_overlap` (a seat carries its class's sessions in
 * `held_sessions`); either rolls the whole statement back, seat and number included. Lock order: class, quota,
 * registration.
 */
export async function takeSeatAndRegister(
  db: DataSource | EntityManager,
  r: { classId: string; employeeId: string; agencyId: string; nominatedBy: string | null },
): Promise<{ take: SeatTake; position: number | null; registration: RegistrationRow | null }> {
  const [row] = await preparedQuery<{ take: SeatTake; position: string; registration: RegistrationRow | null }>(
    db,
    `WITH cls AS (
       SELECT id, seats, quota_seats, taken, common_taken, waitlist_seq, waitlist_gone, waitlist, requires_approval,
              sessions, coalesce(quota_release_at <= now(), false) AS released
         FROM training_class WHERE id = $1 FOR UPDATE
     ), q AS (
       UPDATE class_quota cq SET taken = cq.taken + 1 FROM cls
        WHERE cq.class_id = cls.id AND cq.agency_id = $3 AND cq.taken < cq.seats AND NOT cls.released
       RETURNING cq.agency_id
     ), pick AS (
       SELECT cls.id, cls.requires_approval, cls.sessions, CASE
                WHEN EXISTS (SELECT 1 FROM q) THEN 'quota'
                WHEN cls.seats IS NULL THEN 'common'
                WHEN NOT cls.released AND cls.common_taken < cls.seats - cls.quota_seats THEN 'common'
                WHEN cls.released AND cls.taken < cls.seats AND cls.waitlist_seq = cls.waitlist_gone THEN 'common'
                WHEN cls.waitlist THEN 'waitlist'
                ELSE 'full' END AS take
         FROM cls
     ), c AS (
       UPDATE training_class t
          SET taken = t.taken + (p.take IN ('quota','common'))::int,
              common_taken = t.common_taken + (p.take = 'common')::int,
              waitlist_seq = t.waitlist_seq + (p.take = 'waitlist')::int
         FROM pick p WHERE t.id = p.id
       RETURNING t.id, p.take, p.requires_approval, p.sessions, t.waitlist_seq, t.waitlist_gone
     ), reg AS (
       INSERT INTO class_registration (class_id, employee_id, agency_id, status, seat_pool, waitlist_number, nominated_by,
                                       held_sessions)
       SELECT c.id, $2, $3,
              CASE WHEN c.take = 'waitlist' THEN 'waitlisted' WHEN c.requires_approval THEN 'pending_approval' ELSE 'confirmed' END,
              CASE WHEN c.take IN ('quota','common') THEN c.take END,
              CASE WHEN c.take = 'waitlist' THEN c.waitlist_seq END,
              $4,
              CASE WHEN c.take IN ('quota','common') THEN ${heldSessionsOf('c.sessions')} END
         FROM c WHERE c.take <> 'full'
       RETURNING ${REGISTRATION_COLUMNS}
     ), ev AS (${confirmedEvents('reg')})
     SELECT c.take, CASE WHEN c.take = 'waitlist' THEN c.waitlist_seq - c.waitlist_gone END AS position,
            (SELECT row_to_json(reg) FROM reg) AS registration
       FROM c`,
    [r.classId, r.employeeId, r.agencyId, r.nominatedBy],
  );
  if (!row) return { take: 'full', position: null, registration: null };
  return {
    take: row.take,
    position: row.position === null ? null : Number(row.position),
    registration: row.registration,
  };
}

export interface LockedClassRow {
  id: string;
  agency_id: string;
  seats: number | null;
  quota_seats: number;
  taken: number;
  common_taken: number;
  requires_approval: boolean;
  released: boolean;
  cancellation_deadline: Date;
  deadline_passed: boolean;
  quotas: Array<{ agency_id: string; seats: number; taken: number }>;
}

/** Locks a class row (the first lock of every change to its seats) and reads its counters and quotas. */
export async function lockClass(m: EntityManager, classId: string): Promise<LockedClassRow | undefined> {
  const [row] = await m.query(
    `WITH c AS (SELECT * FROM training_class WHERE id = $1 FOR UPDATE)
     SELECT c.id, c.agency_id, c.seats, c.quota_seats, c.taken, c.common_taken, c.requires_approval,
            coalesce(c.quota_release_at <= now(), false) AS released, c.cancellation_deadline,
            now() > c.cancellation_deadline AS deadline_passed,
            coalesce((SELECT json_agg(json_build_object('agency_id', q.agency_id, 'seats', q.seats, 'taken', q.taken))
                        FROM class_quota q WHERE q.class_id = c.id), '[]') AS quotas
       FROM c`,
    [classId],
  );
  return row;
}

/** One registration with its class id and the learner's supervisor (for scope checks), without locks. */
export async function findRegistration(
  m: DataSource | EntityManager,
  id: string,
): Promise<(RegistrationRow & { supervisor_id: string | null; class_agency_id: string }) | undefined> {
  const [row] = await m.query(
    `SELECT r.*, e.supervisor_id, e.full_name AS employee_name, c.agency_id AS class_agency_id
       FROM class_registration r JOIN training_class c ON c.id = r.class_id LEFT JOIN ${EMPLOYEE} e ON e.id = r.employee_id
      WHERE r.id = $1`,
    [id],
  );
  return row;
}

/**
 * Moves a registration from `from` to `to` (under the class lock) and gives back what it held: its seat (class and
 * quota counters, and its `held_sessions`, so an overlapping class may be taken again) or its place on the waitlist.
 * Returns the row as it is now, or undefined when its status moved.
 */
export async function leaveClass(
  m: EntityManager,
  p: {
    id: string;
    from: ClassRegistrationStatus;
    to: 'cancelled' | 'refused';
    decidedBy: string | null;
    reason: string | null;
  },
): Promise<RegistrationRow | undefined> {
  const [row] = await m.query(
    `WITH r AS (
       UPDATE class_registration SET status = $3, updated_at = now(), held_sessions = NULL,
              cancelled_at = CASE WHEN $3 = 'cancelled' THEN now() END,
              decided_by = CASE WHEN $3 = 'refused' THEN $4::uuid ELSE decided_by END,
              decided_at = CASE WHEN $3 = 'refused' THEN now() ELSE decided_at END,
              decision_reason = CASE WHEN $3 = 'refused' THEN $5 ELSE decision_reason END
        WHERE id = $1 AND status = $2
       RETURNING ${REGISTRATION_COLUMNS}
     ), q AS (
       UPDATE class_quota cq SET taken = cq.taken - 1 FROM r
        WHERE r.seat_pool = 'quota' AND $2 <> 'waitlisted'
          AND cq.class_id = r.class_id AND cq.agency_id = r.agency_id
       RETURNING 1
     ), c AS (
       UPDATE training_class t
          SET taken = t.taken - ($2 <> 'waitlisted')::int,
              common_taken = t.common_taken - ($2 <> 'waitlisted' AND r.seat_pool = 'common')::int,
              waitlist_gone = t.waitlist_gone + ($2 = 'waitlisted')::int
         FROM r WHERE t.id = r.class_id
       RETURNING 1
     )
     SELECT r.*, (SELECT count(*) FROM q) AS q, (SELECT count(*) FROM c) AS c FROM r`,
    [p.id, p.from, p.to, p.decidedBy, p.reason],
  );
  return row;
}

/** The waitlist of a class in arrival order (read under the class lock). */
export async function readWaitlist(
  m: EntityManager,
  classId: string,
): Promise<Array<{ id: string; agencyId: string }>> {
  const rows: Array<{ id: string; agency_id: string }> = await m.query(
    `SELECT id, agency_id FROM class_registration WHERE class_id = $1 AND status = 'waitlisted' ORDER BY waitlist_number`,
    [classId],
  );
  return rows.map((r) => ({ id: r.id, agencyId: r.agency_id }));
}

/**
 * Which of the given waiters of a class hold a seat elsewhere whose sessions overlap the class's (the seats the
 * exclusion constraint sees): promoting them would double-book them. Read under the class lock; the constraint stays
 * the guard against a seat taken after this read.
 */
export async function waitersDoubleBooked(
  m: EntityManager,
  classId: string,
  registrationIds: readonly string[],
): Promise<string[]> {
  if (!registrationIds.length) return [];
  const rows: Array<{ id: string }> = await m.query(
    `SELECT w.id FROM class_registration w JOIN training_class c ON c.id = w.class_id
      WHERE w.class_id = $1 AND w.id = ANY($2::uuid[]) AND w.status = 'waitlisted'
        AND EXISTS (SELECT 1 FROM class_registration o
                     WHERE o.employee_id = w.employee_id AND o.class_id <> w.class_id AND o.held_sessions IS NOT NULL
                       AND o.held_sessions && ${heldSessionsOf('c.sessions')})`,
    [classId, registrationIds],
  );
  return rows.map((r) => r.id);
}

/**
 * Runs `fn` inside a savepoint of the caller's transaction: when it throws an error `undo` accepts, its writes are
 * rolled back alone and `undone` is returned (the transaction goes on); any other error is thrown as it is.
 */
export async function inSavepoint<T, U>(
  m: EntityManager,
  name: string,
  fn: () => Promise<T>,
  undo: (e: unknown) => boolean,
  undone: U,
): Promise<T | U> {
  if (!/^[a-z_]+$/.test(name)) throw new Error(`bad savepoint name ${name}`);
  await m.query(`SAVEPOINT ${name}`);
  try {
    const out = await fn();
    await m.query(`RELEASE SAVEPOINT ${name}`);
    return out;
  } catch (e) {
    if (!undo(e)) throw e;
    await m.query(`ROLLBACK TO SAVEPOINT ${name}`);
    return undone;
  }
}

/**
 * Applies promotions chosen by `choosePromotions` (under the class lock): registrations (with the class's sessions in
 * `held_sessions`), quotas and class counters. A promoted waiter who meanwhile holds an overlapping seat breaks the
 * exclusion constraint and fails the statement as a whole: run it inside a savepoint (`fillFromWaitlist`).
 */
export async function promote(
  m: EntityManager,
  classId: string,
  promotions: ReadonlyArray<{ id: string; pool: SeatPool }>,
  requiresApproval: boolean,
): Promise<string[]> {
  if (!promotions.length) return [];
  const rows: Array<{ id: string }> = await m.query(
    `WITH p AS (SELECT * FROM unnest($2::uuid[], $3::text[]) AS p(id, pool)),
     r AS (
       UPDATE class_registration r SET status = $4, seat_pool = p.pool, updated_at = now(),
              held_sessions = (SELECT ${heldSessionsOf('t.sessions')} FROM training_class t WHERE t.id = $1)
         FROM p WHERE r.id = p.id AND r.class_id = $1 AND r.status = 'waitlisted'
       RETURNING r.id, r.agency_id, p.pool, r.status
     ), ev AS (${confirmedEvents('r')}), q AS (
       UPDATE class_quota cq SET taken = cq.taken + x.n
         FROM (SELECT agency_id, count(*)::int AS n FROM r WHERE pool = 'quota' GROUP BY agency_id) x
        WHERE cq.class_id = $1 AND cq.agency_id = x.agency_id
       RETURNING 1
     ), c AS (
       UPDATE training_class SET taken = taken + (SELECT count(*) FROM r)::int,
              common_taken = common_taken + (SELECT count(*) FROM r WHERE pool = 'common')::int,
              waitlist_gone = waitlist_gone + (SELECT count(*) FROM r)
        WHERE id = $1
       RETURNING 1
     )
     SELECT r.id, (SELECT count(*) FROM q) AS q, (SELECT count(*) FROM c) AS c FROM r`,
    [
      classId,
      promotions.map((p) => p.id),
      promotions.map((p) => p.pool),
      requiresApproval ? 'pending_approval' : 'confirmed',
    ],
  );
  return rows.map((r) => r.id);
}

/**
 * Approves a pending registration (under the class lock): it keeps its seat (and its `held_sessions`, set when the seat
 * was taken); its confirmed event goes out with it.
 */
export async function approve(m: EntityManager, id: string, decidedBy: string): Promise<RegistrationRow | undefined> {
  const [row] = await m.query(
    `WITH r AS (
       UPDATE class_registration SET status = 'confirmed', decided_by = $2, decided_at = now(), updated_at = now()
        WHERE id = $1 AND status = 'pending_approval' RETURNING ${REGISTRATION_COLUMNS}
     ), ev AS (${confirmedEvents('r')})
     SELECT * FROM r`,
    [id, decidedBy],
  );
  return row;
}

export interface RegistrationListFilter {
  classId?: string;
  employeeId?: string;
  /** Pending registrations of this supervisor's direct reports. */
  supervisorId?: string;
  status?: ClassRegistrationStatus;
}

/** Registrations by filter, with the learner's name and the live waitlist position; class, then arrival order. */
export async function listRegistrations(
  m: DataSource | EntityManager,
  f: RegistrationListFilter,
  page: { limit: number; offset: number },
): Promise<{ total: number; rows: RegistrationRow[] }> {
  const from = `FROM class_registration r LEFT JOIN ${EMPLOYEE} e ON e.id = r.employee_id
     WHERE ($1::uuid IS NULL OR r.class_id = $1) AND ($2::uuid IS NULL OR r.employee_id = $2)
       AND ($3::uuid IS NULL OR e.supervisor_id = $3) AND ($4::text IS NULL OR r.status = $4)`;
  const params = [f.classId ?? null, f.employeeId ?? null, f.supervisorId ?? null, f.status ?? null];
  const [{ total }] = await m.query(`SELECT count(*)::int AS total ${from}`, params);
  const rows = await m.query(
    `SELECT r.*, e.full_name AS employee_name,
            (SELECT o.title || ' — ' || c.name FROM training_class c JOIN training_offering o ON o.id = c.offering_id
              WHERE c.id = r.class_id) AS class_title,
            CASE WHEN r.status = 'waitlisted' THEN
              (SELECT count(*)::int + 1 FROM class_registration w
                WHERE w.class_id = r.class_id AND w.status = 'waitlisted' AND w.waitlist_number < r.waitlist_number) END AS position
       ${from}
      ORDER BY r.class_id, r.waitlist_number NULLS FIRST, r.created_at, r.id LIMIT $5 OFFSET $6`,
    [...params, page.limit, page.offset],
  );
  return { total, rows };
}

/** A registration's status now (read under the class lock), or null. */
export async function registrationStatus(m: EntityManager, id: string): Promise<ClassRegistrationStatus | null> {
  const [row] = await m.query(`SELECT status FROM class_registration WHERE id = $1`, [id]);
  return row?.status ?? null;
}

/** The organising agency of a class, or null for an unknown class. */
export async function classAgencyId(m: DataSource | EntityManager, classId: string): Promise<string | null> {
  const [row] = await m.query(`SELECT agency_id FROM training_class WHERE id = $1`, [classId]);
  return row?.agency_id ?? null;
}

/** Classes past their quota release date with free seats and people waiting: the release job fills them. */
export async function classesWithReleasedSeats(m: DataSource | EntityManager): Promise<string[]> {
  const rows: Array<{ id: string }> = await m.query(
    `SELECT id FROM training_class
      WHERE status = 'scheduled' AND quota_release_at <= now() AND waitlist_seq > waitlist_gone
        AND (seats IS NULL OR taken < seats) AND ends_at > now()
      ORDER BY quota_release_at, id`,
  );
  return rows.map((r) => r.id);
}

/** What the linked-course job needs about a registration: its status, learner and the offering's linked course. */
export async function linkedCourseOf(
  m: DataSource | EntityManager,
  registrationId: string,
): Promise<{ status: ClassRegistrationStatus; employee_id: string; course_id: string | null } | undefined> {
  const [row] = await m.query(
    `SELECT r.status, r.employee_id, o.course_id
       FROM class_registration r JOIN training_class c ON c.id = r.class_id JOIN training_offering o ON o.id = c.offering_id
      WHERE r.id = $1`,
    [registrationId],
  );
  return row;
}

/** A class as the discussion lib decides on it (decision 0039): who organises it and who speaks in it. */
export interface ClassDiscussionFacts {
  id: string;
  /** The organising agency: its admins moderate the class's discussion. */
  agencyId: string;
  name: string;
  offeringTitle: string;
  status: 'scheduled' | 'cancelled';
  /** Internal speakers (ASN) of the class. */
  speakerEmployeeIds: string[];
}

/** A class's discussion facts, or null for an unknown class. */
export async function findClassDiscussionFacts(
  m: DataSource | EntityManager,
  classId: string,
): Promise<ClassDiscussionFacts | null> {
  const [row]: Array<{
    id: string;
    agency_id: string;
    name: string;
    offering_title: string;
    status: 'scheduled' | 'cancelled';
    speaker_ids: string[] | null;
  }> = await m.query(
    `SELECT c.id, c.agency_id, c.name, o.title AS offering_title, c.status,
            (SELECT array_agg(DISTINCT s->>'employeeId') FROM jsonb_array_elements(c.speakers) s
              WHERE s->>'employeeId' IS NOT NULL) AS speaker_ids
       FROM training_class c JOIN training_offering o ON o.id = c.offering_id WHERE c.id = $1`,
    [classId],
  );
  return row
    ? {
        id: row.id,
        agencyId: row.agency_id,
        name: row.name,
        offeringTitle: row.offering_title,
        status: row.status,
        speakerEmployeeIds: row.speaker_ids ?? [],
      }
    : null;
}

/** Which of the given employees hold a confirmed registration in the class (the discussion lib's readers). */
export async function confirmedRegistrantsAmong(
  m: DataSource | EntityManager,
  classId: string,
  employeeIds: readonly string[],
): Promise<Set<string>> {
  if (employeeIds.length === 0) return new Set();
  const rows: Array<{ employee_id: string }> = await m.query(
    `SELECT employee_id FROM class_registration
      WHERE class_id = $1 AND status = 'confirmed' AND employee_id = ANY($2::uuid[])`,
    [classId, employeeIds],
  );
  return new Set(rows.map((r) => r.employee_id));
}
