/**
 * Decision 0027 §17: the API reads the opened page asks for first, known from its URL alone. The web app's early script
 * (apps/web/build/route-preload.ts) sends them as soon as the session is restored, while the app's JavaScript is still
 * on its way, and the app takes their answers instead of asking again (apps/web/src/shared/api/early-reads.ts). They
 * are the reads of the pages' route prefetches, byte for byte (checked in the web app's early-reads.spec.ts against
 * the pages' own API calls); a URL the table does not know (a filtered catalog, another page) simply gets none.
 *
 * Also runs in the browser as part of the early script (turned into text with toString(), so it uses nothing from
 * outside its own body).
 */
export function earlyReadsFor(pathname: string, search: string): string[] {
  const segments = pathname.split('/').filter(Boolean);
  const isId = (s: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);
  const [first, second, third] = segments;
  // The catalog's first page without filters (its default; `?page=1` reads the same).
  if (segments.length === 1 && first === 'katalog' && (search === '' || search === '?' || search === '?page=1'))
    return ['/api/catalog?page=1&pageSize=12'];
  // A catalog course, with the learner's enrolments (to say "Lanjutkan" instead of "Daftar").
  if (segments.length === 2 && first === 'katalog' && isId(second))
    return [`/api/catalog/${second}`, '/api/me/enrolments?pageSize=100'];
  // A lesson in the player, with its enrolment.
  if (segments.length === 3 && first === 'belajar' && isId(second) && isId(third))
    return [`/api/enrolments/${second}`, `/api/enrolments/${second}/lessons/${third}`];
  return [];
}
