import { Inject, Injectable } from '@nestjs/common';
import type { AttendanceQr, AttendanceScanKind } from '@kompeten/shared-contracts';
import { APP_CONFIG, type AppConfig } from '@kompeten/server-core';
import {
  attendanceKey,
  mintAttendanceToken,
  QR_PERIOD_SECONDS,
  verifyAttendanceToken,
  type TokenCheck,
} from './attendance-token';

/** The deployment's attendance codes: the key derived from the validated config, the URL from PUBLIC_URL. */
@Injectable()
export class AttendanceTokens {
  private readonly key: Buffer;
  private readonly publicUrl: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.key = attendanceKey(config.jwtSecret);
    this.publicUrl = config.publicUrl.replace(/\/+$/, '');
  }

  qr(classId: string, sessionIndex: number, kind: AttendanceScanKind, now = new Date()): AttendanceQr {
    const t = mintAttendanceToken(this.key, { classId, sessionIndex, kind }, now);
    return {
      classId,
      sessionIndex,
      kind,
      token: t.token,
      url: `${this.publicUrl}/kelas/${classId}/hadir?t=${encodeURIComponent(t.token)}`,
      rotatesAt: t.rotatesAt.toISOString(),
      expiresAt: t.expiresAt.toISOString(),
      periodSeconds: QR_PERIOD_SECONDS,
    };
  }

  verify(token: string, now = new Date()): TokenCheck {
    return verifyAttendanceToken(this.key, token, now);
  }
}
