import {
  attendanceKey,
  mintAttendanceToken,
  QR_GRACE_SECONDS,
  QR_PERIOD_SECONDS,
  signAttendanceToken,
  verifyAttendanceToken,
} from './attendance-token';

const key = attendanceKey('a-test-jwt-secret-of-at-least-32-characters');
const classId = '7e8f9a0b-1c2d-4e3f-8a4b-5c6d7e8f9a0b';
const at = (iso: string) => new Date(iso);
// 2026-06-10T01:00:00Z is a multiple of 30 s: step boundaries fall on :00 and :30.
const T0 = at('2026-06-10T01:00:00Z');
const plus = (s: number) => new Date(T0.getTime() + s * 1000);

describe('attendance token', () => {
  it('is accepted through its step and the grace, then expires', () => {
    const { token, rotatesAt, expiresAt } = mintAttendanceToken(key, { classId, sessionIndex: 1, kind: 'in' }, plus(5));
    expect(rotatesAt).toEqual(plus(QR_PERIOD_SECONDS));
    expect(expiresAt).toEqual(plus(QR_PERIOD_SECONDS + QR_GRACE_SECONDS));
    expect(verifyAttendanceToken(key, token, plus(5))).toEqual({
      ok: true,
      claims: { classId, sessionIndex: 1, kind: 'in', step: T0.getTime() / 1000 / QR_PERIOD_SECONDS },
    });
    expect(verifyAttendanceToken(key, token, plus(59)).ok).toBe(true);
    expect(verifyAttendanceToken(key, token, plus(60)).ok).toBe(true);
    expect(verifyAttendanceToken(key, token, plus(61))).toMatchObject({ ok: false, reason: 'expired' });
    expect(verifyAttendanceToken(key, token, plus(3600))).toMatchObject({ ok: false, reason: 'expired' });
  });

  it('refuses a token signed with another key (another deployment, a guessed secret)', () => {
    const other = attendanceKey('another-secret-of-at-least-32-characters!!');
    const { token } = mintAttendanceToken(other, { classId, sessionIndex: 0, kind: 'in' }, T0);
    expect(verifyAttendanceToken(key, token, T0)).toEqual({ ok: false, reason: 'forged' });
  });

  it('refuses any change of class, session, kind or step under the same signature', () => {
    const { token } = mintAttendanceToken(key, { classId, sessionIndex: 0, kind: 'in' }, T0);
    const [c, s, k, step, sig] = token.split('.');
    const otherClass = '11111111-2222-4333-8444-555555555555';
    for (const forged of [
      [otherClass, s, k, step, sig],
      [c, '1', k, step, sig],
      [c, s, 'out', step, sig],
      [c, s, k, String(Number(step) + 1), sig],
      [c, s, k, step, `${sig.slice(0, -1)}${sig.endsWith('A') ? 'B' : 'A'}`],
    ])
      expect(verifyAttendanceToken(key, forged.join('.'), T0)).toEqual({ ok: false, reason: 'forged' });
  });

  it('refuses a genuine token from the future (not made by this clock)', () => {
    const step = T0.getTime() / 1000 / QR_PERIOD_SECONDS;
    const ahead = signAttendanceToken(key, { classId, sessionIndex: 0, kind: 'in', step: step + 5 });
    expect(verifyAttendanceToken(key, ahead, T0)).toEqual({ ok: false, reason: 'forged' });
    const next = signAttendanceToken(key, { classId, sessionIndex: 0, kind: 'in', step: step + 1 });
    expect(verifyAttendanceToken(key, next, T0).ok).toBe(true);
  });

  it.each(['', 'abc', `${classId}.0.in.1`, `${classId}.0.sideways.1.AAAAAAAAAAAAAAAAAAAAAA`, `${classId}.x.in.1.sig`])(
    'calls %j malformed',
    (token) => expect(verifyAttendanceToken(key, token, T0)).toEqual({ ok: false, reason: 'malformed' }),
  );

  it('derives a key of its own from the JWT secret (never the secret itself)', () => {
    const secret = 'a-test-jwt-secret-of-at-least-32-characters';
    expect(attendanceKey(secret)).toEqual(key);
    expect(attendanceKey(secret).equals(Buffer.from(secret).subarray(0, 32))).toBe(false);
  });
});
