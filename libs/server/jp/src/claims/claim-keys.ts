/**
 * The keys duplicates are found by (decision 0022): text as a person would compare it — case, accents written as
 * separate marks, punctuation and spacing do not make two claims different.
 */
const words = (s: string) =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** "800/123/LAN/2026", "800 / 123 / lan / 2026" and "800-123-LAN-2026" are one certificate. */
export function certificateKey(certificateNumber: string | null | undefined): string | null {
  const key = certificateNumber ? words(certificateNumber).replace(/ /g, '') : '';
  return key || null;
}

/** The same organiser, title and dates are one activity. */
export function activityKey(organiser: string, title: string, startDate: string, endDate: string): string {
  return [words(organiser), words(title), startDate, endDate].join('|');
}
