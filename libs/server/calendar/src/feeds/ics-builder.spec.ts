import ICAL from 'ical.js';
import ical from 'ical-generator';
import type { AgencyTimeZone, CalendarDueDate } from '@kompeten/shared-contracts';
import { sessionsOf } from '../registration/registration-rules';
import type { CalendarClass } from '../views/calendar-views-store';
import { buildIcs, uidHost } from './ics-builder';

const makeClass = (zone: AgencyTimeZone, o: Partial<CalendarClass> = {}): CalendarClass => {
  const schedule = [
    { date: '2027-02-10', start: '08:00', end: '12:00' },
    { date: '2027-02-11', start: '13:30', end: '16:00' },
  ];
  const s = sessionsOf(schedule, zone);
  if ('problem' in s) throw new Error(s.problem);
  return {
    id: '7e8f9a0b-1c2d-4e3f-8a4b-5c6d7e8f9a0b',
    name: 'Angkatan I',
    offeringTitle: 'Bimbingan Teknis Arsip',
    agencyId: 'a',
    agencyName: 'BPSDM NTB',
    timeZone: zone,
    schedule,
    sessions: s.sessions,
    mode: 'blended',
    venue: 'Aula BPSDM',
    meetingUrl: 'https://zoom.us/j/1',
    jenisDiklatId: 8,
    competencyKind: 'teknis',
    jp: 8,
    status: 'scheduled',
    seats: 30,
    taken: 3,
    registrationOpen: true,
    eligible: true,
    myStatus: null,
    sequence: 4,
    updatedAt: new Date('2027-01-05T03:00:00Z'),
    cancellationReason: null,
    ...o,
  };
};

const options = { name: 'Uji', description: 'Uji', publicUrl: 'https://kompeten.ntbprov.go.id', range: null };

