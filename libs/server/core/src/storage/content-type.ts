import { open } from 'node:fs/promises';

/**
 * What a file really is, from its first bytes (never from the client's Content-Type or the name alone). One helper
 * for every upload: course files (libs/server/learning) and assignment submissions (libs/server/enrolment).
 */
export const MIME = {
  PDF: 'application/pdf',
  PNG: 'image/png',
  JPEG: 'image/jpeg',
  WEBP: 'image/webp',
  GIF: 'image/gif',
  MP4: 'video/mp4',
  WEBM: 'video/webm',
  ZIP: 'application/zip',
  DOCX: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  XLSX: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  PPTX: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  DOC: 'application/msword',
  XLS: 'application/vnd.ms-excel',
  PPT: 'application/vnd.ms-powerpoint',
  ODT: 'application/vnd.oasis.opendocument.text',
  ODS: 'application/vnd.oasis.opendocument.spreadsheet',
  ODP: 'application/vnd.oasis.opendocument.presentation',
  TXT: 'text/plain',
  CSV: 'text/csv',
} as const;

const ext = (name: string) => /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';

/** Markup a browser could run if it ever sniffed a "text" file: HTML, SVG, XML with scripts. */
const MARKUP = /<\s*(!doctype|html|head|body|script|svg|iframe|object|embed|\?xml)\b/i;

/**
 * The real type of a file from its first bytes; the extension only tells apart formats that share a container
 * (Office Open XML, OpenDocument and ZIP; the old Office formats) and plain text from CSV. null: not a type we accept
 * (executables, HTML, SVG, scripts, anything unknown).
 */
export function detectMime(head: Buffer, fileName: string): string | null {
  const e = ext(fileName);
  const starts = (bytes: number[], at = 0) => bytes.every((b, i) => head[at + i] === b);
  const ascii = (s: string, at = 0) => head.subarray(at, at + s.length).toString('latin1') === s;
  if (ascii('%PDF-')) return MIME.PDF;
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return MIME.PNG;
  if (starts([0xff, 0xd8, 0xff])) return MIME.JPEG;
  if (ascii('RIFF') && ascii('WEBP', 8)) return MIME.WEBP;
  if (ascii('GIF87a') || ascii('GIF89a')) return MIME.GIF;
  if (ascii('ftyp', 4) && !ascii('qt  ', 8)) return MIME.MP4;
  if (starts([0x1a, 0x45, 0xdf, 0xa3])) return MIME.WEBM;
  if (starts([0x50, 0x4b, 0x03, 0x04])) {
    return (
      (
        { docx: MIME.DOCX, xlsx: MIME.XLSX, pptx: MIME.PPTX, odt: MIME.ODT, ods: MIME.ODS, odp: MIME.ODP } as Record<
          string,
          string
        >
      )[e] ?? MIME.ZIP
    );
  }
  if (starts([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))
    return ({ doc: MIME.DOC, xls: MIME.XLS, ppt: MIME.PPT } as Record<string, string>)[e] ?? null;
  if ((e === 'txt' || e === 'csv') && !head.includes(0) && !MARKUP.test(head.toString('latin1')))
    return e === 'csv' ? MIME.CSV : MIME.TXT;
  return null;
}

/** The first bytes of an uploaded file, for `detectMime`. */
export async function readHead(path: string, bytes = 512): Promise<Buffer> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(bytes);
    const { bytesRead } = await fh.read(buf, 0, bytes, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}
