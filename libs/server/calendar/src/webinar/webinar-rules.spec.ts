import {
  checkCode,
  checkCount,
  joinableSession,
  planCheckMoments,
  runningSession,
  sessionMinutes,
  type SessionSpan,
} from './webinar-rules';

const MIN = 60_000;
const T0 = Date.parse('2026-03-02T01:00:00Z'); // 09:00 WITA
const at = (m: number) => T0 + m * MIN;
/** A 120-minute session 09:00–11:00 WITA. */
const S: SessionSpan = { start: at(0), end: at(120) };
/** Checks at +40 and +80 minutes: segments 0–40, 40–80, 80–120. */
const checks = (a: boolean, b: boolean) => [
  { opensAt: at(40), answered: a },
  { opensAt: at(80), answered: b },
];

/** A deterministic [0,1) source. */
const seq = (...xs: number[]) => {
  let i = 0;
  return () => xs[i++ % xs.length];
};

describe('joinableSession / runningSession', () => {
  const sessions = [S, { start: at(24 * 60), end: at(24 * 60 + 120) }];
  it.each([
    [-16, null],
    [-15, 0],
    [0, 0],
    [119, 0],
    [120, null],
    [24 * 60 - 15, 1],
    [24 * 60 + 119, 1],
  ])('at %i minutes the joinable session is %p', (m, want) => {
    expect(joinableSession(sessions, at(m))).toBe(want);
  });
  it('a session is running only between its start and end', () => {
    expect(runningSession(sessions, at(-1))).toBeNull();
    expect(runningSession(sessions, at(0))).toBe(0);
    expect(runningSession(sessions, at(120))).toBeNull();
  });
});

describe('checkCount and planCheckMoments', () => {
  it.each([
    [60, 2],
    [120, 2],
    [180, 3],
    [240, 4],
    [480, 4],
  ])('a %i-minute session gets %i checks', (len, n) => {
    expect(planCheckMoments({ start: at(0), end: at(len) }, at(-30), seq(0.5))).toHaveLength(n);
  });

  it('a session too short for its margins gets none; one planned late gets fewer', () => {
    expect(planCheckMoments({ start: at(0), end: at(30) }, at(-30), seq(0.5))).toEqual([]);
    expect(checkCount(15 * MIN, 240 * MIN)).toBe(1);
    // Planned at +200 of a 240-minute session: 210–225 is left, one slot of 15 minutes.
    expect(planCheckMoments({ start: at(0), end: at(240) }, at(200), seq(0.5))).toEqual([at(217.5)]);
  });

  it('checks fall inside the margins, one per slot, in order, whole seconds', () => {
    // 120 minutes: usable 10..105 (95 min), two slots of 47.5 min.
    expect(planCheckMoments(S, at(-30), seq(0, 0))).toEqual([at(10), at(57.5)]);
    const late = planCheckMoments(S, at(-30), seq(0.999999, 0.999999));
    expect(late[1]).toBeLessThanOrEqual(at(105));
    for (let i = 0; i < 50; i++) {
      const m = planCheckMoments(S, at(-30));
      expect(m[0]).toBeGreaterThanOrEqual(at(10));
      expect(m[0]).toBeLessThan(m[1]);
      expect(m[1]).toBeLessThanOrEqual(at(105));
      expect(m.every((x) => x % 1000 === 0)).toBe(true);
    }
  });

  it('codes are four digits, zero padded', () => {
    expect(checkCode(() => 7)).toBe('0007');
    expect(checkCode(() => 9999)).toBe('9999');
  });
});

describe('sessionMinutes', () => {
  it('joined on time and answered every check: the whole session', () => {
    expect(sessionMinutes(S, { firstJoin: at(-5), checks: checks(true, true) })).toEqual({
      minutes: 120,
      arrivedAt: at(0),
      leftAt: at(120),
      late: false,
      leftEarly: false,
    });
  });

  it('a missed check loses the segment it closes only', () => {
    expect(sessionMinutes(S, { firstJoin: at(0), checks: checks(false, true) })).toMatchObject({
      minutes: 80,
      leftAt: at(120),
      leftEarly: false,
    });
  });

  it('missing the last check loses the segment before it and the tail: left early', () => {
    expect(sessionMinutes(S, { firstJoin: at(0), checks: checks(true, false) })).toMatchObject({
      minutes: 40,
      leftAt: at(40),
      leftEarly: true,
    });
  });

  it('a late joiner counts from the join; late past the grace', () => {
    expect(sessionMinutes(S, { firstJoin: at(25.5), checks: checks(true, true) })).toMatchObject({
      minutes: 94, // 14.5 + 40 + 40, floored
      arrivedAt: at(25.5),
      late: true,
    });
    expect(sessionMinutes(S, { firstJoin: at(9), checks: checks(true, true) }).late).toBe(false);
  });

  it('joining only (no answer) counts nothing when the session had checks', () => {
    expect(sessionMinutes(S, { firstJoin: at(0), checks: checks(false, false) })).toMatchObject({
      minutes: 0,
      arrivedAt: at(0),
      leftAt: null,
      leftEarly: true,
    });
  });

  it('a session without checks counts from the join to the end', () => {
    expect(sessionMinutes(S, { firstJoin: at(30), checks: [] })).toMatchObject({ minutes: 90, late: true });
    expect(sessionMinutes(S, { firstJoin: null, checks: [] }).minutes).toBe(0);
  });

  it('a learner who never joined through Kompeten arrives at the first check they answered', () => {
    expect(sessionMinutes(S, { firstJoin: null, checks: checks(true, true) })).toMatchObject({
      minutes: 80, // 40–80 and 80–120
      arrivedAt: at(40),
      late: true,
    });
  });

  it('a join after the session ended, or checks outside it, count nothing', () => {
    expect(sessionMinutes(S, { firstJoin: at(121), checks: [] }).minutes).toBe(0);
    expect(
      sessionMinutes(S, {
        firstJoin: at(0),
        checks: [
          { opensAt: at(-5), answered: true },
          { opensAt: at(130), answered: true },
        ],
      }).minutes,
    ).toBe(120); // no check inside: the whole session counts from the join
  });

  it('checks given out of order are ordered; the result never exceeds the session', () => {
    const r = sessionMinutes(S, { firstJoin: at(-15), checks: [...checks(true, true)].reverse() });
    expect(r.minutes).toBe(120);
  });
});
