import type { EntityManager } from 'typeorm';
import type { CompetencyKind, LearningMethod } from '@kompeten/shared-contracts';

/**
 * How a course is classified (decision 0016): what the JP ledger credits a completion as — its competency kind, its
 * learning method and its form of development (SIASN jenis diklat code) as the course has them now. The form of the
 * version taken is in its snapshot (PublishedVersions).
 */
export interface CourseClassification {
  id: string;
  competencyKind: CompetencyKind;
  learningMethod: LearningMethod;
  jenisDiklatId: number;
  /** SIASN latihanStrukturalId 1–8 when jenisDiklatId is 1 (structural leadership training), else null. */
  latihanStrukturalId: number | null;
}

/** A course's classification, or null for an unknown course. */
export async function findCourseClassification(
  m: EntityManager,
  courseId: string,
): Promise<CourseClassification | null> {
  const [row]: Array<{
    id: string;
    competency_kind: CompetencyKind;
    learning_method: LearningMethod;
    jenis_diklat_id: number;
    latihan_struktural_id: number | null;
  }> = await m.query(
    'SELECT id, competency_kind, learning_method, jenis_diklat_id, latihan_struktural_id FROM course WHERE id = $1',
    [courseId],
  );
  return row
    ? {
        id: row.id,
        competencyKind: row.competency_kind,
        learningMethod: row.learning_method,
        jenisDiklatId: row.jenis_diklat_id,
        latihanStrukturalId: row.latihan_struktural_id,
      }
    : null;
}

/** The agency that owns a course (the issuer of its certificates), or null for an unknown course. */
export async function findCourseAgencyId(m: EntityManager, courseId: string): Promise<string | null> {
  const [row]: Array<{ agency_id: string }> = await m.query('SELECT agency_id FROM course WHERE id = $1', [courseId]);
  return row?.agency_id ?? null;
}
