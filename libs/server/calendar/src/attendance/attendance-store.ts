import type { DataSource, EntityManager } from 'typeorm';
import type {
  AgencyTimeZone,
  AttendanceSourceKind,
  AttendanceStatus,
  ClassMode,
  ClassSpeaker,
} from '@kompeten/shared-contracts';
import { IDENTITY_READ_MODELS } from '@kompeten/server-identity';

const EMPLOYEE = IDENTITY_READ_MODELS.employee;
type Db = DataSource | EntityManager;

/** A class as the attendance and completion screens need it (with the offering's title, JP and linked course). */
export interface AttendanceClassRow {
  id: string;
  agency_id: string;
  name: string;
  offering_title: string;
  time_zone: AgencyTimeZone;
  mode: ClassMode;
  venue: string | null;
  status: 'scheduled' | 'cancelled';
  schedule: Array<{ date: string; start: string; end: string }>;
  sessions: [string, string][];
  speakers: ClassSpeaker[];
  ends_at: Date;
  finalised_at: Date | null;
  completion_min_attendance_percent: number;
  completion_jp_by_minutes: boolean;
  completion_minutes_per_jp: number;
  offering_jp: string;
  course_id: string | null;
}

const CLASS_SELECT = `SELECT c.id, c.agency_id, c.name, o.title AS offering_title, c.time_zone, c.mode, c.venue, c.status,
       c.schedule, c.sessions, c.speakers, c.ends_at, c.finalised_at, c.completion_min_attendance_percent,
       c.completion_jp_by_minutes, c.completion_minutes_per_jp, o.jp AS offering_jp, o.course_id
  FROM training_class c JOIN training_offering o ON o.id = c.offering_id`;

/** One class for attendance, or undefined. */
export async function findAttendanceClass(db: Db, classId: string): Promise<AttendanceClassRow | undefined> {
  const [row] = await db.query(`${CLASS_SELECT} WHERE c.id = $1`, [classId]);
  return row;
}

/** The same, with the class row locked (finalising: one finalisation of a class at a time). */
export async function lockAttendanceClass(m: EntityManager, classId: string): Promise<AttendanceClassRow | undefined> {
  const [row] = await m.query(`${CLASS_SELECT} WHERE c.id = $1 FOR UPDATE OF c`, [classId]);
  return row;
}

/** The ASN's confirmed registration in the class, or null. */
export async function confirmedRegistrationId(db: Db, classId: string, employeeId: string): Promise<string | null> {
  const [row]: Array<{ id: string }> = await db.query(
    `SELECT id FROM class_registration WHERE class_id = $1 AND employee_id = $2 AND status = 'confirmed'`,
    [classId, employeeId],
  );
  return row?.id ?? null;
}

/** Which of these ASN hold a confirmed registration in the class. */
export async function confirmedAmong(m: EntityManager, classId: string, employeeIds: string[]): Promise<Set<string>> {
  const rows: Array<{ employee_id: string }> = await m.query(
    `SELECT employee_id FROM class_registration
      WHERE class_id = $1 AND status = 'confirmed' AND employee_id = ANY($2::uuid[])`,
    [classId, employeeIds],
  );
  return new Set(rows.map((r) => r.employee_id));
}

export interface AttendanceRow {
  id: string;
  class_id: string;
  employee_id: string;
  session_index: number;
  status: AttendanceStatus;
  arrived_at: Date | null;
  left_at: Date | null;
  minutes: number;
  late: boolean;
  left_early: boolean;
  source: AttendanceSourceKind;
}

const ROW = `id, class_id, employee_id, session_index, status, arrived_at, left_at, minutes, late, left_early, source`;

/** A scan's first record of a session: inserted unless a row exists (then nothing; the caller locks and reads it). */
export async function insertScanIfNew(
  m: EntityManager,
  r: { classId: string; employeeId: string; sessionIndex: number; arrivedAt: Date; minutes: number; late: boolean },
): Promise<AttendanceRow | undefined> {
  const [row] = await m.query(
    `INSERT INTO class_attendance (class_id, employee_id, session_index, status, arrived_at, minutes, late, source)
     VALUES ($1, $2, $3, 'present', $4, $5, $6, 'qr')
     ON CONFLICT (class_id, employee_id, session_index) DO NOTHING
     RETURNING ${ROW}`,
    [r.classId, r.employeeId, r.sessionIndex, r.arrivedAt, r.minutes, r.late],
  );
  return row;
}

