import type { DataSource, EntityManager } from 'typeorm';
import type { ClassDay, ClassMode, ClassSpeaker, CompetencyKind } from '@kompeten/shared-contracts';
import { ORGANISATION_READ_MODELS } from '@kompeten/server-organisation';
import type { Session } from '../registration/registration-rules';

const AGENCY = ORGANISATION_READ_MODELS.agency;

export interface OfferingRow {
  id: string;
  agency_id: string;
  agency_name: string;
  title: string;
  description: string | null;
  jenis_diklat_id: number;
  jp: string;
  competency_kind: CompetencyKind;
  course_id: string | null;
  class_count: number;
  created_at: Date;
}

const OFFERING_SELECT = `SELECT o.*, a.name AS agency_name,
       (SELECT count(*)::int FROM training_class c WHERE c.offering_id = o.id) AS class_count
  FROM training_offering o JOIN ${AGENCY} a ON a.id = o.agency_id`;

export async function insertOffering(
  m: EntityManager,
  o: {
    agencyId: string;
    title: string;
    description: string | null;
    jenisDiklatId: number;
    jp: number;
    competencyKind: CompetencyKind;
    courseId: string | null;
    createdBy: string;
  },
): Promise<string> {
  const [row] = await m.query(
    `INSERT INTO training_offering (agency_id, title, description, jenis_diklat_id, jp, competency_kind, course_id, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [o.agencyId, o.title, o.description, o.jenisDiklatId, o.jp, o.competencyKind, o.courseId, o.createdBy],
  );
  return row.id;
}

export async function findOffering(m: DataSource | EntityManager, id: string): Promise<OfferingRow | undefined> {
  const [row] = await m.query(`${OFFERING_SELECT} WHERE o.id = $1`, [id]);
  return row;
}

/** Offerings organised by the given agencies (null: every agency), newest first. */
export async function listOfferings(
  m: DataSource | EntityManager,
  agencyIds: string[] | null,
  page: { limit: number; offset: number },
): Promise<{ total: number; rows: OfferingRow[] }> {
  const where = `WHERE ($1::uuid[] IS NULL OR o.agency_id = ANY($1))`;
  const [{ total }] = await m.query(`SELECT count(*)::int AS total FROM training_offering o ${where}`, [agencyIds]);
  const rows = await m.query(`${OFFERING_SELECT} ${where} ORDER BY o.created_at DESC, o.id LIMIT $2 OFFSET $3`, [
    agencyIds,
    page.limit,
    page.offset,
  ]);
  return { total, rows };
}

export interface NewClass {
  offeringId: string;
  agencyId: string;
  name: string;
  timeZone: string;
  startDate: string;
  endDate: string;
  schedule: ClassDay[];
  sessions: Session[];
  mode: ClassMode;
  venue: string | null;
  meetingUrl: string | null;
  speakers: ClassSpeaker[];
  seats: number | null;
  quotaSeats: number;
  registrationOpensAt: Date;
  registrationClosesAt: Date;
  cancellationDeadline: Date;
  quotaReleaseAt: Date | null;
  requiresApproval: boolean;
  waitlist: boolean;
}

/** A class and its quotas in one statement. */
export async function insertClass(
  m: EntityManager,
  c: NewClass,
  quotas: ReadonlyArray<{ agencyId: string; seats: number }>,
): Promise<string> {
  const [row] = await m.query(
    `WITH c AS (
       INSERT INTO training_class (offering_id, agency_id, name, time_zone, start_date, end_date, schedule, sessions, starts_at, ends_at,
                                   mode, venue, meeting_url, speakers, seats, quota_seats, registration_opens_at,
                                   registration_closes_at, cancellation_deadline, quota_release_at, requires_approval, waitlist)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, ($8::jsonb -> 0 ->> 0)::timestamptz, ($8::jsonb -> -1 ->> 1)::timestamptz,
               $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)
       RETURNING id
     ), q AS (
       INSERT INTO class_quota (class_id, agency_id, seats)
       SELECT c.id, x.agency_id, x.seats FROM c, unnest($21::uuid[], $22::int[]) AS x(agency_id, seats)
     )
     SELECT id FROM c`,
    [
      c.offeringId,
      c.agencyId,
      c.name,
      c.timeZone,
      c.startDate,
      c.endDate,
      JSON.stringify(c.schedule),
      JSON.stringify(c.sessions),
      c.mode,
      c.venue,
      c.meetingUrl,
      JSON.stringify(c.speakers),
      c.seats,
      c.quotaSeats,
      c.registrationOpensAt,
      c.registrationClosesAt,
      c.cancellationDeadline,
      c.quotaReleaseAt,
      c.requiresApproval,
      c.waitlist,
      quotas.map((q) => q.agencyId),
      quotas.map((q) => q.seats),
    ],
  );
  return row.id;
}

export interface ClassRow {
  id: string;
  offering_id: string;
  offering_title: string;
  agency_id: string;
  name: string;
  time_zone: string;
  start_date: string;
  end_date: string;
  schedule: ClassDay[];
  mode: ClassMode;
  venue: string | null;
  meeting_url: string | null;
  speakers: ClassSpeaker[];
  seats: number | null;
  taken: number;
  waitlist_seq: string;
  waitlist_gone: string;
  registration_opens_at: Date;
  registration_closes_at: Date;
  cancellation_deadline: Date;
  requires_approval: boolean;
  waitlist: boolean;
  quota_release_at: Date | null;
  status: 'scheduled' | 'cancelled';
  sequence: number;
  updated_at: Date;
  cancelled_at: Date | null;
  cancellation_reason: string | null;
  jp: string;
  jenis_diklat_id: number;
  competency_kind: CompetencyKind;
  quotas: Array<{ agency_id: string; agency_name: string; seats: number; taken: number }>;
}

const CLASS_SELECT = `SELECT c.id, c.offering_id, o.title AS offering_title, c.agency_id, c.name, c.time_zone,
       to_char(c.start_date, 'YYYY-MM-DD') AS start_date, to_char(c.end_date, 'YYYY-MM-DD') AS end_date, c.schedule, c.mode,
       c.venue, c.meeting_url, c.speakers, c.seats, c.taken, c.waitlist_seq, c.waitlist_gone, c.registration_opens_at,
       c.registration_closes_at, c.cancellation_deadline, c.requires_approval, c.waitlist, c.quota_release_at, c.status,
       c.sequence, c.updated_at, c.cancelled_at, c.cancellation_reason, o.jp, o.jenis_diklat_id, o.competency_kind,
       coalesce((SELECT json_agg(json_build_object('agency_id', q.agency_id, 'agency_name', a.name, 'seats', q.seats, 'taken', q.taken) ORDER BY a.name)
                   FROM class_quota q JOIN ${AGENCY} a ON a.id = q.agency_id WHERE q.class_id = c.id), '[]') AS quotas
  FROM training_class c JOIN training_offering o ON o.id = c.offering_id`;

export async function findClass(m: DataSource | EntityManager, id: string): Promise<ClassRow | undefined> {
  const [row] = await m.query(`${CLASS_SELECT} WHERE c.id = $1`, [id]);
  return row;
}

export interface ClassFilter {
  /** Organising agencies to list (null: all). */
  agencyIds: string[] | null;
  offeringId?: string;
  open?: boolean;
  mode?: ClassMode;
  competencyKind?: CompetencyKind;
  jenisDiklatId?: number;
}

/** Classes by filter, soonest first. */
export async function listClasses(
  m: DataSource | EntityManager,
  f: ClassFilter,
  page: { limit: number; offset: number },
): Promise<{ total: number; rows: ClassRow[] }> {
  const where = `WHERE c.status = 'scheduled' AND ($1::uuid[] IS NULL OR c.agency_id = ANY($1)) AND ($2::uuid IS NULL OR c.offering_id = $2)
      AND ($3::boolean IS NULL OR (c.registration_opens_at <= now() AND now() < c.registration_closes_at) = $3)
      AND ($4::text IS NULL OR c.mode = $4) AND ($5::text IS NULL OR o.competency_kind = $5)
      AND ($6::int IS NULL OR o.jenis_diklat_id = $6)`;
  const params = [
    f.agencyIds,
    f.offeringId ?? null,
    f.open ?? null,
    f.mode ?? null,
    f.competencyKind ?? null,
    f.jenisDiklatId ?? null,
  ];
  const [{ total }] = await m.query(
    `SELECT count(*)::int AS total FROM training_class c JOIN training_offering o ON o.id = c.offering_id ${where}`,
    params,
  );
  const rows = await m.query(`${CLASS_SELECT} ${where} ORDER BY c.starts_at, c.id LIMIT $7 OFFSET $8`, [
    ...params,
    page.limit,
    page.offset,
  ]);
  return { total, rows };
}

/** The organising agency of a class (for the scope check before its lock), or null for an unknown class. */
export async function classAgencyIdOf(m: DataSource | EntityManager, classId: string): Promise<string | null> {
  const [row]: Array<{ agency_id: string }> = await m.query(`SELECT agency_id FROM training_class WHERE id = $1`, [
    classId,
  ]);
  return row?.agency_id ?? null;
}
