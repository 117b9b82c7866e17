import {
  quotaProblem,
  registrationRefusal,
  sessionsOf,
  sessionsOverlap,
  type RegistrationFacts,
  type Session,
} from './registration-rules';

describe('sessionsOf', () => {
  it('reads each day in the organising agency’s zone', () => {
    const r = sessionsOf([{ date: '2027-02-10', start: '08:00', end: '16:00' }], 'Asia/Makassar');
    expect(r).toEqual({ sessions: [['2027-02-10T00:00:00.000Z', '2027-02-10T08:00:00.000Z']] });
    const wib = sessionsOf([{ date: '2027-02-10', start: '08:00', end: '16:00' }], 'Asia/Jakarta');
    expect(wib).toEqual({ sessions: [['2027-02-10T01:00:00.000Z', '2027-02-10T09:00:00.000Z']] });
  });

  it('sorts the days and refuses impossible ones in words', () => {
    const r = sessionsOf(
      [
        { date: '2027-02-11', start: '08:00', end: '12:00' },
        { date: '2027-02-10', start: '13:00', end: '15:30' },
      ],
      'Asia/Jayapura',
    );
    expect('sessions' in r && r.sessions.map((s) => s[0])).toEqual([
      '2027-02-10T04:00:00.000Z',
      '2027-02-10T23:00:00.000Z',
    ]);
    expect(sessionsOf([], 'Asia/Jakarta')).toEqual({ problem: expect.stringContaining('minimal satu hari') });
    expect(sessionsOf([{ date: '2027-02-30', start: '08:00', end: '09:00' }], 'Asia/Jakarta')).toEqual({
      problem: expect.stringContaining('tidak valid'),
    });
    expect(sessionsOf([{ date: '2027-02-10', start: '8:00', end: '09:00' }], 'Asia/Jakarta')).toEqual({
      problem: expect.stringContaining('HH:MM'),
    });
    expect(sessionsOf([{ date: '2027-02-10', start: '09:00', end: '09:00' }], 'Asia/Jakarta')).toEqual({
      problem: expect.stringContaining('setelah jam mulai'),
    });
    const twice = [
      { date: '2027-02-10', start: '08:00', end: '09:00' },
      { date: '2027-02-10', start: '10:00', end: '11:00' },
    ];
    expect(sessionsOf(twice, 'Asia/Jakarta')).toEqual({ problem: expect.stringContaining('dua kali') });
  });
});

describe('sessionsOverlap', () => {
  const s = (a: string, b: string): Session => [`2027-03-01T${a}:00.000Z`, `2027-03-01T${b}:00.000Z`];
  it('finds any overlapping pair, not touching ends', () => {
    expect(sessionsOverlap([s('01:00', '03:00')], [s('02:00', '04:00')])).toBe(true);
    expect(sessionsOverlap([s('01:00', '03:00')], [s('03:00', '04:00')])).toBe(false);
    expect(
      sessionsOverlap([s('01:00', '02:00'), s('05:00', '06:00')], [s('03:00', '04:00'), s('05:30', '07:00')]),
    ).toBe(true);
    expect(sessionsOverlap([s('01:00', '02:00')], [])).toBe(false);
  });
  it('classes on the same dates but other hours do not conflict', () => {
    expect(sessionsOverlap([s('00:00', '04:00')], [s('05:00', '08:00')])).toBe(false);
  });
});

describe('registrationRefusal', () => {
  const base: RegistrationFacts = {
    classStatus: 'scheduled',
    windowOpen: true,
    employeeActive: true,
    inOrganisingTree: true,
    sessions: [['2027-03-01T01:00:00.000Z', '2027-03-01T08:00:00.000Z']],
    heldSessions: [],
  };
  it('lets an eligible ASN through', () => expect(registrationRefusal(base)).toBeNull());
  it('refuses outside the window or in a cancelled class', () => {
    expect(registrationRefusal({ ...base, windowOpen: false })).toBe('registration_closed');
    expect(registrationRefusal({ ...base, classStatus: 'cancelled' })).toBe('registration_closed');
  });
  it('refuses an inactive ASN or one outside the organising agency’s tree', () => {
    expect(registrationRefusal({ ...base, employeeActive: false })).toBe('not_eligible');
    expect(registrationRefusal({ ...base, inOrganisingTree: false })).toBe('not_eligible');
  });
  it('refuses a seat overlapping another held one; a held class at other times is fine', () => {
    expect(
      registrationRefusal({ ...base, heldSessions: [[['2027-03-01T07:00:00.000Z', '2027-03-01T09:00:00.000Z']]] }),
    ).toBe('schedule_conflict');
    expect(
      registrationRefusal({ ...base, heldSessions: [[['2027-03-02T01:00:00.000Z', '2027-03-02T08:00:00.000Z']]] }),
    ).toBeNull();
  });
  it('a closed window is said before eligibility', () => {
    expect(registrationRefusal({ ...base, windowOpen: false, employeeActive: false })).toBe('registration_closed');
  });
});

describe('quotaProblem', () => {
  it('accepts quotas that fit, and no quotas', () => {
    expect(
      quotaProblem(60, [
        { agencyId: 'a', seats: 6 },
        { agencyId: 'b', seats: 54 },
      ]),
    ).toBeNull();
    expect(quotaProblem(null, [])).toBeNull();
  });
  it('refuses quotas above the seats, doubled agencies, empty quotas and quotas on unlimited classes', () => {
    expect(
      quotaProblem(10, [
        { agencyId: 'a', seats: 6 },
        { agencyId: 'b', seats: 5 },
      ]),
    ).toContain('melebihi');
    expect(
      quotaProblem(10, [
        { agencyId: 'a', seats: 1 },
        { agencyId: 'a', seats: 1 },
      ]),
    ).toContain('sekali');
    expect(quotaProblem(10, [{ agencyId: 'a', seats: 0 }])).toContain('minimal 1');
    expect(quotaProblem(null, [{ agencyId: 'a', seats: 3 }])).toContain('tanpa batas');
  });
});
