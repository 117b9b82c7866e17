import {
  TIME_ZONE_LABEL,
  type AgencyTimeZone,
  type CalendarEvent,
  type ClassDay,
  type ClassMode,
  type CompetencyKind,
  type MyClassStatus,
} from '@kompeten/shared-contracts';
import { parseCalendarDate } from '@kompeten/shared-util';
import type { Session } from '../registration/registration-rules';

/**
 * The calendar's pure parts (decision 0040): a window of local days, and a class expanded into one event per session.
 * A session belongs to the local date of its schedule day in the organising agency's zone (DOMAIN.md §1), so a month
 * view shows a WIT class on the day the people in Jayapura live it.
 */

const DAY_MS = 24 * 3600_000;

/** A window of local days [from, to], both inclusive. */
export interface DayRange {
  from: string;
  to: string;
}

/** The number of days from `from` to `to` inclusive, or null when a date is not a real date. */
export function daysIn(range: DayRange): number | null {
  const a = parseCalendarDate(range.from);
  const b = parseCalendarDate(range.to);
  if (!a || !b) return null;
  return Math.round((Date.UTC(b.y, b.m - 1, b.d) - Date.UTC(a.y, a.m - 1, a.d)) / DAY_MS) + 1;
}

/** Why a window is refused (in words), or null: real dates, `to` not before `from`, at most `maxDays` days. */
export function rangeProblem(range: DayRange, maxDays: number): string | null {
  const n = daysIn(range);
  if (n === null) return 'from dan to harus tanggal YYYY-MM-DD yang ada di kalender';
  if (n < 1) return 'to tidak boleh sebelum from';
  if (n > maxDays) return `rentang kalender maksimal ${maxDays} hari (diminta ${n})`;
  return null;
}

/** A day `n` days after (or before) a local date, as YYYY-MM-DD. */
export function addDays(date: string, n: number): string {
  const d = parseCalendarDate(date);
  if (!d) throw new Error(`not a date: ${date}`);
  return new Date(Date.UTC(d.y, d.m - 1, d.d) + n * DAY_MS).toISOString().slice(0, 10);
}

/** A class as the calendar reads it (calendar-views-store.ts), with the caller's facts already joined. */
export interface ClassForEvents {
  id: string;
  name: string;
  offeringTitle: string;
  agencyId: string;
  agencyName: string;
  timeZone: AgencyTimeZone;
  /** Sorted by date, as stored; `sessions[i]` is `schedule[i]` in UTC. */
  schedule: ClassDay[];
  sessions: Session[];
  mode: ClassMode;
  venue: string | null;
  meetingUrl: string | null;
  jenisDiklatId: number;
  competencyKind: CompetencyKind;
  jp: number;
  status: 'scheduled' | 'cancelled';
  seats: number | null;
  taken: number;
  registrationOpen: boolean;
  /** The caller is an ASN the class is open to (the organiser is their agency or one above it). */
  eligible: boolean;
  myStatus: MyClassStatus | null;
}

/**
 * One event per session of `c` whose local date lies in `range` (every session when `range` is null). "Open for me":
 * registration open now on a scheduled class, the caller eligible, and not holding a live registration.
 */
export function eventsOfClass(c: ClassForEvents, range: DayRange | null): CalendarEvent[] {
  const events: CalendarEvent[] = [];
  const days = [...c.schedule].sort((a, b) => a.date.localeCompare(b.date));
  const open = c.status === 'scheduled' && c.registrationOpen;
  const live = c.myStatus !== null && c.myStatus !== 'cancelled_by_organiser';
  days.forEach((day, i) => {
    const session = c.sessions[i];
    if (!session) return;
    if (range && (day.date < range.from || day.date > range.to)) return;
    events.push({
      id: `${c.id}:${i}`,
      classId: c.id,
      sessionIndex: i,
      sessionCount: days.length,
      title: `${c.offeringTitle} — ${c.name}`,
      className: c.name,
      offeringTitle: c.offeringTitle,
      date: day.date,
      start: day.start,
      end: day.end,
      timeZone: c.timeZone,
      zoneLabel: TIME_ZONE_LABEL[c.timeZone],
      startsAt: new Date(session[0]).toISOString(),
      endsAt: new Date(session[1]).toISOString(),
      mode: c.mode,
      venue: c.venue,
      meetingUrl: c.meetingUrl,
      agencyId: c.agencyId,
      agencyName: c.agencyName,
      jenisDiklatId: c.jenisDiklatId,
      competencyKind: c.competencyKind,
      jp: c.jp,
      classStatus: c.status,
      seatsLeft: c.seats === null ? null : Math.max(0, c.seats - c.taken),
      registrationOpen: open,
      openForMe: open && c.eligible && !live,
      myStatus: c.myStatus,
    });
  });
  return events;
}

/** Every class's events in the window, in time order, cut at `limit` (then `truncated`). */
export function eventsOf(
  classes: readonly ClassForEvents[],
  range: DayRange | null,
  limit: number,
): { events: CalendarEvent[]; truncated: boolean } {
  const all = classes
    .flatMap((c) => eventsOfClass(c, range))
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.id.localeCompare(b.id));
  return { events: all.slice(0, limit), truncated: all.length > limit };
}
