import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ErrorCode, type LessonSnapshot, type ModuleSnapshot } from '@kompeten/shared-contracts';
import { notFound } from '@kompeten/server-core';
import { PublishedVersions, type PublishedVersion } from '@kompeten/server-learning';
import { requiredLessonIds } from './completion-rule';

export interface VersionContent extends PublishedVersion {
  /** The lessons the completion rule requires. */
  requiredLessonIds: ReadonlySet<string>;
}

const REQUIRED = Symbol('enrolment.requiredLessonIds');

/**
 * Published versions as enrolment reads them: through the learning lib's one reader and cache (PublishedVersions),
 * with the lessons the completion rule requires kept beside each version, and 404s in enrolment's words.
 */
@Injectable()
export class EnrolmentVersions {
  constructor(@Inject(PublishedVersions) private readonly versions: PublishedVersions) {}

  async get(m: EntityManager, versionId: string): Promise<VersionContent> {
    const version = await this.versions.find(m, versionId);
    if (!version) throw notFound(ErrorCode.ENROLMENT_COURSE_NOT_FOUND, 'Versi pelatihan tidak ditemukan');
    return version.derived(REQUIRED, (v): VersionContent => ({
      ...v,
      requiredLessonIds: new Set(requiredLessonIds(v.snapshot)),
    }));
  }

  /** A lesson of the version, or a 404. */
  async lesson(
    m: EntityManager,
    versionId: string,
    lessonId: string,
  ): Promise<{ version: VersionContent; module: ModuleSnapshot; lesson: LessonSnapshot; index: number }> {
    const version = await this.get(m, versionId);
    const index = version.lessons.findIndex((l) => l.lesson.id === lessonId);
    if (index < 0)
      throw notFound(ErrorCode.ENROLMENT_LESSON_NOT_FOUND, 'Materi tidak ditemukan pada versi pelatihan ini');
    return { version, module: version.lessons[index].module, lesson: version.lessons[index].lesson, index };
  }
}
