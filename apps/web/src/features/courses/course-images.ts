import { useMemo } from 'react';
import type { UploadedImage } from '../../shared/components/RichTextEditor';
import { uploadCourseFile } from './api';

/** A picture's text alternative until the author writes a better one: its file name in words ("bagan-alur.png" → "bagan alur"). */
export function altFromFileName(name: string): string {
  return name
    .replace(/\.[a-z0-9]+$/i, '')
    .replace(/[-_]+/g, ' ')
    .trim();
}

/**
 * The rich-text editor's picture upload for one course: the picture becomes a course file of purpose `image`
 * (the existing upload API) and the text refers to it by the address the API serves it from.
 */
export function useCourseImageUpload(
  courseId: string | undefined,
): ((file: File) => Promise<UploadedImage>) | undefined {
  return useMemo(
    () =>
      courseId
        ? async (file: File) => {
            const uploaded = await uploadCourseFile(courseId, file, 'image');
            return { src: `/api/files/${uploaded.id}`, alt: altFromFileName(uploaded.fileName) };
          }
        : undefined,
    [courseId],
  );
}
