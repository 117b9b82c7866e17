import type { EntityManager } from 'typeorm';
import type { ClassDay, ClassMode, ClassSpeaker } from '@kompeten/shared-contracts';
import { returnedRows } from '@kompeten/server-core';
import { IDENTITY_READ_MODELS } from '@kompeten/server-identity';
import type { Session } from '../registration/registration-rules';
import { heldSessionsOf } from '../registration/registration-store';

const EMPLOYEE = IDENTITY_READ_MODELS.employee;
const LIVE = `('confirmed','pending_approval','waitlisted')`;

/** What an edit or cancellation decides on, read under the class row's lock (the first lock, decision 0034). */
export interface EditableClassRow {
  id: string;
  agency_id: string;
  time_zone: string;
  status: 'scheduled' | 'cancelled';
  mode: ClassMode;
  name: string;
  schedule: ClassDay[];
  sessions: Session[];
  venue: string | null;
  meeting_url: string | null;
  speakers: ClassSpeaker[];
  registration_opens_at: Date;
  registration_closes_at: Date;
  cancellation_deadline: Date;
  quota_release_at: Date | null;
  sequence: number;
  started: boolean;
  ended: boolean;
}

export async function lockEditableClass(m: EntityManager, id: string): Promise<EditableClassRow | undefined> {
  const [row] = await m.query(
    `SELECT id, agency_id, time_zone, status, mode, name, schedule, sessions, venue, meeting_url, speakers,
            registration_opens_at, registration_closes_at, cancellation_deadline, quota_release_at, sequence,
            starts_at <= now() AS started, ends_at <= now() AS ended
       FROM training_class WHERE id = $1 FOR UPDATE`,
    [id],
  );
  return row;
}

export interface ClassChanges {
  name: string;
  schedule: ClassDay[];
  sessions: Session[];
  venue: string | null;
  meetingUrl: string | null;
  speakers: ClassSpeaker[];
  registrationClosesAt: Date;
  cancellationDeadline: Date;
}

/** Writes the edited fields (under the lock), with the dates and span recomputed from the sessions; SEQUENCE + 1. */
export async function updateClass(m: EntityManager, id: string, c: ClassChanges): Promise<number> {
  const days = [...c.schedule].sort((a, b) => a.date.localeCompare(b.date));
  const [row] = returnedRows<{ sequence: number }>(
    await m.query(
      `UPDATE training_class
        SET name = $2, schedule = $3, sessions = $4, start_date = $5, end_date = $6,
            starts_at = ($4::jsonb -> 0 ->> 0)::timestamptz, ends_at = ($4::jsonb -> -1 ->> 1)::timestamptz,
            venue = $7, meeting_url = $8, speakers = $9, registration_closes_at = $10, cancellation_deadline = $11,
            sequence = sequence + 1, updated_at = now()
      WHERE id = $1
      RETURNING sequence`,
      [
        id,
        c.name,
        JSON.stringify(days),
        JSON.stringify(c.sessions),
        days[0].date,
        days[days.length - 1].date,
        c.venue,
        c.meetingUrl,
        JSON.stringify(c.speakers),
        c.registrationClosesAt,
        c.cancellationDeadline,
      ],
    ),
  );
  return row.sequence;
}

/**
 * Cancels a class (under its lock): the class is marked with who, when and why, SEQUENCE + 1; its live registrations
 * become `cancelled` with the organiser's reason and the same `cancelled_at` as the class (one transaction: now() is
 * the same instant), which is how the learner's calendar tells them from their own cancellations; every seat (with its
 * `held_sessions`) and waitlist place is given back so the counters keep their invariants. Returns the registrations closed.
 */
export async function cancelClass(
  m: EntityManager,
  id: string,
  by: { userId: string; reason: string },
): Promise<{ sequence: number; closed: number }> {
  const [row]: Array<{ sequence: number; closed: number }> = await m.query(
    `WITH r AS (
       UPDATE class_registration SET status = 'cancelled', cancelled_at = now(), decision_reason = $3, updated_at = now(),
              held_sessions = NULL
        WHERE class_id = $1 AND status IN ${LIVE}
       RETURNING id
     ), q AS (
       UPDATE class_quota SET taken = 0 WHERE class_id = $1 RETURNING 1
     ), c AS (
       UPDATE training_class
          SET status = 'cancelled', cancelled_at = now(), cancelled_by = $2, cancellation_reason = $3,
              taken = 0, common_taken = 0, waitlist_gone = waitlist_seq,
              sequence = sequence + 1, updated_at = now()
        WHERE id = $1
       RETURNING sequence
     )
     SELECT c.sequence, (SELECT count(*)::int FROM r) AS closed, (SELECT count(*) FROM q) AS q FROM c`,
    [id, by.userId, by.reason],
  );
  return { sequence: row.sequence, closed: row.closed };
}

/**
 * Gives the class's seat holders its new sessions (after `updateClass`, under the class lock): every row the exclusion
 * constraint guards (`held_sessions` set; old double bookings grandfathered with NULL stay out). A registrant who
 * holds a seat in a class the new sessions overlap breaks `class_registration_no_overlap`: run it in a savepoint.
 */
export async function moveHeldSessions(m: EntityManager, classId: string): Promise<void> {
  await m.query(
    `UPDATE class_registration r SET held_sessions = (SELECT ${heldSessionsOf('c.sessions')} FROM training_class c WHERE c.id = $1)
      WHERE r.class_id = $1 AND r.held_sessions IS NOT NULL`,
    [classId],
  );
}

export interface RegistrantOverlapRow {
  registration_id: string;
  employee_id: string;
  employee_name: string | null;
  other_class_id: string;
  other_class_title: string;
}

/**
 * The seat holders of the class who hold a seat in another class that `sessions` overlap (the rows the exclusion
 * constraint would refuse), with that class: how many registrants in all, and the first `limit` pairs.
 */
export async function registrantOverlaps(
  m: EntityManager,
  classId: string,
  sessions: Session[],
  limit: number,
): Promise<{ registrants: number; rows: RegistrantOverlapRow[] }> {
  const rows: Array<RegistrantOverlapRow & { registrants: number }> = await m.query(
    `WITH x AS (
       SELECT r.id AS registration_id, r.employee_id, r.created_at, o.id AS other_class_id, o.starts_at,
              oo.title || ' — ' || o.name AS other_class_title
         FROM class_registration r
         JOIN class_registration r2 ON r2.employee_id = r.employee_id AND r2.class_id <> r.class_id
                                   AND r2.held_sessions && ${heldSessionsOf('$2::jsonb')}
         JOIN training_class o ON o.id = r2.class_id
         JOIN training_offering oo ON oo.id = o.offering_id
        WHERE r.class_id = $1 AND r.held_sessions IS NOT NULL
     )
     SELECT x.registration_id, x.employee_id, e.full_name AS employee_name, x.other_class_id, x.other_class_title,
            (SELECT count(DISTINCT registration_id)::int FROM x) AS registrants
       FROM x LEFT JOIN ${EMPLOYEE} e ON e.id = x.employee_id
      ORDER BY x.created_at, x.registration_id, x.starts_at
      LIMIT $3`,
    [classId, JSON.stringify(sessions), limit],
  );
  return {
    registrants: rows[0]?.registrants ?? 0,
    rows: rows.map(({ registrants: _n, ...r }) => r),
  };
}
