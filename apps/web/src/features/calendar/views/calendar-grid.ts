/**
 * The calendar's days, as plain YYYY-MM-DD strings computed in UTC arithmetic (no browser zone can shift a day): a
 * month grid of whole weeks from Monday, a week from Monday, and the label of a day of the week.
 */

const DAY = 24 * 3600_000;
const toDate = (s: string) => Date.UTC(Number(s.slice(0, 4)), Number(s.slice(5, 7)) - 1, Number(s.slice(8, 10)));
const fromMs = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export const addDays = (date: string, n: number) => fromMs(toDate(date) + n * DAY);

/** 0 = Monday … 6 = Sunday. */
export const weekdayOf = (date: string) => (new Date(toDate(date)).getUTCDay() + 6) % 7;

export const startOfWeek = (date: string) => addDays(date, -weekdayOf(date));

export const monthOf = (date: string) => date.slice(0, 7);

export function startOfMonth(date: string): string {
  return `${date.slice(0, 7)}-01`;
}

export function endOfMonth(date: string): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  return fromMs(Date.UTC(y, m, 0));
}

/** The days of a month view: whole weeks from the Monday on or before the 1st to the Sunday on or after the last day. */
export function monthGrid(date: string): string[] {
  const first = startOfWeek(startOfMonth(date));
  const last = addDays(startOfWeek(endOfMonth(date)), 6);
  const days: string[] = [];
  for (let d = first; d <= last; d = addDays(d, 1)) days.push(d);
  return days;
}

export function weekDays(date: string): string[] {
  const first = startOfWeek(date);
  return Array.from({ length: 7 }, (_, i) => addDays(first, i));
}

export function addMonths(date: string, n: number): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7)) - 1 + n;
  return fromMs(Date.UTC(y, m, 1));
}

/** Today's date on the device (the calendar's starting point; the events carry their own zones). */
export function todayLocal(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

/** Items grouped by a date key, in date order. */
export function byDate<T>(items: readonly T[], dateOf: (t: T) => string): Array<[string, T[]]> {
  const map = new Map<string, T[]>();
  for (const item of items) map.set(dateOf(item), [...(map.get(dateOf(item)) ?? []), item]);
  return [...map.entries()].sort(([a], [b]) => a.localeCompare(b));
}
