import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ErrorCode, type CourseSnapshot, type LessonSnapshot, type ModuleSnapshot } from '@kompeten/shared-contracts';
import { notFound } from '@kompeten/server-core';
import { requiredLessonIds } from './completion-rule';

export interface VersionContent {
  id: string;
  courseId: string;
  versionNo: number;
  jp: number;
  snapshot: CourseSnapshot;
  /** Lessons in course order, with their module. */
  lessons: Array<{ module: ModuleSnapshot; lesson: LessonSnapshot }>;
  /** The lessons the completion rule requires. */
  requiredLessonIds: ReadonlySet<string>;
}

const MAX_CACHED = 500;

/** Course versions are immutable once published, so their parsed snapshots are cached by id. */
@Injectable()
export class VersionSnapshots {
  private readonly cache = new Map<string, VersionContent>();

  async get(m: EntityManager, versionId: string): Promise<VersionContent> {
    const hit = this.cache.get(versionId);
    if (hit) return hit;
    const [row] = await m.query(`SELECT id, course_id, version_no, jp, snapshot FROM course_version WHERE id = $1`, [versionId]);
    if (!row) throw notFound(ErrorCode.ENROLMENT_COURSE_NOT_FOUND, 'Versi pelatihan tidak ditemukan');
    const snapshot = row.snapshot as CourseSnapshot;
    const content: VersionContent = {
      id: row.id, courseId: row.course_id, versionNo: Number(row.version_no), jp: Number(row.jp ?? snapshot.jp ?? 0), snapshot,
      lessons: (snapshot.modules ?? []).flatMap((module) => (module.lessons ?? []).map((lesson) => ({ module, lesson }))),
      requiredLessonIds: new Set(requiredLessonIds(snapshot)),
    };
    if (this.cache.size >= MAX_CACHED) this.cache.delete(this.cache.keys().next().value as string);
    this.cache.set(versionId, content);
    return content;
  }

  /** A lesson of the version, or a 404. */
  async lesson(m: EntityManager, versionId: string, lessonId: string): Promise<{ version: VersionContent; module: ModuleSnapshot; lesson: LessonSnapshot; index: number }> {
    const version = await this.get(m, versionId);
    const index = version.lessons.findIndex((l) => l.lesson.id === lessonId);
    if (index < 0) throw notFound(ErrorCode.ENROLMENT_LESSON_NOT_FOUND, 'Materi tidak ditemukan pada versi pelatihan ini');
    return { version, module: version.lessons[index].module, lesson: version.lessons[index].lesson, index };
  }
}
