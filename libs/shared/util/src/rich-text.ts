/**
 * Rich text (lesson text, course descriptions, assignment instructions, question prompts) is stored as sanitised
 * HTML. Text typed before the editor existed, and prompts imported as plain text, hold no tags: they are shown (and
 * opened in the editor) as paragraphs, one per blank-line-separated block, so nothing collapses into one paragraph.
 */

/** A tag such as `<p>`, `</li>` or `<img src="…">`; "2 < 3" or "a<b" alone are not. */
const TAG = /<\/?[a-z][a-z0-9]*(?:\s[^<>]*)?\/?>/i;
/** An entity that is already escaped text (`&amp;`, `&#8211;`, `&#x2013;`). */
const ENTITY = /^&(?:[a-z][a-z0-9]*|#\d+|#x[0-9a-f]+);/i;

export function hasHtmlTags(text: string): boolean {
  return TAG.test(text);
}

/** Escapes text for HTML, leaving entities that are already escaped as they are. */
export function escapeHtmlText(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '&') out += ENTITY.test(text.slice(i, i + 12)) ? '&' : '&amp;';
    else if (c === '<') out += '&lt;';
    else if (c === '>') out += '&gt;';
    else if (c === '"') out += '&quot;';
    else out += c;
  }
  return out;
}

/** Plain text as HTML paragraphs: a blank line starts a paragraph, a single line break stays a line break. */
export function plainTextToHtml(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((block) => block.trim())
    .filter(Boolean)
    .map((block) => `<p>${escapeHtmlText(block).replace(/\n/g, '<br>')}</p>`)
    .join('');
}

/** A picture in rich text: a course file, by the address the API serves it from (`/api/files/<id>`, the id captured). */
export const COURSE_FILE_SRC = /^\/api\/files\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/**
 * Rich text with a space after every block's end and line break, so that its text never runs two paragraphs (or cells,
 * or lines) together into one word: for search and for one-line previews.
 */
export function spaceBlockEnds(html: string): string {
  return html.replace(/<\/(?:p|h[1-6]|li|td|th|blockquote)>|<br\s*\/?>/gi, '$& ');
}

/** Stored rich text as HTML: HTML as it is, plain text as paragraphs. */
export function richTextHtml(stored: string): string {
  return hasHtmlTags(stored) ? stored : plainTextToHtml(stored);
}

/**
 * The tags rich text may hold: what the web's editor produces. The API sanitises to them when text is saved
 * (libs/server/learning/src/authoring/rich-text.ts); a page rendered on the server shows them (decision 0041).
 */
export const RICH_TEXT_TAGS: readonly string[] = [
  'p',
  'br',
  'h2',
  'h3',
  'h4',
  'ul',
  'ol',
  'li',
  'a',
  'strong',
  'em',
  'u',
  's',
  'blockquote',
  'code',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'img',
];

/**
 * The attributes rich text keeps, per tag of RICH_TEXT_TAGS (any other tag keeps none). Where it is sanitised or shown,
 * links also get `target` and `rel`, and pictures their `src` (stored) or `data-course-file` (shown).
 */
export const RICH_TEXT_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  a: ['href'],
  img: ['alt', 'title'],
  ol: ['start'],
  td: ['colspan', 'rowspan'],
  th: ['colspan', 'rowspan', 'scope'],
};
