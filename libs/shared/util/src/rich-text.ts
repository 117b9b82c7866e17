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
