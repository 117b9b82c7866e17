import sanitizeHtml from 'sanitize-html';
import { hasHtmlTags, RICH_TEXT_TAGS, richTextHtml } from '@kompeten/shared-util';

/** A picture in rich text: only a course file, by the address the web serves it from (`/api/files/<id>`). */
export const COURSE_FILE_SRC = /^\/api\/files\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/**
 * The allow-list: what the web's editor (TipTap, apps/web/src/shared/components/RichTextEditor.tsx) produces and
 * nothing else. Headings 2–4 (the page and lesson titles are 1), paragraphs and line breaks, lists, links, tables,
 * pictures from course files, bold/italic/underline/strike, quotes and inline code. No scripts, event handlers, styles,
 * classes, frames or forms; links only to http(s) and mailto.
 */
const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [...RICH_TEXT_TAGS],
  allowedAttributes: {
    a: ['href', 'target', 'rel'],
    img: ['src', 'alt', 'title'],
    td: ['colspan', 'rowspan'],
    th: ['colspan', 'rowspan', 'scope'],
    ol: ['start'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: [] },
  allowedSchemesAppliedToAttributes: ['href', 'src'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  // Older editors' and pasted markup that has an allowed equivalent keeps its meaning.
  transformTags: {
    b: 'strong',
    i: 'em',
    strike: 's',
    del: 's',
    h1: 'h2',
    h5: 'h4',
    h6: 'h4',
    // A link opening a new tab must not hand the opener window to the target.
    a: (tagName, attribs) => ({
      tagName,
      attribs: attribs.target ? { ...attribs, target: '_blank', rel: 'noopener noreferrer' } : attribs,
    }),
  },
  exclusiveFilter: (frame) => frame.tag === 'img' && !COURSE_FILE_SRC.test(frame.attribs.src ?? ''),
};

/**
 * Rich text as stored: sanitised HTML. Plain text (typed before the editor, or sent by an API client) becomes
 * paragraphs first, so its line breaks survive.
 */
export function sanitizeRichText(input: string): string {
  return sanitizeHtml(richTextHtml(input), OPTIONS).trim();
}

/**
 * A question prompt: HTML from the editor is sanitised like any rich text; a plain-text prompt (typed before the
 * editor, or imported from Aiken/GIFT/Excel) stays plain text, exactly as written — the web shows both
 * (`richTextHtml` in shared-util decides, on both sides, which one a prompt is).
 */
export function sanitizePrompt(input: string): string {
  return hasHtmlTags(input) ? sanitizeHtml(input, OPTIONS).trim() : input;
}

/** Course files pictured in rich text, by id (each must belong to the course: `imageFileProblems`). */
export function imageFileIds(html: string): string[] {
  const ids = new Set<string>();
  for (const m of html.matchAll(/<img\b[^>]*\bsrc="([^"]*)"/gi)) {
    const id = COURSE_FILE_SRC.exec(m[1])?.[1];
    if (id) ids.add(id.toLowerCase());
  }
  return [...ids];
}

/** Plain text of rich text, for search. */
export function plainText(html: string): string {
  // Block ends become spaces first, so two paragraphs never run together into one word.
  const spaced = html.replace(/<\/(?:p|h[1-6]|li|td|th|blockquote)>|<br\s*\/?>/gi, '$& ');
  return sanitizeHtml(spaced, { allowedTags: [], allowedAttributes: {} })
    .replace(/&[a-z]+;|&#\d+;|\u00a0/g, ' ')
    .trim();
}
