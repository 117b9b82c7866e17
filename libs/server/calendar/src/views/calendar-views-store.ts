import type { DataSource, EntityManager } from 'typeorm';
import type { AgencyTimeZone, ClassDay, ClassMode, CompetencyKind, MyClassStatus } from '@kompeten/shared-contracts';
import { ORGANISATION_READ_MODELS } from '@kompeten/server-organisation';
import type { Session } from '../registration/registration-rules';
import type { ClassForEvents } from './calendar-events';

const AGENCY = ORGANISATION_READ_MODELS.agency;
const LIVE = `('confirmed','pending_approval','waitlisted')`;

/**
 * The calendar's reads (decision 0040): classes whose local days meet a window, with the caller's registration, in one
 * statement each. The window is on `start_date`/`end_date` (local days), so a query never reads more than the classes
 * of the days asked; `limit` bounds it further.
 */

export interface CalendarClassFilter {
  /** Local days [from, to] in the organising agency's zone. */
  from: string;
  to: string;
  /** Organising agencies the caller may see (null: every agency). */
  agencyIds: string[] | null;
  mode?: ClassMode;
  jenisDiklatId?: number;
  competencyKind?: CompetencyKind;
  /** The caller's ASN record: their registration in each class is joined (null: no ASN record). */
  employeeId: string | null;
  /** Agencies whose classes are open to the caller (their agency and those above it); empty for a non-ASN. */
  eligibleAgencyIds: string[];
  /** Only classes open now that the caller may still register for (organised by one of `eligibleAgencyIds`). */
  openForMe?: boolean;
  /** Only classes where the caller is registered (live) or was, until the organiser cancelled the class. */
  mine?: boolean;
  /** Leave cancelled classes out (the public agency feed keeps them, to cancel them in subscribers' calendars). */
  scheduledOnly?: boolean;
  limit: number;
}

interface CalendarClassRow {
  id: string;
  name: string;
  offering_title: string;
  agency_id: string;
  agency_name: string;
  time_zone: AgencyTimeZone;
  schedule: ClassDay[];
  sessions: Session[];
  mode: ClassMode;
  venue: string | null;
  meeting_url: string | null;
  jenis_diklat_id: number;
  competency_kind: CompetencyKind;
  jp: string;
  status: 'scheduled' | 'cancelled';
  seats: number | null;
  taken: number;
  registration_open: boolean;
  my_status: MyClassStatus | null;
  sequence: number;
  updated_at: Date;
  cancellation_reason: string | null;
}

/** A class with what the feeds need besides the events. */
export interface CalendarClass extends ClassForEvents {
  sequence: number;
  updatedAt: Date;
  cancellationReason: string | null;
}

/**
 * Classes meeting the window, soonest first, at most `limit`. The caller's registration: a live one, or — only when
 * the class was cancelled — the one the cancellation closed (same instant: `cancelled_at` of both is the cancelling
 * transaction's now(), offering-edit-store.ts), shown as `cancelled_by_organiser`.
 */
export async function calendarClasses(
  db: DataSource | EntityManager,
  f: CalendarClassFilter,
): Promise<CalendarClass[]> {
  const rows: Array<CalendarClassRow & { eligible: boolean }> = await db.query(
    `SELECT c.id, c.name, o.title AS offering_title, c.agency_id, a.name AS agency_name, c.time_zone, c.schedule,
            c.sessions, c.mode, c.venue, c.meeting_url, o.jenis_diklat_id, o.competency_kind, o.jp, c.status, c.seats,
            c.taken, c.sequence, c.updated_at, c.cancellation_reason,
            (c.status = 'scheduled' AND c.registration_opens_at <= now() AND now() < c.registration_closes_at) AS registration_open,
            my.status AS my_status,
            coalesce(c.agency_id = ANY($10::uuid[]), false) AS eligible
       FROM training_class c
       JOIN training_offering o ON o.id = c.offering_id
       JOIN ${AGENCY} a ON a.id = c.agency_id
       LEFT JOIN LATERAL (
         SELECT CASE WHEN r.status IN ${LIVE} THEN r.status ELSE 'cancelled_by_organiser' END AS status
           FROM class_registration r
          WHERE $7::uuid IS NOT NULL AND r.class_id = c.id AND r.employee_id = $7
            AND (r.status IN ${LIVE} OR (c.status = 'cancelled' AND r.status = 'cancelled' AND r.cancelled_at = c.cancelled_at))
          ORDER BY (r.status IN ${LIVE}) DESC, r.created_at DESC LIMIT 1) my ON true
      WHERE c.start_date <= $2::date AND c.end_date >= $1::date
        AND ($3::uuid[] IS NULL OR c.agency_id = ANY($3))
        AND ($4::text IS NULL OR c.mode = $4) AND ($5::int IS NULL OR o.jenis_diklat_id = $5)
        AND ($6::text IS NULL OR o.competency_kind = $6)
        AND (NOT $8::boolean OR my.status IS NOT NULL)
        AND (NOT $9::boolean OR (c.status = 'scheduled' AND c.registration_opens_at <= now() AND now() < c.registration_closes_at
                                 AND c.agency_id = ANY($10::uuid[]) AND my.status IS NULL))
        AND (NOT $12::boolean OR c.status = 'scheduled')
      ORDER BY c.starts_at, c.id
      LIMIT $11`,
    [
      f.from,
      f.to,
      f.agencyIds,
      f.mode ?? null,
      f.jenisDiklatId ?? null,
      f.competencyKind ?? null,
      f.employeeId,
      !!f.mine,
      !!f.openForMe,
      f.eligibleAgencyIds,
      f.limit,
      !!f.scheduledOnly,
    ],
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    offeringTitle: r.offering_title,
    agencyId: r.agency_id,
    agencyName: r.agency_name,
    timeZone: r.time_zone,
    schedule: r.schedule,
    sessions: r.sessions,
    mode: r.mode,
    venue: r.venue,
    meetingUrl: r.meeting_url,
    jenisDiklatId: r.jenis_diklat_id,
    competencyKind: r.competency_kind,
    jp: Number(r.jp),
    status: r.status,
    seats: r.seats,
    taken: r.taken,
    registrationOpen: r.registration_open,
    eligible: r.eligible,
    myStatus: r.my_status,
    sequence: r.sequence,
    updatedAt: new Date(r.updated_at),
    cancellationReason: r.cancellation_reason,
  }));
}
