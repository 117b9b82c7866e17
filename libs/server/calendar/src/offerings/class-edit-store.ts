import type { EntityManager } from 'typeorm';
import type { ClassDay, ClassMode, ClassSpeaker } from '@kompeten/shared-contracts';
import { returnedRows } from '@kompeten/server-core';
import { IDENTITY_READ_MODELS } from '@kompeten/server-identity';
import type { Session } from '../registration/registration-rules';

const EMPLOYEE = IDENTITY_READ_MODELS.employee;
const LIVE = `('confirmed','pending_approval','waitlisted')`;
const HOLDING = `('confirmed','pending_approval')`;

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
 * the same instant), which is how the learner's calendar tells them from their own cancellations; every seat and
 * waitlist place is given back so the counters keep their invariants. Returns the registrations closed.
 */
export async function cancelClass(
  m: EntityManager,
  id: string,
  by: { userId: string; reason: string },
): Promise<{ sequence: number; closed: number }> {
  const [row]: Array<{ sequence: number; closed: number }> = await m.query(
    `WITH r AS (
       UPDATE class_registration SET status = 'cancelled', cancelled_at = now(), decision_reason = $3, updated_at = now()
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

export interface RegistrantOverlapRow {
  registration_id: string;
  employee_id: string;
  employee_name: string | null;
  other_class_id: string;
  other_class_title: string;
  other_sessions: Session[];
}

/**
 * Seat holders of the class and the other scheduled classes they hold a seat in whose span meets `span` (the coarse
 * filter; the caller compares sessions). At most `limit` rows.
 */
export async function registrantOverlaps(
  m: EntityManager,
  classId: string,
  span: { startsAt: string; endsAt: string },
  limit: number,
): Promise<RegistrantOverlapRow[]> {
  return m.query(
    `SELECT r.id AS registration_id, r.employee_id, e.full_name AS employee_name, o.id AS other_class_id,
            oo.title || ' — ' || o.name AS other_class_title, o.sessions AS other_sessions
       FROM class_registration r
       LEFT JOIN ${EMPLOYEE} e ON e.id = r.employee_id
       JOIN class_registration r2 ON r2.employee_id = r.employee_id AND r2.status IN ${HOLDING} AND r2.class_id <> r.class_id
       JOIN training_class o ON o.id = r2.class_id AND o.status = 'scheduled'
                            AND o.starts_at < $3::timestamptz AND $2::timestamptz < o.ends_at
       JOIN training_offering oo ON oo.id = o.offering_id
      WHERE r.class_id = $1 AND r.status IN ${HOLDING}
      ORDER BY r.created_at, r.id, o.starts_at
      LIMIT $4`,
    [classId, span.startsAt, span.endsAt, limit],
  );
}
