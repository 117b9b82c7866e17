import sanitizeHtml from 'sanitize-html';
import {
  COURSE_FILE_SRC,
  hasHtmlTags,
  RICH_TEXT_ATTRIBUTES,
  RICH_TEXT_TAGS,
  richTextHtml,
  spaceBlockEnds,
} from '@kompeten/shared-util';

/**
 * The allow-list: what the web's editor (TipTap, apps/web/src/shared/components/RichTextEditor.tsx) produces and
 * nothing else. Headings 2–4 (the page and lesson titles are 1), paragraphs and line breaks, lists, links, tables,
 * pictures from course files, bold/italic/underline/strike, quotes and inline code. No scripts, event handlers, styles,
 * classes, frames or forms; links only to http(s) and mailto.
 */
const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [...RICH_TEXT_TAGS],
  allowedAttributes: {
    ...RICH_TEXT_ATTRIBUTES,
    a: [...RICH_TEXT_ATTRIBUTES.a, 'target', 'rel'],
    // Only a course file (the filter below).
    img: ['src', ...RICH_TEXT_ATTRIBUTES.img],
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
  return sanitizeHtml(spaceBlockEnds(html), { allowedTags: [], allowedAttributes: {} })
    .replace(/&[a-z]+;|&#\d+;|\u00a0/g, ' ')
    .trim();
}