/** Parses with ical.js (the standard parser), registering the feed's own VTIMEZONEs. */
function parse(text: string) {
  const root = new ICAL.Component(ICAL.parse(text));
  for (const tz of root.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  return {
    root,
    events: root.getAllSubcomponents('vevent').map((v) => {
      const e = new ICAL.Event(v);
      return {
        uid: e.uid,
        local: e.startDate.toString(),
        localEnd: e.endDate.toString(),
        tzid: v.getFirstProperty('dtstart')?.getParameter('tzid') ?? null,
        utc: e.startDate.toJSDate().toISOString(),
        utcEnd: e.endDate.toJSDate().toISOString(),
        sequence: e.sequence,
        status: v.getFirstPropertyValue('status'),
        location: e.location,
        url: v.getFirstPropertyValue('url'),
        summary: e.summary,
        allDay: e.startDate.isDate,
        lastModified: (v.getFirstPropertyValue('last-modified') as ICAL.Time | null)?.toJSDate().toISOString() ?? null,
      };
    }),
  };
}

describe('buildIcs', () => {
  it.each([
    ['Asia/Jakarta', 'WIB', '2027-02-10T01:00:00.000Z', '2027-02-11T06:30:00.000Z'],
    ['Asia/Makassar', 'WITA', '2027-02-10T00:00:00.000Z', '2027-02-11T05:30:00.000Z'],
    ['Asia/Jayapura', 'WIT', '2027-02-09T23:00:00.000Z', '2027-02-11T04:30:00.000Z'],
  ] as const)(
    '%s: DTSTART carries the TZID and the local wall time (%s), parsing to the right UTC',
    (zone, label, first, second) => {
      const text = buildIcs([makeClass(zone)], [], { ...options, includeMeetingUrl: true });
      const { root, events } = parse(text);
      expect(root.getAllSubcomponents('vtimezone').map((z) => z.getFirstPropertyValue('tzid'))).toEqual([zone]);
      expect(text).toContain(`TZNAME:${label}`);
      expect(events.map((e) => [e.uid, e.tzid, e.local, e.localEnd, e.utc])).toEqual([
        [
          '7e8f9a0b-1c2d-4e3f-8a4b-5c6d7e8f9a0b-0@kompeten.ntbprov.go.id',
          zone,
          '2027-02-10T08:00:00',
          '2027-02-10T12:00:00',
          first,
        ],
        [
          '7e8f9a0b-1c2d-4e3f-8a4b-5c6d7e8f9a0b-1@kompeten.ntbprov.go.id',
          zone,
          '2027-02-11T13:30:00',
          '2027-02-11T16:00:00',
          second,
        ],
      ]);
      expect(events[0]).toMatchObject({
        sequence: 4,
        status: 'CONFIRMED',
        location: 'Aula BPSDM',
        url: 'https://kompeten.ntbprov.go.id/kalender/kelas/7e8f9a0b-1c2d-4e3f-8a4b-5c6d7e8f9a0b',
        lastModified: '2027-01-05T03:00:00.000Z',
      });
    },
  );

  it('guards the trap it avoids: a plain Date with a TZID would be written as its UTC wall time', () => {
    const cal = ical({ timezone: { name: null, generator: () => null } });
    cal.createEvent({ start: new Date('2027-02-10T00:00:00Z'), timezone: 'Asia/Makassar', summary: 'x' });
    expect(cal.toString()).toContain('DTSTART;TZID=Asia/Makassar:20270210T000000');
    const ours = buildIcs([makeClass('Asia/Makassar')], [], { ...options, includeMeetingUrl: true });
    expect(ours).toContain('DTSTART;TZID=Asia/Makassar:20270210T080000');
  });

  it('marks a cancelled class CANCELLED, and a waitlisted or pending seat TENTATIVE', () => {
    const cancelled = parse(
      buildIcs(
        [makeClass('Asia/Makassar', { status: 'cancelled', cancellationReason: 'Narasumber berhalangan' })],
        [],
        {
          ...options,
          includeMeetingUrl: false,
        },
      ),
    ).events;
    expect(cancelled.map((e) => e.status)).toEqual(['CANCELLED', 'CANCELLED']);
    expect(cancelled[0].summary).toMatch(/^DIBATALKAN: /);
    const waiting = parse(
      buildIcs([makeClass('Asia/Makassar', { myStatus: 'waitlisted' })], [], { ...options, includeMeetingUrl: true }),
    ).events;
    expect(waiting.map((e) => e.status)).toEqual(['TENTATIVE', 'TENTATIVE']);
  });

  it('keeps the meeting link out of the public feed', () => {
    const online = makeClass('Asia/Jakarta', { mode: 'online', venue: null });
    const pub = buildIcs([online], [], { ...options, includeMeetingUrl: false });
    expect(pub).not.toContain('zoom.us');
    expect(parse(pub).events[0].location).toBe('Daring');
    const priv = parse(buildIcs([online], [], { ...options, includeMeetingUrl: true }));
    expect(priv.events[0].location).toBe('https://zoom.us/j/1');
  });

  it('writes only the sessions of the window when one is given', () => {
    const text = buildIcs([makeClass('Asia/Jakarta')], [], {
      ...options,
      includeMeetingUrl: true,
      range: { from: '2027-02-11', to: '2027-02-28' },
    });
    expect(parse(text).events.map((e) => e.uid)).toEqual([
      '7e8f9a0b-1c2d-4e3f-8a4b-5c6d7e8f9a0b-1@kompeten.ntbprov.go.id',
    ]);
  });

  it('writes a due date as an all-day event on its local day', () => {
    const due: CalendarDueDate = {
      enrolmentId: 'e1',
      courseId: 'c1',
      courseTitle: 'BerAKHLAK',
      dueAt: '2027-02-28T14:59:59.000Z',
      dueDate: '2027-02-28',
      timeZone: 'Asia/Jayapura',
      zoneLabel: 'WIT',
      overdue: false,
      mandatory: true,
    };
    const { events } = parse(buildIcs([], [due], { ...options, includeMeetingUrl: true }));
    expect(events).toEqual([
      expect.objectContaining({
        uid: 'due-e1@kompeten.ntbprov.go.id',
        allDay: true,
        local: '2027-02-28',
        localEnd: '2027-03-01',
      }),
    ]);
  });

  it('names the UID host after the public address', () => {
    expect(uidHost('http://localhost:3000')).toBe('localhost:3000');
    expect(uidHost('not a url')).toBe('kompeten');
  });
});
