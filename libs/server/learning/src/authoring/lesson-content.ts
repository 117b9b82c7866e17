import type { EntityManager } from 'typeorm';
import {
  ErrorCode,
  type CompletionRule,
  type CourseFilePurpose,
  type LessonContent,
  type LessonKind,
} from '@kompeten/shared-contracts';
import { invalid } from '@kompeten/server-core';
import { parseVideoUrl } from '@kompeten/shared-util';
import {
  validateContentShape,
  type AssignmentContentDto,
  type DocumentContentDto,
  type FileContentDto,
  type LinkContentDto,
  type LiveContentDto,
  type QuizContentDto,
  type TextContentDto,
  type VideoContentDto,
} from '../dto/lesson-content.dto';
import { CourseFileEntity } from '../entities/course-file.entity';
import { courseRichText } from './course-rich-text';

const bad = (message: string) => invalid(ErrorCode.LEARNING_INVALID_CONTENT, message);

async function requireFile(
  m: EntityManager,
  courseId: string,
  fileId: string,
  purposes: CourseFilePurpose[],
  what: string,
): Promise<void> {
  const file = await m.getRepository(CourseFileEntity).findOneBy({ id: fileId, courseId });
  if (!file)
    throw bad(
      `content.fileId: berkas ${fileId} tidak ada di pelatihan ini; unggah dahulu lewat POST /api/courses/{id}/files`,
    );
  if (!purposes.includes(file.purpose))
    throw bad(`content.fileId: ${what} harus berkas dengan tujuan ${purposes.join(' atau ')}, bukan "${file.purpose}"`);
}

/** A video lesson's URL: one that can be played or embedded, or a 400 saying why not (docs/learning.md). */
export function checkVideoUrl(url: string): string {
  const verdict = parseVideoUrl(url);
  if (!verdict.ok) throw invalid(ErrorCode.LEARNING_VIDEO_URL_UNPLAYABLE, `content.url: ${verdict.reason}`);
  return url.trim();
}

/** Validates a lesson's content for its kind, checks its files belong to the course, and sanitises its rich text. */
export async function normaliseContent(
  m: EntityManager,
  courseId: string,
  kind: LessonKind,
  raw: unknown,
): Promise<LessonContent> {
  switch (kind) {
    case 'text': {
      const c = validateContentShape<TextContentDto>(kind, raw);
      return { kind, html: await courseRichText(m, courseId, c.html, 'content.html') };
    }
    case 'video': {
      const c = validateContentShape<VideoContentDto>(kind, raw);
      if (!!c.fileId === !!c.url)
        throw bad('Pelajaran video butuh tepat satu sumber: content.fileId (video yang diunggah) atau content.url');
      if (c.fileId) await requireFile(m, courseId, c.fileId, ['video'], 'video');
      return {
        kind,
        ...(c.fileId ? { fileId: c.fileId } : { url: checkVideoUrl(c.url ?? '') }),
        ...(c.durationSeconds ? { durationSeconds: c.durationSeconds } : {}),
        completeAtRatio: c.completeAtRatio ?? 0.9,
      };
    }
    case 'document': {
      const c = validateContentShape<DocumentContentDto>(kind, raw);
      await requireFile(m, courseId, c.fileId, ['document'], 'dokumen (PDF)');
      return { kind, fileId: c.fileId };
    }
    case 'file': {
      const c = validateContentShape<FileContentDto>(kind, raw);
      await requireFile(m, courseId, c.fileId, ['file', 'document', 'assignment'], 'berkas unduhan');
      return { kind, fileId: c.fileId };
    }
    case 'link': {
      const c = validateContentShape<LinkContentDto>(kind, raw);
      return { kind, url: c.url };
    }
    case 'quiz': {
      const c = validateContentShape<QuizContentDto>(kind, raw);
      return { kind, quizId: c.quizId };
    }
    case 'assignment': {
      const c = validateContentShape<AssignmentContentDto>(kind, raw);
      if (c.passScore > c.maxScore) throw bad('content.passScore tidak boleh lebih dari content.maxScore');
      const instructions = await courseRichText(m, courseId, c.instructions, 'content.instructions');
      if (!instructions) throw bad('content.instructions kosong setelah dibersihkan');
      return { kind, instructions, maxScore: c.maxScore, passScore: c.passScore };
    }
    case 'live': {
      const c = validateContentShape<LiveContentDto>(kind, raw);
      const starts = new Date(c.startsAt);
      const ends = new Date(c.endsAt);
      if (ends <= starts) throw bad('content.endsAt harus setelah content.startsAt');
      return { kind, startsAt: starts.toISOString(), endsAt: ends.toISOString(), joinUrl: c.joinUrl };
    }
  }
}

