import type { EarlyRefreshAnswer } from './early-refresh';

/**
 * Decision 0027 §17: the opened page's first API reads, sent by the early script once its session refresh answered
 * (early-refresh.ts), so a phone fetches the page's data while it is still downloading the app instead of after it has
 * run. Which reads: `earlyReadsFor` below. The app's request() takes an answer once, for the same URL in the same
 * language, within a short while; anything else it asks for itself as before.
 */

/** The window property holding the early reads (URL → read). */
export const EARLY_READS_KEY = '__kompetenEarlyReads';
/** How long an early answer may be used by the app (a page that started this long ago asks again). */
export const EARLY_READ_MAX_AGE_MS = 15_000;

/**
 * The API reads the opened page asks for first, known from its URL alone: the reads of the pages' route prefetches,
 * byte for byte (checked in early-reads.spec.ts against the pages' own API calls). A URL the table does not know (a
 * filtered catalog, another page) gets none. Runs in the browser as part of the early script (turned into text with
 * toString(), so it uses nothing from outside its own body).
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

export interface EarlyRead {
  /** `<html lang>` when it was sent (the API answers in that language). */
  lang: string;
  /** Date.now() when it was sent. */
  at: number;
  /** The answer, or null when none came (or no session was restored). */
  answer: Promise<Response | null>;
}

/**
 * Runs in the browser as part of the emitted early script: turned into text with toString(), so it uses nothing from
 * outside its own body. When the early refresh (`refresh`) answers with an access token, sends each path's GET with it.
 */
export function startEarlyReads(
  win: Window,
  key: string,
  refresh: Promise<EarlyRefreshAnswer> | null | undefined,
  paths: string[],
): void {
  if (!refresh || !paths.length) return;
  const lang = win.document.documentElement.lang;
  const token = refresh.then(
    (answer) => {
      const body =
        answer && answer.status >= 200 && answer.status < 300 ? (answer.body as { accessToken?: unknown }) : null;
      return body && typeof body.accessToken === 'string' ? body.accessToken : null;
    },
    () => null,
  );
  const reads: Record<string, EarlyRead> = {};
  for (const path of paths) {
    reads[path] = {
      lang,
      at: Date.now(),
      answer: token.then((t) =>
        t
          ? win
              .fetch(path, {
                headers: { Accept: 'application/json', Authorization: `Bearer ${t}`, 'Accept-Language': lang },
                credentials: 'same-origin',
              })
              .catch(() => null)
          : null,
      ),
    };
  }
  (win as unknown as Record<string, unknown>)[key] = reads;
}

/**
 * The early script's read of `url` (as request() builds it), once: null when there is none, it was sent in another
 * language, or it is older than EARLY_READ_MAX_AGE_MS. The caller uses the answer only when it is a 2xx.
 */
export function takeEarlyRead(url: string, lang: string, now = Date.now()): Promise<Response | null> | null {
  if (typeof window === 'undefined') return null;
  const reads = (window as unknown as Record<string, Record<string, EarlyRead> | undefined>)[EARLY_READS_KEY];
  const read = reads?.[url];
  if (!reads || !read) return null;
  delete reads[url];
  if (read.lang !== lang || now - read.at > EARLY_READ_MAX_AGE_MS) return null;
  return read.answer;
}
