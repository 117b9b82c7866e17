import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ErrorCode, type AgencyTimeZone, type LoginResponse, type Me, type Role, type RoleAssignment } from '@kompeten/shared-contracts';
import { APP_CONFIG, DomainError, invalid, recordAudit, type AccessTokenClaims, type AppConfig, type Principal } from '@kompeten/server-core';
import { loadEmployee, publicEmployee } from '../employees/employee.mapper';
import { UserAccountEntity } from '../entities/user-account.entity';
import { recordAccountEvent } from '../accounts/account-events';
import { dummyHash, hashPassword, passwordProblem, verifyPassword, type PasswordContext } from './password';

/** Consecutive failures before a temporary lockout, and its length. */
export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MINUTES = 15;

/** TypeORM answers an UPDATE … RETURNING with [rows, count]. */
function updatedRows<T>(result: unknown): T[] {
  return Array.isArray(result) && Array.isArray(result[0]) ? (result[0] as T[]) : ((result as T[]) ?? []);
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const badCredentials = () => new DomainError('unauthenticated', ErrorCode.AUTH_INVALID_CREDENTIALS, 'NIP/email atau kata sandi salah');

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() @Inject(DataSource) private readonly db: DataSource,
    @Inject(JwtService) private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async login(username: string, password: string): Promise<LoginResponse> {
    const user = await this.findByUsername(username.trim());
    if (!user) {
      await verifyPassword(await dummyHash(), password);
      throw badCredentials();
    }
    if (user.lockedUntil && user.lockedUntil > new Date()) throw this.lockedError(user.lockedUntil);
    if (!(await verifyPassword(user.passwordHash, password))) {
      // One atomic update so parallel wrong guesses all count.
      const row = await this.db.query(
        `UPDATE user_account
            SET failed_login_count = CASE WHEN failed_login_count + 1 >= $2 THEN 0 ELSE failed_login_count + 1 END,
                locked_until = CASE WHEN failed_login_count + 1 >= $2 THEN now() + make_interval(mins => $3) ELSE locked_until END
          WHERE id = $1 RETURNING locked_until`,
        [user.id, MAX_FAILED_LOGINS, LOCKOUT_MINUTES],
      );
      const lockedUntil = updatedRows<{ locked_until: Date | null }>(row)[0]?.locked_until ?? null;
      if (lockedUntil && new Date(lockedUntil) > new Date()) throw this.lockedError(new Date(lockedUntil));
      throw badCredentials();
    }
    // Checked only after the password, so a guess never reveals that an account exists but is disabled.
    if (!user.active || !(await this.employeeActive(user))) {
      throw new DomainError('forbidden', ErrorCode.AUTH_ACCOUNT_DISABLED, 'Akun ini dinonaktifkan. Hubungi pengelola kepegawaian.');
    }
    await this.db.getRepository(UserAccountEntity).update({ id: user.id }, { failedLoginCount: 0, lockedUntil: null, lastLoginAt: new Date() });
    return this.issue(this.db.manager, user, randomUUID());
  }

  async refresh(refreshToken: string): Promise<LoginResponse> {
    const hash = sha256(refreshToken);
    // The error is thrown after the transaction commits: throwing inside it would roll back the family revocation.
    const issued = await this.db.transaction(async (m): Promise<LoginResponse | null> => {
      const rotated = await m.query(
        `UPDATE refresh_token SET revoked_at = now(), revoked_reason = 'rotated'
          WHERE token_hash = $1 AND revoked_at IS NULL AND expires_at > now()
          RETURNING user_id, family_id`,
        [hash],
      );
      const hit = updatedRows<{ user_id: string; family_id: string }>(rotated)[0];
      if (!hit?.user_id) {
        // A token that was already used or revoked: someone may hold a stolen copy, so end the whole family.
        await m.query(
          `UPDATE refresh_token SET revoked_at = now(), revoked_reason = 'reuse-detected'
            WHERE family_id = (SELECT family_id FROM refresh_token WHERE token_hash = $1) AND revoked_at IS NULL`,
          [hash],
        );
        return null;
      }
      const user = await m.getRepository(UserAccountEntity).findOneBy({ id: hit.user_id });
      if (!user || !user.active || !(await this.employeeActive(user))) return null;
      return this.issue(m, user, hit.family_id);
    });
    if (!issued) throw new DomainError('unauthenticated', ErrorCode.AUTH_INVALID_REFRESH_TOKEN, 'Sesi berakhir. Silakan masuk kembali.');
    return issued;
  }

  /** Ends the session the refresh token belongs to. Idempotent. */
  async logout(refreshToken: string): Promise<void> {
    await this.db.query(
      `UPDATE refresh_token SET revoked_at = now(), revoked_reason = 'logout'
        WHERE family_id = (SELECT family_id FROM refresh_token WHERE token_hash = $1) AND revoked_at IS NULL`,
      [sha256(refreshToken)],
    );
  }

  async changePassword(principal: Principal, currentPassword: string, newPassword: string): Promise<void> {
    const problem = passwordProblem(newPassword, await this.passwordContext(principal.userId));
    if (problem) throw invalid(ErrorCode.AUTH_WEAK_PASSWORD, problem);
    if (newPassword === currentPassword) throw invalid(ErrorCode.AUTH_WEAK_PASSWORD, 'Kata sandi baru harus berbeda dari yang lama');
    const user = await this.db.getRepository(UserAccountEntity).findOneBy({ id: principal.userId });
    if (!user) throw new DomainError('unauthenticated', ErrorCode.AUTH_UNAUTHENTICATED, 'Akun tidak ditemukan');
    if (!(await verifyPassword(user.passwordHash, currentPassword))) throw invalid(ErrorCode.AUTH_WRONG_PASSWORD, 'Kata sandi saat ini salah');
    const passwordHash = await hashPassword(newPassword);
    await this.db.transaction(async (m) => {
      await m.getRepository(UserAccountEntity).update({ id: user.id }, { passwordHash, passwordChangedAt: new Date() });
      await m.query(`UPDATE refresh_token SET revoked_at = now(), revoked_reason = 'password-changed' WHERE user_id = $1 AND revoked_at IS NULL`, [user.id]);
      await recordAudit(m, { userId: principal.userId, correlationId: principal.correlationId }, { action: 'user.password_change', entityType: 'user_account', entityId: user.id, agencyId: null });
      await recordAccountEvent(m, principal, user.id, 'password_changed');
    });
  }

  async me(userId: string, m: EntityManager = this.db.manager): Promise<Me> {
    const user = await m.getRepository(UserAccountEntity).findOneBy({ id: userId });
    if (!user) throw new DomainError('unauthenticated', ErrorCode.AUTH_UNAUTHENTICATED, 'Akun tidak ditemukan');
    const roles = await this.rolesOf(m, userId);
    const employee = user.employeeId ? await loadEmployee(m, user.employeeId) : null;
    const zoneAgency = employee?.agencyId ?? roles[0]?.agencyId;
    const [zone] = zoneAgency ? await m.query(`SELECT time_zone FROM agency WHERE id = $1`, [zoneAgency]) : [];
    return {
      userId: user.id,
      email: user.email ?? employee?.email ?? null,
      employee: employee ? publicEmployee(employee) : null,
      roles,
      timeZone: (zone?.time_zone as AgencyTimeZone) ?? 'Asia/Jakarta',
      pendingEmail: user.pendingEmail,
    };
  }

  /** Words an attacker who knows the user tries first (issue 12): name, NIP, agency, email. */
  private async passwordContext(userId: string): Promise<PasswordContext> {
    const [row] = await this.db.query(
      `SELECT e.nip, e.full_name, a.name AS agency_name, ua.email FROM user_account ua
         LEFT JOIN employee e ON e.id = ua.employee_id LEFT JOIN agency a ON a.id = e.agency_id WHERE ua.id = $1`,
      [userId],
    );
    return { nip: row?.nip, fullName: row?.full_name, agencyName: row?.agency_name, email: row?.email };
  }

  private async rolesOf(m: EntityManager, userId: string): Promise<RoleAssignment[]> {
    const rows: Array<{ id: string; role: Role; agency_id: string; agency_name: string; unit_id: string | null; unit_name: string | null }> = await m.query(
      `SELECT r.id, r.role, r.agency_id, a.name AS agency_name, r.unit_id, u.name AS unit_name
         FROM role_assignment r JOIN agency a ON a.id = r.agency_id LEFT JOIN work_unit u ON u.id = r.unit_id
        WHERE r.user_id = $1 ORDER BY r.created_at`,
      [userId],
    );
    return rows.map((r) => ({ id: r.id, role: r.role, agencyId: r.agency_id, agencyName: r.agency_name, unitId: r.unit_id, unitName: r.unit_name }));
  }

  private async issue(m: EntityManager, user: UserAccountEntity, familyId: string): Promise<LoginResponse> {
    const me = await this.me(user.id, m);
    const claims: AccessTokenClaims = {
      sub: user.id,
      emp: user.employeeId,
      roles: me.roles.map((r) => [r.role, r.agencyId, r.unitId]),
      typ: 'access',
    };
    const accessToken = this.jwt.sign(claims, { expiresIn: this.config.accessTokenTtlSeconds });
    const refreshToken = randomBytes(32).toString('base64url');
    await m.query(`INSERT INTO refresh_token (user_id, family_id, token_hash, expires_at) VALUES ($1, $2, $3, now() + make_interval(secs => $4))`, [
      user.id,
      familyId,
      sha256(refreshToken),
      this.config.refreshTokenTtlSeconds,
    ]);
    return {
      accessToken,
      refreshToken,
      tokenType: 'Bearer',
      expiresIn: this.config.accessTokenTtlSeconds,
      refreshExpiresIn: this.config.refreshTokenTtlSeconds,
      user: me,
    };
  }

  private async findByUsername(username: string): Promise<UserAccountEntity | null> {
    const repo = this.db.getRepository(UserAccountEntity);
    if (/^\d{18}$/.test(username)) {
      return repo.createQueryBuilder('u').innerJoin('employee', 'e', 'e.id = u.employee_id').where('e.nip = :nip', { nip: username }).getOne();
    }
    return repo.findOneBy({ email: username.toLowerCase() });
  }

  /** An ASN marked inactive (retired, moved out) cannot sign in, whatever the account says. */
  private async employeeActive(user: UserAccountEntity): Promise<boolean> {
    if (!user.employeeId) return true;
    const [row] = await this.db.query(`SELECT active FROM employee WHERE id = $1`, [user.employeeId]);
    return row?.active !== false;
  }

  private lockedError(until: Date): DomainError {
    const minutes = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 60000));
    return new DomainError('locked', ErrorCode.AUTH_ACCOUNT_LOCKED, `Akun terkunci sementara karena terlalu banyak percobaan masuk yang gagal. Coba lagi dalam ${minutes} menit.`, {
      lockedUntil: until.toISOString(),
    });
  }
}
