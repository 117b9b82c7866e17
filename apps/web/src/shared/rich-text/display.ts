import {
  COURSE_FILE_SRC,
  RICH_TEXT_ATTRIBUTES,
  RICH_TEXT_TAGS,
  richTextHtml,
  spaceBlockEnds,
} from '@kompeten/shared-util';

/**
 * The API's allow-list (shared-util's RICH_TEXT_TAGS and RICH_TEXT_ATTRIBUTES) and the older bold and italic tags, as
 * element tag name → attributes kept. Links get `target` and `rel`, pictures `data-course-file`, in `clean`.
 */
const ALLOWED: Record<string, readonly string[]> = Object.fromEntries(
  [...RICH_TEXT_TAGS, 'b', 'i'].map((tag) => [tag.toUpperCase(), RICH_TEXT_ATTRIBUTES[tag] ?? []]),
);

/** Removed with their content; any other unknown element is unwrapped (its text kept). */
const DROPPED = new Set([
  'SCRIPT',
  'STYLE',
  'IFRAME',
  'FRAME',
  'OBJECT',
  'EMBED',
  'TEMPLATE',
  'NOSCRIPT',
  'SVG',
  'MATH',
  'FORM',
  'INPUT',
  'TEXTAREA',
  'SELECT',
  'BUTTON',
  'LINK',
  'META',
  'TITLE',
  'HEAD',
  'VIDEO',
  'AUDIO',
]);
const SAFE_HREF = /^(https?:|mailto:)/i;

function clean(parent: Element): void {
  for (const node of [...parent.childNodes]) {
    if (node.nodeType === Node.COMMENT_NODE) {
      node.remove();
      continue;
    }
    if (node.nodeType !== Node.ELEMENT_NODE) continue;
    const el = node as Element;
    if (DROPPED.has(el.tagName)) {
      el.remove();
      continue;
    }
    clean(el);
    const allowed = ALLOWED[el.tagName];
    if (!allowed) {
      el.replaceWith(...el.childNodes);
      continue;
    }
    const src = el.tagName === 'IMG' ? el.getAttribute('src') : null;
    const href = el.tagName === 'A' ? el.getAttribute('href') : null;
    for (const attr of [...el.attributes]) if (!allowed.includes(attr.name)) el.removeAttribute(attr.name);
    if (el.tagName === 'IMG') {
      const id = COURSE_FILE_SRC.exec(src ?? '')?.[1];
      if (!id) {
        el.remove();
        continue;
      }
      // Loaded with the access token by RichTextView (a plain src would be refused without it).
      el.setAttribute('data-course-file', id);
      if (!el.hasAttribute('alt')) el.setAttribute('alt', '');
    }
    if (el.tagName === 'A') {
      if (href && SAFE_HREF.test(href)) {
        el.setAttribute('href', href);
        if (/^https?:/i.test(href)) {
          el.setAttribute('target', '_blank');
          el.setAttribute('rel', 'noopener noreferrer');
        }
      }
    }
  }
}

/** On the server (no DOMParser), the server entry's own versions of the two functions below (decision 0041). */
let onServer: { displayHtml(stored: string): string; richTextToPlain(stored: string): string } | null = null;

export function provideServerRichText(impl: NonNullable<typeof onServer>): void {
  onServer = impl;
}

/**
 * Stored rich text as HTML safe to put in the page. The server sanitised it when it was saved; this second pass is
 * defence in depth for text saved before the editor existed (question prompts were plain text then) and for old
 * version snapshots: the same allow-list, applied in an inert document (nothing in it runs or loads). Plain text
 * becomes paragraphs. Course pictures get `data-course-file` instead of `src`.
 */
export function displayHtml(stored: string): string {
  if (onServer) return onServer.displayHtml(stored);
  if (!stored) return '';
  const doc = new DOMParser().parseFromString(`<!doctype html><body>${richTextHtml(stored)}</body>`, 'text/html');
  clean(doc.body);
  return doc.body.innerHTML;
}

/** The text of rich text, on one line (catalog cards, tables, accessible names). */
export function richTextToPlain(stored: string): string {
  if (onServer) return onServer.richTextToPlain(stored);
  if (!stored) return '';
  const doc = new DOMParser().parseFromString(
    `<!doctype html><body>${spaceBlockEnds(richTextHtml(stored))}</body>`,
    'text/html',
  );
  return (doc.body.textContent ?? '').replace(/\s+/g, ' ').trim();
}
