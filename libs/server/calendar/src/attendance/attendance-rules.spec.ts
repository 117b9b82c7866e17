import { marksProblem, presenceIn, scanOpen, sessionAt } from './attendance-rules';

// 08:00–16:00 WITA on 10 June 2026.
const sessions: [string, string][] = [['2026-06-10T00:00:00.000Z', '2026-06-10T08:00:00.000Z']];
const s = sessionAt(sessions, 0) as NonNullable<ReturnType<typeof sessionAt>>;
const t = (hhmm: string) => new Date(`2026-06-10T${hhmm}:00.000Z`);

describe('attendance rules', () => {
  it('finds sessions by index only', () => {
    expect(sessionAt(sessions, 1)).toBeNull();
    expect(sessionAt(sessions, -1)).toBeNull();
    expect(sessionAt(sessions, 0.5)).toBeNull();
  });

  it('counts the minutes inside the session, late after 15 minutes, early before the last 15', () => {
    expect(presenceIn(s, null, null)).toEqual({ minutes: 480, late: false, leftEarly: false });
    expect(presenceIn(s, new Date('2026-06-09T23:30:00Z'), null)).toEqual({
      minutes: 480,
      late: false,
      leftEarly: false,
    });
    expect(presenceIn(s, t('00:15'), null)).toEqual({ minutes: 465, late: false, leftEarly: false });
    expect(presenceIn(s, t('00:16'), null)).toEqual({ minutes: 464, late: true, leftEarly: false });
    expect(presenceIn(s, null, t('07:45'))).toEqual({ minutes: 465, late: false, leftEarly: false });
    expect(presenceIn(s, null, t('07:44'))).toEqual({ minutes: 464, late: false, leftEarly: true });
    expect(presenceIn(s, t('02:00'), t('06:00'))).toEqual({ minutes: 240, late: true, leftEarly: true });
    expect(presenceIn(s, t('09:00'), null)).toEqual({ minutes: 0, late: true, leftEarly: false });
  });

  it('opens scanning an hour before the start until an hour after the end', () => {
    expect(scanOpen(s, new Date('2026-06-09T22:59:59Z'))).toBe(false);
    expect(scanOpen(s, new Date('2026-06-09T23:00:00Z'))).toBe(true);
    expect(scanOpen(s, t('09:00'))).toBe(true);
    expect(scanOpen(s, new Date('2026-06-10T09:00:01Z'))).toBe(false);
  });

  it('refuses a trainer’s times far outside the session or leaving before arriving', () => {
    expect(marksProblem(s, t('00:30'), t('07:00'))).toBeNull();
    expect(marksProblem(s, new Date('2026-06-09T20:00:00Z'), null)).toMatch(/arrivedAt/);
    expect(marksProblem(s, null, t('11:00'))).toMatch(/leftAt/);
    expect(marksProblem(s, t('03:00'), t('02:00'))).toMatch(/sesudah arrivedAt/);
  });
});
