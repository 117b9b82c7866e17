/**
 * Authors often number their modules themselves ("Modul 1: Nilai Dasar", "Bab 2 – Etika", "1. Pengantar"). Such a
 * title is shown as written; only a title without a number gets the position in front ("Modul 3: Penutup"), so the
 * outline never reads "Modul 1: Modul 1: …" (issue 15).
 */
const NUMBERED =
  /^\s*(?:(?:modul|module|bab|bagian|sesi|session|unit|pertemuan|topik|topic|chapter|part|materi|pokok bahasan)\s*[-–.:]?\s*(?:\d+|[ivxlc]+)\b|\d+\s*[.):–-])/i;

export function isNumberedTitle(title: string): boolean {
  return NUMBERED.test(title);
}

/** The heading of the module at 1-based position `n`: `prefix` is "Modul 3" in the reader's language. */
export function moduleHeading(title: string, prefix: string): string {
  return isNumberedTitle(title) ? title : `${prefix}: ${title}`;
}
