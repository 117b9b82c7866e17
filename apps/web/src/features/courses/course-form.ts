import type {
  CompetencyKind,
  CourseLevel,
  CourseVisibility,
  EnrolmentMode,
  LearningMethod,
} from '@kompeten/shared-contracts';
import { JENIS_DIKLAT_STRUKTURAL } from '@kompeten/shared-contracts';
import type { Course, CourseInput, CourseUpdate } from './api';

/** The course metadata form's state: what the inputs hold, before it becomes a request. */
export interface CourseFormValues {
  agencyId: string;
  title: string;
  description: string;
  /** One objective per line. */
  objectives: string;
  competencyKind: CompetencyKind;
  learningMethod: LearningMethod;
  /** A Select's value: the SIASN jenis diklat code as a string. */
  jenisDiklatId: string;
  /** A Select's value: SIASN latihanStrukturalId 1–8 of structural leadership training (jenis 1), else ''. */
  latihanStrukturalId: string;
  jp: number | string;
  level: CourseLevel;
  tags: string[];
  visibility: CourseVisibility;
  enrolmentMode: EnrolmentMode;
}

export type CourseFormResult = Omit<CourseInput, 'completionRule'>;

/** The form's values for a course (edit), or the defaults of a new e-learning course (create). */
export function courseFormValues(course?: Course, agencyId = ''): CourseFormValues {
  return {
    agencyId: course?.agencyId ?? agencyId,
    title: course?.title ?? '',
    description: course?.description ?? '',
    objectives: (course?.objectives ?? []).join('\n'),
    competencyKind: course?.competencyKind ?? 'teknis',
    learningMethod: course?.learningMethod ?? 'e_learning',
    // 16 = E-Learning (DOMAIN.md §6).
    jenisDiklatId: String(course?.jenisDiklatId ?? 16),
    latihanStrukturalId: course?.latihanStrukturalId ? String(course.latihanStrukturalId) : '',
    jp: course?.jp ?? 2,
    level: course?.level ?? 'dasar',
    tags: course?.tags ?? [],
    visibility: course?.visibility ?? 'agency',
    enrolmentMode: course?.enrolmentMode ?? 'open',
  };
}

/** The request body the form's values stand for: trimmed text, one objective per non-empty line, numbers as numbers. */
export function courseInputOf(values: CourseFormValues): CourseFormResult {
  return {
    agencyId: values.agencyId,
    title: values.title.trim(),
    description: values.description.trim(),
    objectives: values.objectives
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean),
    competencyKind: values.competencyKind,
    learningMethod: values.learningMethod,
    jenisDiklatId: Number(values.jenisDiklatId),
    // Only structural leadership training names its kind; the API refuses one for any other jenis.
    latihanStrukturalId: isStructural(values.jenisDiklatId) ? Number(values.latihanStrukturalId) || null : null,
    jp: Number(values.jp),
    level: values.level,
    tags: values.tags,
    visibility: values.visibility,
    enrolmentMode: values.enrolmentMode,
  };
}

/** An existing course's update: the agency of a course never changes. */
export function courseUpdateOf({ agencyId: _agency, ...rest }: CourseFormResult): CourseUpdate {
  return rest;
}

/** Structural leadership training (jenis diklat 1) goes to SIASN's riwayat diklat and needs its kind (1–8). */
export const isStructural = (jenisDiklatId: string): boolean => jenisDiklatId === String(JENIS_DIKLAT_STRUKTURAL);

/** JP must be above 0 and at most 1,000. */
export function jpProblem(jp: number | string): 'form.jpRange' | null {
  return Number(jp) > 0 && Number(jp) <= 1000 ? null : 'form.jpRange';
}
