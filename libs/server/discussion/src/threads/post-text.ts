import { ErrorCode } from '@kompeten/shared-contracts';
import { invalid } from '@kompeten/server-core';
import { plainText, sanitizeRichText } from '@kompeten/server-learning';

/**
 * A post's text as stored: the course content's sanitiser (learning's allow-list, the one the editor is built for),
 * minus pictures — a post has no files of its own, and a course file's address would show only to those who may open
 * it. Empty once sanitised is refused.
 */
export function postHtml(input: string): string {
  const html = sanitizeRichText(input)
    .replace(/<img\b[^>]*>/gi, '')
    .trim();
  if (!plainText(html).trim()) throw invalid(ErrorCode.DISCUSSION_EMPTY_POST, 'Teks tidak boleh kosong');
  return html;
}
