/**
 * What a paste from Microsoft Word (or Outlook, or a page saved from Word) carries besides the text, removed before
 * the editor reads it (TipTap's `transformPastedHTML`). TipTap's schema then drops whatever else it does not know,
 * and the server sanitises what is saved (libs/server/learning/src/authoring/rich-text.ts): this is a cleaner, not a
 * security boundary. Pure string work, so it is unit-tested without a browser.
 *
 * - Word's document furniture: comments and conditional comments (`<!--[if gte mso 9]>…`), `<xml>`, `<style>`,
 *   `<meta>`, `<link>`, `<title>`, Office-namespaced tags (`<o:p>`, `<w:…>`, `<v:…>`, `<m:…>`), pictures that point at
 *   the author's own disk (`file:///C:/…`, which no one else can open).
 * - `mso-*` style declarations and `Mso*` classes (other declarations stay: TipTap reads bold and italic from them),
 *   `lang` attributes, and spans left with no attribute or no content.
 * - Word's lists, which it pastes as paragraphs with a typed bullet or number (`mso-list: l0 level1`), become real
 *   `<ul>`/`<ol>` lists (nested levels are flattened into one list).
 */
export function cleanPastedHtml(html: string): string {
  if (!/mso-|Mso|urn:schemas-microsoft-com|<o:p|<w:|<v:|<!--\[if/i.test(html)) return html;
  let out = html
    .replace(/<!--\[if[\s\S]*?<!\[endif\]-->/gi, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(xml|style|script|title|head)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<\/?(?:meta|link|html|body)\b[^>]*>/gi, '');
  out = wordLists(out);
  out = out
    .replace(/<!\[if[^>]*\]>[\s\S]*?<!\[endif\]>/gi, '')
    .replace(/<!\[(?:if|endif)[^>]*\]>/gi, '')
    .replace(/<\/?[a-z]+:[a-z][\w-]*\b[^>]*>/gi, '')
    .replace(/<img\b[^>]*\bsrc\s*=\s*("file:[^"]*"|'file:[^']*'|file:[^\s>]*)[^>]*>/gi, '');
  out = out.replace(/<([a-z][a-z0-9]*)\b([^>]*?)(\/?)>/gi, (_m, tag: string, attrs: string, selfClose: string) => {
    return `<${tag}${cleanAttributes(attrs)}${selfClose ? ' /' : ''}>`;
  });
  out = unwrapBareSpans(out);
  // Spans emptied by the above (Word wraps spaces and bookmarks in them); repeated for nesting.
  for (let i = 0; i < 5 && /<span\b[^>]*>\s*<\/span>/i.test(out); i++)
    out = out.replace(/<span\b[^>]*>(\s*)<\/span>/gi, '$1');
  return out.trim();
}

const ATTRIBUTE = /\s([a-z_:][\w:.-]*)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+))?/gi;

/** An opening tag's attributes without Word's: no `Mso*` class, no `mso-*` declarations, no `lang`. */
function cleanAttributes(attrs: string): string {
  let out = '';
  for (const m of attrs.matchAll(ATTRIBUTE)) {
    const name = m[1].toLowerCase();
    const raw = m[2] ?? '';
    const value = raw.replace(/^["']|["']$/g, '');
    if (name === 'lang' || name.includes(':')) continue;
    if (name === 'class') {
      const kept = value.split(/\s+/).filter((c) => c && !/^mso/i.test(c));
      if (kept.length) out += ` class="${kept.join(' ')}"`;
      continue;
    }
    if (name === 'style') {
      const kept = value
        .split(';')
        .map((d) => d.trim())
        .filter((d) => d && !/^mso-/i.test(d) && !/^tab-stops\s*:/i.test(d));
      if (kept.length) out += ` style="${kept.join('; ').replace(/"/g, "'")}"`;
      continue;
    }
    out += raw ? ` ${m[1]}=${raw.startsWith('"') || raw.startsWith("'") ? raw : `"${raw}"`}` : ` ${m[1]}`;
  }
  return out;
}

/** Unwraps `<span>` elements that have no attribute left (their closing tags matched by nesting). */
function unwrapBareSpans(html: string): string {
  const kept: boolean[] = [];
  return html.replace(/<span\b([^>]*)>|<\/span\s*>/gi, (tag, attrs: string | undefined) => {
    if (tag.startsWith('</')) return kept.pop() === false ? '' : tag;
    const keep = !!attrs && attrs.trim() !== '';
    kept.push(keep);
    return keep ? tag : '';
  });
}

const LIST_PARAGRAPH = /<p\b([^>]*mso-list\s*:\s*l(\d+)[^>]*)>([\s\S]*?)<\/p>/gi;

/** Word's list paragraphs (`mso-list: l0 level1 lfo1` and a typed marker) as `<ul>`/`<ol>` lists. */
function wordLists(html: string): string {
  type Item = { start: number; end: number; list: string; ordered: boolean; body: string };
  const items: Item[] = [];
  for (const m of html.matchAll(LIST_PARAGRAPH)) {
    const marker = listMarker(m[3]);
    items.push({
      start: m.index ?? 0,
      end: (m.index ?? 0) + m[0].length,
      list: m[2],
      ordered: /^[(]?([0-9]+|[a-z]|[ivxlc]+)[.)]$/i.test(marker),
      body: withoutMarker(m[3]),
    });
  }
  if (!items.length) return html;
  let out = '';
  let at = 0;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    const previous = items[i - 1];
    const continues =
      previous &&
      previous.list === item.list &&
      previous.ordered === item.ordered &&
      html.slice(previous.end, item.start).trim() === '';
    if (!continues) {
      out += html.slice(at, item.start);
      out += item.ordered ? '<ol>' : '<ul>';
    }
    out += `<li><p>${item.body.trim()}</p></li>`;
    const next = items[i + 1];
    const nextContinues =
      next &&
      next.list === item.list &&
      next.ordered === item.ordered &&
      html.slice(item.end, next.start).trim() === '';
    if (!nextContinues) out += item.ordered ? '</ol>' : '</ul>';
    at = item.end;
  }
  return out + html.slice(at);
}

/** The bullet or number Word typed before a list item's text (`·`, `o`, `§`, `1.`, `a)`). */
function listMarker(body: string): string {
  const flagged = /<!\[if !supportLists\]>([\s\S]*?)<!\[endif\]>/i.exec(body)?.[1] ?? ignoredSpan(body) ?? '';
  return flagged
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;|\u00a0/g, ' ')
    .trim();
}

function ignoredSpan(body: string): string | null {
  return (
    /<span\b[^>]*mso-list\s*:\s*Ignore[^>]*>((?:[^<]|<span\b[^>]*>[^<]*<\/span>)*)<\/span>/i.exec(body)?.[1] ?? null
  );
}

function withoutMarker(body: string): string {
  return body
    .replace(/<!\[if !supportLists\]>[\s\S]*?<!\[endif\]>/gi, '')
    .replace(/<span\b[^>]*mso-list\s*:\s*Ignore[^>]*>(?:[^<]|<span\b[^>]*>[^<]*<\/span>)*<\/span>/gi, '');
}
