import sanitizeHtml from 'sanitize-html';
import { FileProblem } from './problems';

/**
 * Text helpers of the question import: reading an uploaded text file, and turning the HTML that Moodle exports into
 * the plain text the bank stores (question texts are shown as plain text, line breaks kept). Pure.
 */

const ZIP = [0x50, 0x4b, 0x03, 0x04];

export const isZip = (bytes: Uint8Array): boolean => ZIP.every((b, i) => bytes[i] === b);

/**
 * The text of an uploaded GIFT, Aiken or CSV file: UTF-8 (with or without a byte-order mark) or UTF-16 with its mark
 * (Windows Notepad's "Unicode"). Anything else is refused with a reason the uploader can act on.
 */
export function decodeTextFile(bytes: Uint8Array): string {
  if (bytes.length === 0) throw new FileProblem('FILE.EMPTY');
  if (isZip(bytes)) throw new FileProblem('FILE.IS_SPREADSHEET');
  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
  else {
    if (bytes.includes(0)) throw new FileProblem('FILE.NOT_TEXT');
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    } catch {
      throw new FileProblem('FILE.NOT_UTF8');
    }
  }
  if (text.includes('\u0000')) throw new FileProblem('FILE.NOT_TEXT');
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

/** Lines trimmed at the end, runs of blank lines shortened to one, the whole trimmed. */
export function tidyText(s: string): string {
  return s
    .replace(/\r\n?/g, '\n')
    .replace(/\u00a0/g, ' ')
    .split('\n')
    .map((l) => l.replace(/[ \t]+$/g, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const HTML_TAG =
  /<\/?(p|br|div|span|b|i|u|strong|em|ul|ol|li|h[1-6]|table|tr|td|th|sub|sup|img|a|pre|code|font)\b[^>]*>/i;

/** Does text written in Moodle's default format carry HTML (teachers often type <b> or <br> into GIFT files)? */
export const looksLikeHtml = (s: string): boolean => HTML_TAG.test(s);

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'", nbsp: ' ' };

/**
 * Plain text of HTML: paragraphs, line breaks, list items and table rows become line breaks; every tag, script and
 * style goes; entities are decoded. Images cannot come along (their files stay in the other system): `images` counts them.
 */
export function htmlToText(html: string): { text: string; images: number } {
  const images = (html.match(/<img\b/gi) ?? []).length;
  const marked = html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|h[1-6]|tr|pre|blockquote)\s*>/gi, '\n')
    .replace(/<li\b[^>]*>/gi, '\n- ')
    .replace(/<\/(td|th)\s*>/gi, ' ');
  const stripped = sanitizeHtml(marked, { allowedTags: [], allowedAttributes: {}, disallowedTagsMode: 'discard' });
  const decoded = stripped.replace(/&(amp|lt|gt|quot|#39|apos|nbsp);/g, (_m, e: string) => ENTITIES[e] ?? _m);
  const text = decoded
    .split('\n')
    .map((l) => l.replace(/[ \t]+/g, ' ').trim())
    .join('\n');
  return { text: tidyText(text), images };
}

/** The start of a text on one line, for the report. */
export function excerpt(s: string, max = 120): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}
