/**
 * Characters that make a spreadsheet read a cell as a formula (OWASP "CSV injection"): `=`, `+`, `-`, `@`,
 * and tab or carriage return, which some spreadsheets skip before looking for one of the others.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell that a spreadsheet shows as text and never runs: one starting with a formula character gets a
 * leading apostrophe (`=HYPERLINK(…)` → `'=HYPERLINK(…)`). Other text is returned unchanged. Numbers are not
 * text and are never passed here, so a negative number stays a number.
 */
export function neutraliseCsvCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}