/** The ASN's row of a session, locked for the change that follows. */
export async function lockAttendance(
  m: EntityManager,
  classId: string,
  employeeId: string,
  sessionIndex: number,
): Promise<AttendanceRow | undefined> {
  const [row] = await m.query(
    `SELECT ${ROW} FROM class_attendance WHERE class_id = $1 AND employee_id = $2 AND session_index = $3 FOR UPDATE`,
    [classId, employeeId, sessionIndex],
  );
  return row;
}

/** A scan's change of an existing row (arrival over an absence, or leaving). */
export async function updateScan(
  m: EntityManager,
  id: string,
  r: { arrivedAt: Date | null; leftAt: Date | null; minutes: number; late: boolean; leftEarly: boolean },
): Promise<AttendanceRow> {
  const [[row]] = await m.query(
    `UPDATE class_attendance SET status = 'present', arrived_at = $2, left_at = $3, minutes = $4, late = $5,
            left_early = $6, source = 'qr', updated_at = now()
      WHERE id = $1 RETURNING ${ROW}`,
    [id, r.arrivedAt, r.leftAt, r.minutes, r.late, r.leftEarly],
  );
  return row;
}

export interface ListMark {
  employeeId: string;
  status: AttendanceStatus;
  arrivedAt: Date | null;
  leftAt: Date | null;
  minutes: number;
  late: boolean;
  leftEarly: boolean;
}

/**
 * The trainer's marks of one session, in one statement: each replaces the ASN's row whatever recorded it before
 * (PUT semantics: sending the same marks again changes nothing but `updated_at`).
 */
export async function saveListMarks(
  m: EntityManager,
  classId: string,
  sessionIndex: number,
  recordedBy: string,
  marks: readonly ListMark[],
): Promise<void> {
  await m.query(
    `INSERT INTO class_attendance (class_id, employee_id, session_index, status, arrived_at, left_at, minutes, late,
                                   left_early, source, recorded_by)
     SELECT $1, x.employee_id, $2, x.status, x.arrived_at, x.left_at, x.minutes, x.late, x.left_early, 'list', $3
       FROM unnest($4::uuid[], $5::text[], $6::timestamptz[], $7::timestamptz[], $8::int[], $9::boolean[], $10::boolean[])
            AS x(employee_id, status, arrived_at, left_at, minutes, late, left_early)
     ON CONFLICT (class_id, employee_id, session_index) DO UPDATE
        SET status = excluded.status, arrived_at = excluded.arrived_at, left_at = excluded.left_at,
            minutes = excluded.minutes, late = excluded.late, left_early = excluded.left_early, source = 'list',
            recorded_by = excluded.recorded_by, updated_at = now()`,
    [
      classId,
      sessionIndex,
      recordedBy,
      marks.map((x) => x.employeeId),
      marks.map((x) => x.status),
      marks.map((x) => x.arrivedAt),
      marks.map((x) => x.leftAt),
      marks.map((x) => x.minutes),
      marks.map((x) => x.late),
      marks.map((x) => x.leftEarly),
    ],
  );
}

export interface ListRow {
  registration_id: string;
  employee_id: string;
  full_name: string;
  nip: string;
  attendance: Omit<AttendanceRow, 'id' | 'class_id' | 'employee_id'> | null;
}

/** A session's confirmed registrants by name with their row of the session, one page. */
export async function listSessionAttendance(
  db: Db,
  classId: string,
  sessionIndex: number,
  page: { limit: number; offset: number },
  /** Only these ASN (the rows a save just wrote); null: everyone. */
  employeeIds: string[] | null = null,
): Promise<{ total: number; rows: ListRow[] }> {
  const [{ total }] = await db.query(
    `SELECT count(*)::int AS total FROM class_registration
      WHERE class_id = $1 AND status = 'confirmed' AND ($2::uuid[] IS NULL OR employee_id = ANY($2))`,
    [classId, employeeIds],
  );
  const rows = await db.query(
    `SELECT r.id AS registration_id, r.employee_id, e.full_name, e.nip,
            (SELECT row_to_json(x) FROM (SELECT a.session_index, a.status, a.arrived_at, a.left_at, a.minutes, a.late,
                                                a.left_early, a.source
                                           FROM class_attendance a
                                          WHERE a.class_id = r.class_id AND a.employee_id = r.employee_id
                                            AND a.session_index = $2) x) AS attendance
       FROM class_registration r JOIN ${EMPLOYEE} e ON e.id = r.employee_id
      WHERE r.class_id = $1 AND r.status = 'confirmed' AND ($5::uuid[] IS NULL OR r.employee_id = ANY($5))
      ORDER BY e.full_name, r.id LIMIT $3 OFFSET $4`,
    [classId, sessionIndex, page.limit, page.offset, employeeIds],
  );
  return { total, rows };
}

