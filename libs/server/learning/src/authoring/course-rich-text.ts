import { In, type EntityManager } from 'typeorm';
import { ErrorCode } from '@kompeten/shared-contracts';
import { invalid } from '@kompeten/server-core';
import { CourseFileEntity } from '../entities/course-file.entity';
import { imageFileIds, sanitizePrompt, sanitizeRichText } from './rich-text';

/** Every picture in the HTML is an image (or the cover) uploaded to this course, or a 400 naming those that are not. */
async function requireCourseImages(m: EntityManager, courseId: string, html: string, field: string): Promise<void> {
  const ids = imageFileIds(html);
  if (!ids.length) return;
  const found = await m
    .getRepository(CourseFileEntity)
    .find({ where: { id: In(ids), courseId }, select: { id: true, purpose: true } });
  const bad = ids.filter((id) => !found.some((f) => f.id === id && (f.purpose === 'image' || f.purpose === 'cover')));
  if (bad.length)
    throw invalid(
      ErrorCode.LEARNING_INVALID_CONTENT,
      `${field}: gambar ${bad.join(', ')} bukan gambar yang diunggah ke pelatihan ini; unggah gambarnya lewat editor`,
      bad,
    );
}

/**
 * Rich text as stored (sanitised), after checking that every picture in it is a picture uploaded to this course:
 * another course's file would be shown to people that course never admitted.
 */
export async function courseRichText(
  m: EntityManager,
  courseId: string,
  input: string,
  field: string,
): Promise<string> {
  const html = sanitizeRichText(input);
  await requireCourseImages(m, courseId, html, field);
  return html;
}

/** A question prompt as stored (the assessment lib's question bank): `sanitizePrompt`, pictures checked as above. */
export async function coursePrompt(m: EntityManager, courseId: string, input: string): Promise<string> {
  const prompt = sanitizePrompt(input);
  await requireCourseImages(m, courseId, prompt, 'prompt');
  return prompt;
}
