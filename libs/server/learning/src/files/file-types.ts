import type { CourseFilePurpose } from '@kompeten/shared-contracts';

const MB = 1024 * 1024;

export const PDF = 'application/pdf';
const PNG = 'image/png';
const JPEG = 'image/jpeg';
const WEBP = 'image/webp';
const GIF = 'image/gif';
const MP4 = 'video/mp4';
const WEBM = 'video/webm';
const ZIP = 'application/zip';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const PPTX = 'application/vnd.openxmlformats-officedocument.presentationml.presentation';
const DOC = 'application/msword';
const XLS = 'application/vnd.ms-excel';
const PPT = 'application/vnd.ms-powerpoint';
const TXT = 'text/plain';
const CSV = 'text/csv';

const OFFICE = [DOCX, XLSX, PPTX, DOC, XLS, PPT];

/** What each purpose accepts (docs/learning.md: images ≤ 5 MB, PDF ≤ 50 MB, video ≤ 500 MB, assignments ≤ 20 MB). */
export const FILE_RULES: Record<CourseFilePurpose, { mimes: string[]; maxBytes: number; label: string }> = {
  cover: { mimes: [JPEG, PNG, WEBP], maxBytes: 5 * MB, label: 'gambar JPEG/PNG/WebP maks. 5 MB' },
  video: { mimes: [MP4, WEBM], maxBytes: 500 * MB, label: 'video MP4/WebM maks. 500 MB' },
  document: { mimes: [PDF], maxBytes: 50 * MB, label: 'PDF maks. 50 MB' },
  file: {
    mimes: [PDF, ...OFFICE, ZIP, JPEG, PNG, WEBP, GIF, TXT, CSV],
    maxBytes: 50 * MB,
    label: 'PDF, dokumen Office, ZIP, gambar atau teks maks. 50 MB',
  },
  assignment: { mimes: [PDF, ...OFFICE, ZIP], maxBytes: 20 * MB, label: 'PDF, dokumen Office atau ZIP maks. 20 MB' },
  image: { mimes: [JPEG, PNG, WEBP, GIF], maxBytes: 5 * MB, label: 'gambar JPEG/PNG/WebP/GIF maks. 5 MB' },
};

/** The largest upload any purpose accepts: the multer limit. */
export const MAX_COURSE_FILE_BYTES = Math.max(...Object.values(FILE_RULES).map((r) => r.maxBytes));

/** Detection lives in server-core, shared with assignment submissions. */
export { detectMime, readHead } from '@kompeten/server-core';

/** Types a browser may show in place; everything else downloads. */
export const INLINE_MIMES = new Set([PDF, PNG, JPEG, WEBP, GIF, MP4, WEBM]);
