import { attendancePercent, attendedMinutesOf, decideCompletion, scheduledMinutesOf } from './completion-rule';

// Two days of 8 hours and one of 4 hours: 1,200 scheduled minutes.
const sessions: [string, string][] = [
  ['2026-06-10T00:00:00Z', '2026-06-10T08:00:00Z'],
  ['2026-06-11T00:00:00Z', '2026-06-11T08:00:00Z'],
  ['2026-06-12T00:00:00Z', '2026-06-12T04:00:00Z'],
];
const rule = { minAttendancePercent: 80, jpByMinutes: false, minutesPerJp: 45 };
const decide = (attended: number, o: Partial<Parameters<typeof decideCompletion>[0]> = {}) =>
  decideCompletion({
    rule,
    offeringJp: 24,
    scheduledMinutes: 1200,
    attendedMinutes: attended,
    course: 'not_required',
    ...o,
  });

describe('completion rule', () => {
  it('sums scheduled minutes and present minutes capped per session; absences and unknown sessions count nothing', () => {
    expect(scheduledMinutesOf(sessions)).toBe(1200);
    expect(
      attendedMinutesOf(sessions, [
        { sessionIndex: 0, status: 'present', minutes: 600 },
        { sessionIndex: 1, status: 'absent', minutes: 0 },
        { sessionIndex: 2, status: 'present', minutes: 200 },
        { sessionIndex: 7, status: 'present', minutes: 480 },
      ]),
    ).toBe(680);
  });

  it('completes at exactly the threshold and not a minute below', () => {
    expect(decide(960)).toEqual({
      completed: true,
      attendancePercent: 80,
      jp: 24,
      jpBasis: 'declared_jp',
      minutesPerJp: null,
    });
    expect(decide(959)).toEqual({ completed: false, attendancePercent: 79.91, reason: 'attendance' });
    expect(decide(0)).toEqual({ completed: false, attendancePercent: 0, reason: 'attendance' });
    expect(decide(1200, { rule: { ...rule, minAttendancePercent: 100 } }).completed).toBe(true);
    expect(decide(1199, { rule: { ...rule, minAttendancePercent: 100 } }).completed).toBe(false);
  });

  it('requires the linked e-learning course when the offering has one', () => {
    expect(decide(1200, { course: 'missing' })).toEqual({
      completed: false,
      attendancePercent: 100,
      reason: 'course',
    });
    expect(decide(1200, { course: 'completed' }).completed).toBe(true);
    // Attendance is judged first: short attendance is the reason even when the course is missing too.
    expect(decide(100, { course: 'missing' })).toMatchObject({ completed: false, reason: 'attendance' });
  });

  it('gives JP by minutes attended at the rule’s minutes per JP, at most the offering’s JP', () => {
    const byMinutes = { ...rule, jpByMinutes: true };
    expect(decide(1000, { rule: byMinutes })).toEqual({
      completed: true,
      attendancePercent: 83.33,
      jp: 22.22,
      jpBasis: 'attended_minutes',
      minutesPerJp: 45,
    });
    expect(decide(1200, { rule: byMinutes, offeringJp: 20 })).toMatchObject({ jp: 20 });
    expect(decide(1200, { rule: { ...byMinutes, minutesPerJp: 60 } })).toMatchObject({ jp: 20 });
  });

  it('rounds the percent down to two decimals', () => {
    expect(attendancePercent(2, 3)).toBe(66.66);
    expect(attendancePercent(0, 0)).toBe(0);
  });
});