/** Per session: present, absent, late and left-early counts among the confirmed registrants. */
export async function sessionCounts(
  db: Db,
  classId: string,
): Promise<Array<{ session_index: number; present: number; absent: number; late: number; left_early: number }>> {
  return db.query(
    `SELECT a.session_index, count(*) FILTER (WHERE a.status = 'present')::int AS present,
            count(*) FILTER (WHERE a.status = 'absent')::int AS absent,
            count(*) FILTER (WHERE a.late)::int AS late, count(*) FILTER (WHERE a.left_early)::int AS left_early
       FROM class_attendance a JOIN class_registration r
         ON r.class_id = a.class_id AND r.employee_id = a.employee_id AND r.status = 'confirmed'
      WHERE a.class_id = $1 GROUP BY a.session_index`,
    [classId],
  );
}

/** How many confirmed registrants and completions a class has. */
export async function classCounts(db: Db, classId: string): Promise<{ confirmed: number; completions: number }> {
  const [row] = await db.query(
    `SELECT (SELECT count(*)::int FROM class_registration WHERE class_id = $1 AND status = 'confirmed') AS confirmed,
            (SELECT count(*)::int FROM class_completion WHERE class_id = $1) AS completions`,
    [classId],
  );
  return row;
}

/** Every row of one ASN in one class (their own view). */
export async function attendanceOf(db: Db, classId: string, employeeId: string): Promise<AttendanceRow[]> {
  return db.query(
    `SELECT ${ROW} FROM class_attendance WHERE class_id = $1 AND employee_id = $2 ORDER BY session_index`,
    [classId, employeeId],
  );
}

/** The ASN's newest registration in the class (any status), or null. */
export async function newestRegistrationStatus(db: Db, classId: string, employeeId: string): Promise<string | null> {
  const [row]: Array<{ status: string }> = await db.query(
    `SELECT status FROM class_registration WHERE class_id = $1 AND employee_id = $2 ORDER BY created_at DESC, id LIMIT 1`,
    [classId, employeeId],
  );
  return row?.status ?? null;
}

export interface RunClassRow {
  id: string;
  name: string;
  offering_title: string;
  start_date: string;
  end_date: string;
  time_zone: AgencyTimeZone;
  agency_id: string;
  speakers: ClassSpeaker[];
  ends_at: Date;
  finalised_at: Date | null;
}

/**
 * Classes whose attendance the caller runs, latest first: those naming their ASN record among the speakers, and those
 * of the agencies they administer (`everyAgency`: a platform admin's, all).
 */
export async function listRunClasses(
  db: Db,
  who: { employeeId: string | null; adminAgencyIds: string[]; everyAgency: boolean },
  page: { limit: number; offset: number },
): Promise<{ total: number; rows: RunClassRow[] }> {
  const where = `WHERE c.status = 'scheduled' AND (
      ($1::text IS NOT NULL AND c.speakers @> jsonb_build_array(jsonb_build_object('employeeId', $1::text)))
      OR $2::boolean OR c.agency_id = ANY($3::uuid[]))`;
  const params = [who.employeeId, who.everyAgency, who.adminAgencyIds];
  const [{ total }] = await db.query(`SELECT count(*)::int AS total FROM training_class c ${where}`, params);
  const rows = await db.query(
    `SELECT c.id, c.name, o.title AS offering_title, to_char(c.start_date, 'YYYY-MM-DD') AS start_date,
            to_char(c.end_date, 'YYYY-MM-DD') AS end_date, c.time_zone, c.agency_id, c.speakers, c.ends_at, c.finalised_at
       FROM training_class c JOIN training_offering o ON o.id = c.offering_id
      ${where} ORDER BY c.starts_at DESC, c.id LIMIT $4 OFFSET $5`,
    [...params, page.limit, page.offset],
  );
  return { total, rows };
}
