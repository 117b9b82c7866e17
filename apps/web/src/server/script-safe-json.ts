/**
 * JSON that can sit inside a `<script type="application/json">` element (decision 0041): no `<` (so neither `</script>`
 * nor `<!--`), and the two line separators escaped; `JSON.parse` of the element's text gives the value back.
 */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
