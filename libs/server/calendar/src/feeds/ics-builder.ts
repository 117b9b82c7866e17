import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import ical, { ICalCalendarMethod, ICalEventStatus, ICalEventTransparency } from 'ical-generator';
import type { CalendarDueDate, ClassMode } from '@kompeten/shared-contracts';
import { TIME_ZONE_LABEL } from '@kompeten/shared-contracts';
import { eventsOfClass, type DayRange } from '../views/calendar-events';
import type { CalendarClass } from '../views/calendar-views-store';

dayjs.extend(utc);
dayjs.extend(timezone);

/**
 * iCalendar feeds (decision 0040), built with ical-generator, never by joining strings: one VEVENT per class session
 * with a stable UID (class id + session index @ host), SEQUENCE and LAST-MODIFIED from the class, DTSTART/DTEND in the
 * organising agency's zone with its VTIMEZONE (from @touch4it/ical-timezones), and STATUS:CANCELLED for a cancelled
 * class. Course due dates are all-day events on their local day.
 *
 * With a TZID, ical-generator writes a plain Date's UTC fields as the wall time; a dayjs object carrying its zone is
 * written as that zone's wall time, which is what DTSTART;TZID=… must say. ics-builder.spec.ts proves the difference.
 */

export interface FeedOptions {
  name: string;
  description: string;
  /** The public address of the web app (links and the UID's host). */
  publicUrl: string;
  /** Private feeds show the meeting link; the public agency feed does not (decision 0040). */
  includeMeetingUrl: boolean;
  /** Local days to include (null: every session). */
  range: DayRange | null;
}

const MODE_WORDS: Record<ClassMode, string> = {
  classroom: 'Klasikal (tatap muka)',
  online: 'Daring',
  blended: 'Blended (tatap muka dan daring)',
};

const STATUS_WORDS: Record<string, string> = {
  confirmed: 'Terdaftar (terkonfirmasi)',
  pending_approval: 'Menunggu persetujuan atasan',
  waitlisted: 'Dalam daftar tunggu',
  cancelled_by_organiser: 'Kelas dibatalkan penyelenggara',
};

/** The host named in UIDs: the public address's host, so UIDs stay the same for every subscriber. */
export const uidHost = (publicUrl: string): string => {
  try {
    return new URL(publicUrl).host || 'kompeten';
  } catch {
    return 'kompeten';
  }
};

/** The feed of `classes` (and `dueDates`) as iCalendar text. */
export function buildIcs(classes: readonly CalendarClass[], dueDates: readonly CalendarDueDate[], o: FeedOptions) {
  const host = uidHost(o.publicUrl);
  const cal = ical({
    name: o.name,
    description: o.description,
    prodId: { company: 'Kompeten', product: 'Kalender Pelatihan', language: 'ID' },
    method: ICalCalendarMethod.PUBLISH,
    // Every event names its own zone; the generator adds each zone's VTIMEZONE once.
    timezone: { name: null, generator: getVtimezoneComponent },
    ttl: 3600,
  });
  for (const c of classes) {
    const cancelled = c.status === 'cancelled' || c.myStatus === 'cancelled_by_organiser';
    for (const e of eventsOfClass(c, o.range)) {
      const location =
        e.mode === 'online'
          ? o.includeMeetingUrl && e.meetingUrl
            ? e.meetingUrl
            : 'Daring'
          : (e.venue ?? (o.includeMeetingUrl ? e.meetingUrl : null));
      const lines = [
        e.title,
        `Hari ${e.sessionIndex + 1} dari ${e.sessionCount}: ${e.date}, ${e.start}–${e.end} ${e.zoneLabel}`,
        `Penyelenggara: ${e.agencyName}`,
        `Moda: ${MODE_WORDS[e.mode]}`,
        `JP: ${e.jp}`,
        ...(e.venue ? [`Tempat: ${e.venue}`] : []),
        ...(o.includeMeetingUrl && e.meetingUrl ? [`Tautan pertemuan: ${e.meetingUrl}`] : []),
        ...(e.myStatus ? [`Status saya: ${STATUS_WORDS[e.myStatus]}`] : []),
        ...(c.status === 'cancelled' ? [`DIBATALKAN${c.cancellationReason ? `: ${c.cancellationReason}` : ''}`] : []),
      ];
      cal.createEvent({
        id: `${c.id}-${e.sessionIndex}@${host}`,
        sequence: c.sequence,
        stamp: c.updatedAt,
        lastModified: c.updatedAt,
        start: dayjs(e.startsAt).tz(c.timeZone),
        end: dayjs(e.endsAt).tz(c.timeZone),
        timezone: c.timeZone,
        summary: cancelled ? `DIBATALKAN: ${e.title}` : e.title,
        description: lines.join('\n'),
        location,
        url: `${o.publicUrl}/kalender/kelas/${c.id}`,
        status: cancelled
          ? ICalEventStatus.CANCELLED
          : e.myStatus === 'pending_approval' || e.myStatus === 'waitlisted'
            ? ICalEventStatus.TENTATIVE
            : ICalEventStatus.CONFIRMED,
        transparency: cancelled ? ICalEventTransparency.TRANSPARENT : ICalEventTransparency.OPAQUE,
      });
    }
  }
  for (const d of dueDates) {
    cal.createEvent({
      id: `due-${d.enrolmentId}@${host}`,
      allDay: true,
      // An all-day event is a floating date: the local due day, whatever the subscriber's zone.
      start: dayjs.tz(`${d.dueDate}T00:00:00`, d.timeZone),
      end: dayjs.tz(`${d.dueDate}T00:00:00`, d.timeZone).add(1, 'day'),
      timezone: d.timeZone,
      stamp: new Date(d.dueAt),
      summary: `Batas waktu: ${d.courseTitle}`,
      description: `Selesaikan pelatihan "${d.courseTitle}" paling lambat ${d.dueDate} pukul 23.59 ${TIME_ZONE_LABEL[d.timeZone]}.`,
      url: `${o.publicUrl}/belajar/${d.enrolmentId}`,
      transparency: ICalEventTransparency.TRANSPARENT,
    });
  }
  return cal.toString();
}
