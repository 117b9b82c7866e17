import type { CourseFile, CourseLesson, CourseSummary } from '@kompeten/shared-contracts';
import type { CourseFileEntity } from './entities/course-file.entity';
import type { LessonEntity } from './entities/lesson.entity';

/** A course summary row as course-summary-store.ts and the catalog store select it. */
export interface CourseSummaryRow {
  id: string;
  agency_id: string;
  agency_name: string;
  title: string;
  description: string;
  competency_kind: CourseSummary['competencyKind'];
  learning_method: CourseSummary['learningMethod'];
  jenis_diklat_id: number;
  latihan_struktural_id: number | null;
  jp: number;
  level: CourseSummary['level'];
  tags: string[];
  cover_file_id: string | null;
  visibility: CourseSummary['visibility'];
  enrolment_mode: CourseSummary['enrolmentMode'];
  status: CourseSummary['status'];
  current_version_id: string | null;
  current_version_no: number | null;
  created_at: Date;
  updated_at: Date;
}

export function toCourseSummary(r: CourseSummaryRow): CourseSummary {
  return {
    id: r.id,
    agencyId: r.agency_id,
    agencyName: r.agency_name,
    title: r.title,
    description: r.description,
    competencyKind: r.competency_kind,
    learningMethod: r.learning_method,
    jenisDiklatId: Number(r.jenis_diklat_id),
    latihanStrukturalId: r.latihan_struktural_id == null ? null : Number(r.latihan_struktural_id),
    jp: Number(r.jp),
    level: r.level,
    tags: r.tags ?? [],
    coverFileId: r.cover_file_id,
    visibility: r.visibility,
    enrolmentMode: r.enrolment_mode,
    status: r.status,
    currentVersionId: r.current_version_id,
    currentVersionNo: r.current_version_no === null ? null : Number(r.current_version_no),
    createdAt: new Date(r.created_at).toISOString(),
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}

export function toLesson(l: LessonEntity): CourseLesson {
  return {
    id: l.id,
    moduleId: l.moduleId,
    position: l.position,
    kind: l.kind,
    title: l.title,
    required: l.required,
    content: l.content,
  };
}

export function toCourseFile(f: CourseFileEntity): CourseFile {
  return {
    id: f.id,
    courseId: f.courseId,
    purpose: f.purpose,
    fileName: f.fileName,
    mime: f.mime,
    size: Number(f.size),
    createdAt: f.createdAt.toISOString(),
  };
}
