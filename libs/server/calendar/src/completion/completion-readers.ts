import type { EntityManager } from 'typeorm';
import type { AgencyTimeZone, ClassJpBasis, ClassMode, CompetencyKind } from '@kompeten/shared-contracts';

/**
 * What other libs read of one class completion (decision 0037): the JP ledger's and the certificates' consumers of
 * `class.completed` re-read the completion named by the event through this, never through the calendar's tables.
 */
export interface ClassCompletionFacts {
  id: string;
  employeeId: string;
  classId: string;
  className: string;
  offeringId: string;
  offeringTitle: string;
  /** SIASN jenis diklat code of the offering's form of development. */
  jenisDiklatId: number;
  competencyKind: CompetencyKind;
  /** The JP the completion earned (the offering's, or by minutes attended at most the offering's). */
  jp: number;
  jpBasis: ClassJpBasis;
  /** The offering's declared JP: the most a completion by minutes may earn. */
  offeringJp: number;
  /** The class rule's minutes per JP when `jpBasis` is `attended_minutes`, else null. */
  minutesPerJp: number | null;
  attendedMinutes: number;
  scheduledMinutes: number;
  /** First and last day of the class, local dates in the class's zone. */
  startDate: string;
  endDate: string;
  timeZone: AgencyTimeZone;
  /** The organising agency (the certificate's issuer). */
  organisingAgencyId: string;
  mode: ClassMode;
  venue: string | null;
  /** The offering's linked e-learning course, if any. */
  courseId: string | null;
  completedAt: Date;
}

/** A class completion by id, or null for an unknown id. */
export async function findClassCompletion(m: EntityManager, id: string): Promise<ClassCompletionFacts | null> {
  const [row]: Array<{
    id: string;
    employee_id: string;
    class_id: string;
    class_name: string;
    offering_id: string;
    offering_title: string;
    jenis_diklat_id: number;
    competency_kind: CompetencyKind;
    jp: string;
    jp_basis: ClassJpBasis;
    offering_jp: string;
    minutes_per_jp: number | null;
    attended_minutes: number;
    scheduled_minutes: number;
    start_date: string;
    end_date: string;
    time_zone: AgencyTimeZone;
    agency_id: string;
    mode: ClassMode;
    venue: string | null;
    course_id: string | null;
    completed_at: Date;
  }> = await m.query(
    `SELECT k.id, k.employee_id, k.class_id, c.name AS class_name, o.id AS offering_id, o.title AS offering_title,
            o.jenis_diklat_id, o.competency_kind, k.jp, k.jp_basis, o.jp AS offering_jp, k.minutes_per_jp,
            k.attended_minutes, k.scheduled_minutes, to_char(c.start_date, 'YYYY-MM-DD') AS start_date,
            to_char(c.end_date, 'YYYY-MM-DD') AS end_date, c.time_zone, c.agency_id, c.mode, c.venue, o.course_id,
            k.completed_at
       FROM class_completion k JOIN training_class c ON c.id = k.class_id
       JOIN training_offering o ON o.id = c.offering_id
      WHERE k.id = $1`,
    [id],
  );
  return row
    ? {
        id: row.id,
        employeeId: row.employee_id,
        classId: row.class_id,
        className: row.class_name,
        offeringId: row.offering_id,
        offeringTitle: row.offering_title,
        jenisDiklatId: row.jenis_diklat_id,
        competencyKind: row.competency_kind,
        jp: Number(row.jp),
        jpBasis: row.jp_basis,
        offeringJp: Number(row.offering_jp),
        minutesPerJp: row.minutes_per_jp,
        attendedMinutes: row.attended_minutes,
        scheduledMinutes: row.scheduled_minutes,
        startDate: row.start_date,
        endDate: row.end_date,
        timeZone: row.time_zone,
        organisingAgencyId: row.agency_id,
        mode: row.mode,
        venue: row.venue,
        courseId: row.course_id,
        completedAt: new Date(row.completed_at),
      }
    : null;
}