/** Problems of a completion rule against the course's lessons (ids that are not lessons of the right kind). */
export function completionRuleProblems(
  rule: CompletionRule,
  lessons: Array<{ id: string; kind: LessonKind }>,
): string[] {
  const kindOf = new Map(lessons.map((l) => [l.id, l.kind]));
  const problems: string[] = [];
  if (Array.isArray(rule.requiredLessons)) {
    for (const id of rule.requiredLessons)
      if (!kindOf.has(id)) problems.push(`completionRule.requiredLessons: pelajaran ${id} tidak ada di pelatihan ini`);
  }
  for (const id of rule.passQuizzes ?? [])
    if (kindOf.get(id) !== 'quiz')
      problems.push(`completionRule.passQuizzes: ${id} bukan pelajaran kuis di pelatihan ini`);
  for (const id of rule.passAssignments ?? [])
    if (kindOf.get(id) !== 'assignment')
      problems.push(`completionRule.passAssignments: ${id} bukan pelajaran tugas di pelatihan ini`);
  for (const id of Object.keys(rule.lessonMinMinutes ?? {}))
    if (!kindOf.has(id)) problems.push(`completionRule.lessonMinMinutes: pelajaran ${id} tidak ada di pelatihan ini`);
  const live = lessons.filter((l) => l.kind === 'live').length;
  if ((rule.minLiveAttendance ?? 0) > live)
    problems.push(`completionRule.minLiveAttendance ${rule.minLiveAttendance} melebihi jumlah sesi langsung (${live})`);
  return problems;
}

/**
 * "The post-test must be passed" is on by default (issue 15): a quiz lesson whose quiz is the course's post-test joins
 * `passQuizzes` when it is added, unless the rule already asks for a post-test percentage. The author may take it off.
 */
export function withPostTestRequired(rule: CompletionRule, lessonId: string): CompletionRule {
  if (rule.minPostTestPercent !== undefined || rule.passQuizzes?.includes(lessonId)) return rule;
  return { ...rule, passQuizzes: [...(rule.passQuizzes ?? []), lessonId] };
}

/** The rule without a deleted lesson. */
export function withoutLessons(rule: CompletionRule, ids: string[]): CompletionRule {
  const gone = new Set(ids);
  const keep = (list?: string[]) => list?.filter((id) => !gone.has(id));
  const next: CompletionRule = {
    ...rule,
    requiredLessons: Array.isArray(rule.requiredLessons)
      ? rule.requiredLessons.filter((id) => !gone.has(id))
      : rule.requiredLessons,
    ...(rule.passQuizzes ? { passQuizzes: keep(rule.passQuizzes) } : {}),
    ...(rule.passAssignments ? { passAssignments: keep(rule.passAssignments) } : {}),
  };
  const minutes = Object.entries(rule.lessonMinMinutes ?? {}).filter(([id]) => !gone.has(id));
  if (minutes.length) next.lessonMinMinutes = Object.fromEntries(minutes);
  else delete next.lessonMinMinutes;
  return next;
}

/** A completion rule as stored: only the documented keys. */
export function cleanRule(rule: CompletionRule): CompletionRule {
  return {
    requiredLessons: rule.requiredLessons,
    ...(rule.passQuizzes?.length ? { passQuizzes: [...new Set(rule.passQuizzes)] } : {}),
    ...(rule.minPostTestPercent !== undefined ? { minPostTestPercent: rule.minPostTestPercent } : {}),
    ...(rule.passAssignments?.length ? { passAssignments: [...new Set(rule.passAssignments)] } : {}),
    ...(rule.minLiveAttendance !== undefined ? { minLiveAttendance: rule.minLiveAttendance } : {}),
    ...(rule.minMinutes !== undefined ? { minMinutes: rule.minMinutes } : {}),
    ...(rule.lessonMinMinutes && Object.keys(rule.lessonMinMinutes).length
      ? { lessonMinMinutes: { ...rule.lessonMinMinutes } }
      : {}),
  };
}
