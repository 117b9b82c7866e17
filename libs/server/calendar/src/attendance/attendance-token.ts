import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import type { AttendanceScanKind } from '@kompeten/shared-contracts';

/**
 * The trainer's attendance QR code (decision 0037): a token bound to one class, one session and one kind (arrival or
 * leaving) and to a 30-second time step, signed with HMAC-SHA-256 under a key derived from JWT_SECRET (HKDF, its own
 * label, so it signs nothing else). A screen shows the code of the current step and fetches the next one when it
 * rotates; a scan is accepted until the end of its step plus a grace, so a code photographed just before it rotated
 * still counts, and one sent to a friend at home stops working within a minute. Pure: no clock, no I/O.
 */
export const QR_PERIOD_SECONDS = 30;
export const QR_GRACE_SECONDS = 30;

export interface AttendanceClaims {
  classId: string;
  sessionIndex: number;
  kind: AttendanceScanKind;
  /** floor(unix seconds ÷ QR_PERIOD_SECONDS) when the code was made. */
  step: number;
}

export type TokenCheck =
  | { ok: true; claims: AttendanceClaims }
  | { ok: false; reason: 'malformed' | 'forged' }
  /** Genuine, but its time is over. */
  | { ok: false; reason: 'expired'; claims: AttendanceClaims };

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const TOKEN = new RegExp(`^(${UUID})\\.(\\d{1,3})\\.(in|out)\\.(\\d{1,12})\\.([A-Za-z0-9_-]{22})$`);

/** The attendance signing key: HKDF of the JWT secret with its own label. */
export function attendanceKey(jwtSecret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', jwtSecret, 'kompeten', 'class-attendance-qr', 32));
}

const stepOf = (at: Date) => Math.floor(at.getTime() / 1000 / QR_PERIOD_SECONDS);

function signature(key: Buffer, c: AttendanceClaims): string {
  const mac = createHmac('sha256', key)
    .update(`kompeten-attendance-v1|${c.classId}|${c.sessionIndex}|${c.kind}|${c.step}`)
    .digest();
  // 128 bits keep the QR code small and are far beyond guessing within a code's minute of life.
  return mac.subarray(0, 16).toString('base64url');
}

export function signAttendanceToken(key: Buffer, c: AttendanceClaims): string {
  return `${c.classId}.${c.sessionIndex}.${c.kind}.${c.step}.${signature(key, c)}`;
}

/** The code to show at `now`: its token, when to show the next one, and the last instant it is accepted. */
export function mintAttendanceToken(
  key: Buffer,
  c: Omit<AttendanceClaims, 'step'>,
  now: Date,
): { token: string; rotatesAt: Date; expiresAt: Date } {
  const step = stepOf(now);
  const rotatesAt = new Date((step + 1) * QR_PERIOD_SECONDS * 1000);
  return {
    token: signAttendanceToken(key, { ...c, step }),
    rotatesAt,
    expiresAt: new Date(rotatesAt.getTime() + QR_GRACE_SECONDS * 1000),
  };
}

/**
 * Checks a scanned token at `now`: its form, its signature (constant-time), then its age. A step more than one ahead
 * of `now` was not made by this clock (servers agree within seconds): forged.
 */
export function verifyAttendanceToken(key: Buffer, token: string, now: Date): TokenCheck {
  const m = TOKEN.exec(token);
  if (!m) return { ok: false, reason: 'malformed' };
  const claims: AttendanceClaims = {
    classId: m[1],
    sessionIndex: Number(m[2]),
    kind: m[3] as AttendanceScanKind,
    step: Number(m[4]),
  };
  const expected = Buffer.from(signature(key, claims));
  const given = Buffer.from(m[5]);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'forged' };
  const current = stepOf(now);
  if (claims.step > current + 1) return { ok: false, reason: 'forged' };
  const lastAccepted = (claims.step + 1) * QR_PERIOD_SECONDS * 1000 + QR_GRACE_SECONDS * 1000;
  if (now.getTime() > lastAccepted) return { ok: false, reason: 'expired', claims };
  return { ok: true, claims };
}
