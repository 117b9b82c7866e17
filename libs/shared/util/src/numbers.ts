/**
 * A number from a number or a text written the Indonesian way (docs/learning.md, "Numbers"; DOMAIN: Indonesian writes 1.500,5); null when it is not one.
 * A comma is the decimal separator ("3,5", "1,500" = 1.5). A dot followed by exactly three digits, in groups after a
 * first group of 1–3 digits not starting with 0, separates thousands ("1.500" = 1500, "1.000.000", "1.500,5" = 1500.5);
 * any other single dot is a decimal point ("3.5", "0.125"). Anything else ("1,500.5", "1.50.0", "3,5 kg") is not a number.
 */
export function parseIndonesianNumber(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v !== 'string') return null;
  const t = v.trim().replace(/\s/g, '');
  const m = /^([+-]?)(.*)$/.exec(t) as RegExpExecArray;
  const sign = m[1] === '-' ? -1 : 1;
  const body = m[2];
  let plain: string | null = null;
  if (/^[1-9]\d{0,2}(\.\d{3})+(,\d+)?$/.test(body)) plain = body.replace(/\./g, '').replace(',', '.');
  else if (/^(\d+(,\d*)?|,\d+)$/.test(body)) plain = body.replace(',', '.');
  else if (/^(\d+(\.\d*)?|\.\d+)$/.test(body)) plain = body;
  if (plain === null) return null;
  const n = sign * Number(plain);
  return Number.isFinite(n) ? n : null;
}
