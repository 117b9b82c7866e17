import { open } from 'node:fs/promises';
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
  file: { mimes: [PDF, ...OFFICE, ZIP, JPEG, PNG, WEBP, GIF, TXT, CSV], maxBytes: 50 * MB, label: 'PDF, dokumen Office, ZIP, gambar atau teks maks. 50 MB' },
  assignment: { mimes: [PDF, ...OFFICE, ZIP], maxBytes: 20 * MB, label: 'PDF, dokumen Office atau ZIP maks. 20 MB' },
};

/** The largest upload any purpose accepts: the multer limit. */
export const MAX_COURSE_FILE_BYTES = Math.max(...Object.values(FILE_RULES).map((r) => r.maxBytes));

const ext = (name: string) => /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';

/**
 * The real type of a file from its first bytes (never from the client's Content-Type); the extension only tells
 * apart formats that share a container (Office Open XML and ZIP; the old Office formats). null: not a type we accept.
 */
export function detectMime(head: Buffer, fileName: string): string | null {
  const e = ext(fileName);
  const starts = (bytes: number[], at = 0) => bytes.every((b, i) => head[at + i] === b);
  const ascii = (s: string, at = 0) => head.subarray(at, at + s.length).toString('latin1') === s;
  if (ascii('%PDF-')) return PDF;
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return PNG;
  if (starts([0xff, 0xd8, 0xff])) return JPEG;
  if (ascii('RIFF') && ascii('WEBP', 8)) return WEBP;
  if (ascii('GIF87a') || ascii('GIF89a')) return GIF;
  if (ascii('ftyp', 4) && !ascii('qt  ', 8)) return MP4;
  if (starts([0x1a, 0x45, 0xdf, 0xa3])) return WEBM;
  if (starts([0x50, 0x4b, 0x03, 0x04])) return ({ docx: DOCX, xlsx: XLSX, pptx: PPTX } as Record<string, string>)[e] ?? ZIP;
  if (starts([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return ({ doc: DOC, xls: XLS, ppt: PPT } as Record<string, string>)[e] ?? null;
  if ((e === 'txt' || e === 'csv') && !head.includes(0)) return e === 'csv' ? CSV : TXT;
  return null;
}

export async function readHead(path: string, bytes = 64): Promise<Buffer> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(bytes);
    const { bytesRead } = await fh.read(buf, 0, bytes, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

/** Types a browser may show in place; everything else downloads. */
export const INLINE_MIMES = new Set([PDF, PNG, JPEG, WEBP, GIF, MP4, WEBM]);
