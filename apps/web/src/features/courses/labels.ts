import type {
  CompetencyKind,
  CourseLevel,
  CourseVisibility,
  EnrolmentMode,
  LearningMethod,
  LessonKind,
} from '@kompeten/shared-contracts';
import { LATIHAN_STRUKTURAL } from '@kompeten/shared-contracts';
import { useTranslation } from 'react-i18next';
import { JENIS_DIKLAT } from './api';

/** Translated labels of the course enums (shared by authoring, catalog and learning pages). */
export function useCourseLabels() {
  const { t } = useTranslation('courses');
  return {
    competencyKind: (v: CompetencyKind) => t(`competencyKind.${v}`),
    learningMethod: (v: LearningMethod) => t(`learningMethod.${v}`),
    level: (v: CourseLevel) => t(`level.${v}`),
    visibility: (v: CourseVisibility) => t(`visibility.${v}`),
    enrolmentMode: (v: EnrolmentMode) => t(`enrolmentMode.${v}`),
    lessonKind: (v: LessonKind) => t(`lessonKind.${v}`),
    jenisDiklat: (id: number) => JENIS_DIKLAT.find((j) => j.id === id)?.name ?? String(id),
    /** SIASN's name of a kind of structural leadership training (its own name, as in SIASN, in every language). */
    latihanStruktural: (id: number) => LATIHAN_STRUKTURAL.find((l) => l.id === id)?.name ?? String(id),
  };
}

export function optionsOf<T extends string>(
  values: readonly T[],
  label: (value: T) => string,
): Array<{ value: T; label: string }> {
  return values.map((value) => ({ value, label: label(value) }));
}
