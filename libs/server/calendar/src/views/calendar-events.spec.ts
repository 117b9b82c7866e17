import { sessionsOf } from '../registration/registration-rules';
import { addDays, daysIn, eventsOf, eventsOfClass, rangeProblem, type ClassForEvents } from './calendar-events';

const cls = (o: Partial<ClassForEvents> = {}): ClassForEvents => {
  const schedule = o.schedule ?? [
    { date: '2027-03-01', start: '08:00', end: '12:00' },
    { date: '2027-03-02', start: '08:00', end: '12:00' },
    { date: '2027-03-03', start: '13:00', end: '15:00' },
  ];
  const s = sessionsOf(schedule, o.timeZone ?? 'Asia/Jayapura');
  if ('problem' in s) throw new Error(s.problem);
  return {
    id: 'c1',
    name: 'Angkatan I',
    offeringTitle: 'Latsar',
    agencyId: 'a1',
    agencyName: 'Kab. Jayapura',
    timeZone: 'Asia/Jayapura',
    sessions: s.sessions,
    mode: 'classroom',
    venue: 'Aula',
    meetingUrl: null,
    jenisDiklatId: 3,
    competencyKind: 'teknis',
    jp: 24,
    status: 'scheduled',
    seats: 10,
    taken: 10,
    registrationOpen: true,
    eligible: true,
    myStatus: null,
    ...o,
    schedule,
  };
};

describe('calendar windows', () => {
  it('counts days inclusively and refuses bad, reversed or long windows', () => {
    expect(daysIn({ from: '2027-02-01', to: '2027-02-28' })).toBe(28);
    expect(daysIn({ from: '2027-12-31', to: '2028-01-01' })).toBe(2);
    expect(rangeProblem({ from: '2027-01-01', to: '2027-03-03' }, 62)).toBeNull();
    expect(rangeProblem({ from: '2027-01-01', to: '2027-03-04' }, 62)).toMatch(/maksimal 62 hari/);
    expect(rangeProblem({ from: '2027-01-02', to: '2027-01-01' }, 62)).toMatch(/sebelum/);
    expect(rangeProblem({ from: '2027-02-30', to: '2027-03-01' }, 62)).toMatch(/YYYY-MM-DD/);
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
  });
});

describe('eventsOfClass', () => {
  it('gives one event per schedule day on its local date, with local times, zone label and UTC instants', () => {
    const events = eventsOfClass(cls(), null);
    expect(events.map((e) => [e.id, e.date, e.start, e.end, e.zoneLabel, e.startsAt])).toEqual([
      ['c1:0', '2027-03-01', '08:00', '12:00', 'WIT', '2027-02-28T23:00:00.000Z'],
      ['c1:1', '2027-03-02', '08:00', '12:00', 'WIT', '2027-03-01T23:00:00.000Z'],
      ['c1:2', '2027-03-03', '13:00', '15:00', 'WIT', '2027-03-03T04:00:00.000Z'],
    ]);
    expect(events[0]).toMatchObject({ sessionCount: 3, seatsLeft: 0, title: 'Latsar — Angkatan I' });
  });

  it('keeps to the window by local date, not by UTC date', () => {
    // 08:00 WIT on 1 March is still 28 February in UTC; it belongs to 1 March.
    expect(eventsOfClass(cls(), { from: '2027-03-01', to: '2027-03-01' }).map((e) => e.id)).toEqual(['c1:0']);
    expect(eventsOfClass(cls(), { from: '2027-02-01', to: '2027-02-28' })).toEqual([]);
  });

  it('is open for me only when open, eligible, scheduled and not registered', () => {
    expect(eventsOfClass(cls(), null)[0].openForMe).toBe(true);
    expect(eventsOfClass(cls({ eligible: false }), null)[0].openForMe).toBe(false);
    expect(eventsOfClass(cls({ myStatus: 'waitlisted' }), null)[0].openForMe).toBe(false);
    expect(eventsOfClass(cls({ registrationOpen: false }), null)[0].openForMe).toBe(false);
    expect(eventsOfClass(cls({ status: 'cancelled' }), null)[0]).toMatchObject({
      openForMe: false,
      registrationOpen: false,
    });
    expect(eventsOfClass(cls({ seats: null }), null)[0].seatsLeft).toBeNull();
  });

  it('sorts every class’s events by time and cuts at the limit', () => {
    const other = cls({ id: 'c2', timeZone: 'Asia/Jakarta' });
    const { events, truncated } = eventsOf([cls(), other], null, 4);
    expect(events.map((e) => e.id)).toEqual(['c1:0', 'c2:0', 'c1:1', 'c2:1']);
    expect(truncated).toBe(true);
    expect(eventsOf([cls()], null, 3).truncated).toBe(false);
  });
});
