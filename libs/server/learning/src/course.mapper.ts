import type { CourseFile, CourseLesson, CourseSummary } from '@kompeten/shared-contracts';
import type { CourseFileEntity } from './entities/course-file.entity';
import type { LessonEntity } from './entities/lesson.entity';

/** Course rows with their agency name and live version number (alias c; a = agency, v = current version). */
export const COURSE_SUMMARY_SELECT = `
  SELECT c.id, c.agency_id, a.name AS agency_name, c.title, c.description, c.competency_kind, c.learning_method, c.jenis_diklat_id,
         c.jp::float8 AS jp, c.level, c.tags, c.cover_file_id, c.visibility, c.enrolment_mode, c.status, c.current_version_id,
         v.version_no AS current_version_no, c.created_at, c.updated_at
    FROM course c
    JOIN organisation_agency a ON a.id = c.agency_id
    LEFT JOIN course_version v ON v.id = c.current_version_id`;

export interface CourseSummaryRow {
  id: string;
  agency_id: string;
  agency_name: string;
  title: string;
  description: string;
  competency_kind: CourseSummary['competencyKind'];
  learning_method: CourseSummary['learningMethod'];
  jenis_diklat_id: number;
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
