import sanitizeHtml from 'sanitize-html';
import { DomUtils, parseDocument } from 'htmlparser2';
import {
  COURSE_FILE_SRC,
  RICH_TEXT_ATTRIBUTES,
  RICH_TEXT_TAGS,
  richTextHtml,
  spaceBlockEnds,
} from '@kompeten/shared-util';

// Decision 0041: the server has no DOMParser, so a page rendered there shows rich text through these, which follow the
// browser's functions in shared/rich-text/display.ts (the same allow-list and rewrites, with the parser the API already
// sanitises with). Only the server entry imports this file; the browser bundle never carries it.

const SAFE_HREF = /^(https?:|mailto:)/i;

const OPTIONS: sanitizeHtml.IOptions = {
  // The API's list, and the older bold and italic tags the browser's display keeps too.
  allowedTags: [...RICH_TEXT_TAGS, 'b', 'i'],
  allowedAttributes: {
    ...RICH_TEXT_ATTRIBUTES,
    a: [...RICH_TEXT_ATTRIBUTES.a, 'target', 'rel'],
    img: [...RICH_TEXT_ATTRIBUTES.img, 'data-course-file'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowProtocolRelative: false,
  // An element off the list is unwrapped (its text kept); script, style and the like go with their content.
  disallowedTagsMode: 'discard',
  transformTags: {
    a: (tagName, attribs) => {
      const href = attribs.href;
      const kept: Record<string, string> = {};
      if (href && SAFE_HREF.test(href)) {
        kept.href = href;
        if (/^https?:/i.test(href)) Object.assign(kept, { target: '_blank', rel: 'noopener noreferrer' });
      }
      return { tagName, attribs: kept };
    },
    // Loaded with the access token by RichTextView, as in the browser: the id instead of a src.
    img: (tagName, attribs) => {
      const id = COURSE_FILE_SRC.exec(attribs.src ?? '')?.[1];
      const kept: Record<string, string> = { alt: attribs.alt ?? '' };
      if (attribs.title !== undefined) kept.title = attribs.title;
      if (id) kept['data-course-file'] = id;
      return { tagName, attribs: kept };
    },
  },
  exclusiveFilter: (frame) => frame.tag === 'img' && !frame.attribs['data-course-file'],
};

/** `displayHtml` on the server: stored rich text as HTML safe to put in the page. */
export function displayHtmlOnServer(stored: string): string {
  if (!stored) return '';
  return sanitizeHtml(richTextHtml(stored), OPTIONS);
}

/** `richTextToPlain` on the server: the text of rich text, on one line — the same text the browser's DOM gives. */
export function richTextToPlainOnServer(stored: string): string {
  if (!stored) return '';
  return DomUtils.textContent(parseDocument(spaceBlockEnds(richTextHtml(stored))))
    .replace(/\s+/g, ' ')
    .trim();
}
