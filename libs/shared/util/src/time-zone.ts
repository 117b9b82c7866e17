import { TIME_ZONE_LABEL, type AgencyTimeZone } from '@kompeten/shared-contracts';

/**
 * Dates and times in an agency's zone (DOMAIN.md §1: store UTC, show the agency's local time; a date without a time
 * means that whole local day). WIB, WITA and WIT are fixed offsets (UTC+7, +8, +9) without daylight saving, so every
 * conversion here is arithmetic: the same answer on the server, in the browser and in any ICU build.
 */
export const TIME_ZONE_OFFSET_MINUTES: Record<AgencyTimeZone, number> = {
  'Asia/Jakarta': 420,
  'Asia/Makassar': 480,
  'Asia/Jayapura': 540,
};

const MINUTE = 60_000;
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** "+07:00", "+08:00" or "+09:00". */
export function offsetText(zone: AgencyTimeZone): string {
  const minutes = TIME_ZONE_OFFSET_MINUTES[zone];
  return `+${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

export interface CalendarDate {
  y: number;
  m: number;
  d: number;
}

function isRealDate(y: number, m: number, d: number): boolean {
  const at = new Date(Date.UTC(y, m - 1, d));
  return y >= 1 && at.getUTCFullYear() === y && at.getUTCMonth() === m - 1 && at.getUTCDate() === d;
}

/** A calendar date written `YYYY-MM-DD` that exists (2026-02-30 does not); null otherwise. */
export function parseCalendarDate(value: string): CalendarDate | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return isRealDate(y, m, d) ? { y, m, d } : null;
}

/** The instant at which the wall clock of `zone` shows the given local date and time. */
export function instantOfLocal(
  date: CalendarDate,
  time: { h: number; min: number; s?: number },
  zone: AgencyTimeZone,
): Date {
  return new Date(
    Date.UTC(date.y, date.m - 1, date.d, time.h, time.min, time.s ?? 0) - TIME_ZONE_OFFSET_MINUTES[zone] * MINUTE,
  );
}

/** The last second of a local day: a due date of 31 December set in WITA ends at 2026-12-31T23:59:59+08:00. Null for a date that does not exist. */
export function endOfLocalDay(date: string, zone: AgencyTimeZone): Date | null {
  const parsed = parseCalendarDate(date);
  return parsed ? instantOfLocal(parsed, { h: 23, min: 59, s: 59 }, zone) : null;
}

/** The wall-clock fields of an instant in a zone. */
function wallClock(instant: Date | string, zone: AgencyTimeZone) {
  const at = new Date(new Date(instant).getTime() + TIME_ZONE_OFFSET_MINUTES[zone] * MINUTE);
  return {
    y: at.getUTCFullYear(),
    m: at.getUTCMonth() + 1,
    d: at.getUTCDate(),
    h: at.getUTCHours(),
    min: at.getUTCMinutes(),
    s: at.getUTCSeconds(),
  };
}

/** The local calendar date (`YYYY-MM-DD`) of an instant in a zone. */
export function localDateOf(instant: Date | string, zone: AgencyTimeZone): string {
  const w = wallClock(instant, zone);
  return `${pad(w.y, 4)}-${pad(w.m)}-${pad(w.d)}`;
}

/** `YYYY-MM-DD HH:mm` in the zone (for spreadsheets, whose column header names the zone). */
export function localDateTimeOf(instant: Date | string, zone: AgencyTimeZone): string {
  const w = wallClock(instant, zone);
  return `${localDateOf(instant, zone)} ${pad(w.h)}:${pad(w.min)}`;
}

/** ISO 8601 with the zone's own offset, to the second: `2026-12-31T23:59:59+08:00`. */
export function isoInZone(instant: Date | string, zone: AgencyTimeZone): string {
  const w = wallClock(instant, zone);
  return `${localDateOf(instant, zone)}T${pad(w.h)}:${pad(w.min)}:${pad(w.s)}${offsetText(zone)}`;
}

const MONTHS: Record<'id' | 'en', readonly string[]> = {
  id: ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'],
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
};

/**
 * An instant as a person reads it, in a zone and named by its label: "31 Des 2026 23.59 WITA" (Indonesian writes the
 * time with a dot) or "31 Dec 2026 23:59 WITA".
 */
export function formatInZone(instant: Date | string, zone: AgencyTimeZone, lang: 'id' | 'en' = 'id'): string {
  const w = wallClock(instant, zone);
  const sep = lang === 'id' ? '.' : ':';
  return `${w.d} ${MONTHS[lang][w.m - 1]} ${w.y} ${pad(w.h)}${sep}${pad(w.min)} ${TIME_ZONE_LABEL[zone]}`;
}

export type DateTimeInput = { ok: true; instant: Date } | { ok: false; problem: 'no_offset' | 'date_only' | 'invalid' };

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * Reads an ISO 8601 date-time that names its offset (`Z`, `+08:00`, `+0800`). A date-time without one is refused
 * (`no_offset`): which zone it means cannot be known, and reading it as UTC or as the server's zone would move it by
 * hours. A bare date is `date_only`; anything else, or a date or time that does not exist, is `invalid`.
 */
export function parseDateTimeWithOffset(value: unknown): DateTimeInput {
  if (typeof value !== 'string') return { ok: false, problem: 'invalid' };
  if (/^\d{4}-\d{2}-\d{2}$/.test(value))
    return { ok: false, problem: parseCalendarDate(value) ? 'date_only' : 'invalid' };
  const match = DATE_TIME.exec(value);
  if (!match) return { ok: false, problem: 'invalid' };
  const [y, mo, d, h, mi, s] = match.slice(1, 7).map((v) => Number(v ?? 0));
  if (!isRealDate(y, mo, d) || h > 23 || mi > 59 || s > 59) return { ok: false, problem: 'invalid' };
  const offset = match[8];
  if (!offset) return { ok: false, problem: 'no_offset' };
  let offsetMinutes = 0;
  if (offset !== 'Z') {
    const digits = offset.replace(':', '');
    const oh = Number(digits.slice(1, 3));
    const om = Number(digits.slice(3, 5));
    if (oh > 14 || om > 59) return { ok: false, problem: 'invalid' };
    offsetMinutes = (offset[0] === '-' ? -1 : 1) * (oh * 60 + om);
  }
  const fraction = match[7] ? Math.floor(Number(`0${match[7]}`) * 1000) : 0;
  return { ok: true, instant: new Date(Date.UTC(y, mo - 1, d, h, mi, s, fraction) - offsetMinutes * MINUTE) };
}
