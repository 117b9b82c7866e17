import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ErrorCode, type Language, type LoginResponse, type Me, type RoleAssignment } from '@kompeten/shared-contracts';
import {
  APP_CONFIG,
  DomainError,
  invalid,
  recordAudit,
  SessionStore,
  type AccessTokenClaims,
  type AppConfig,
  type Principal,
} from '@kompeten/server-core';
import { loadEmployee, publicEmployee } from '../employees/employee.mapper';
import { UserAccountEntity } from '../entities/user-account.entity';
import { recordAccountEvent } from '../accounts/account-events';
import {
  findAccountByNip,
  selectEmployeeActive,
  selectEmployeeNip,
  selectPasswordContext,
  selectRoleAssignments,
} from './auth-store';
import { LoginThrottle, normaliseUsername } from './login-throttle';
import { dummyHash, hashPassword, passwordProblem, verifyPassword, type PasswordContext } from './password';
import {
  countFamilyTokens,
  insertRefreshToken,
  rotateRefreshToken,
  selectLiveFamilyOwner,
  selectRefreshTokenFamily,
  selectRefreshTokenOwner,
} from './refresh-token-store';
import { SessionService } from './session.service';
import { userTimeZone } from './user-time-zone';

/**
 * Tokens as issued; the controller decides whether the refresh token travels in the body or in the cookie.
 * `sessionId` (the refresh-token family) is for the page cookie only and never goes into a response body.
 */
export type IssuedTokens = LoginResponse & { refreshToken: string; sessionId: string };

/** A short-lived access token for the server's own render of a signed-in page (decision 0041), and its user. */
export interface PageAccess {
  accessToken: string;
  me: Me;
}

/** How long an access token minted for a page render lives: long enough to render, too short to be worth stealing. */
export const PAGE_ACCESS_TTL_SECONDS = 60;

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const badCredentials = () =>
  new DomainError('unauthenticated', ErrorCode.AUTH_INVALID_CREDENTIALS, 'NIP/email atau kata sandi salah');

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() @Inject(DataSource) private readonly db: DataSource,
    @Inject(JwtService) private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(SessionService) private readonly sessions: SessionService,
    @Inject(SessionStore) private readonly sessionStore: SessionStore,
    @Inject(LoginThrottle) private readonly throttle: LoginThrottle,
  ) {}

  /**
   * `source` is the client address (req.ip, which honours X-Forwarded-For only from TRUST_PROXY). The throttle is
   * asked first and keyed by the username string, so real and unknown accounts are refused alike (decision 0011).
   */
  async login(username: string, password: string, source: string): Promise<IssuedTokens> {
    const name = normaliseUsername(username);
    const ticket = await this.throttle.admit([name], source);
    const user = await this.findByUsername(name);
    if (!user) {
      await verifyPassword(await dummyHash(), password);
      await this.throttle.failed(ticket);
      throw badCredentials();
    }
    if (!(await verifyPassword(user.passwordHash, password))) {
      await this.throttle.failed(ticket);
      throw badCredentials();
    }
    await this.throttle.succeeded(ticket);
    // Checked only after the password, so a guess never reveals that an account exists but is disabled.
    if (!user.active || !(await this.employeeActive(user))) {
      throw new DomainError(
        'forbidden',
        ErrorCode.AUTH_ACCOUNT_DISABLED,
        'Akun ini dinonaktifkan. Hubungi pengelola kepegawaian.',
      );
    }
    await this.db.getRepository(UserAccountEntity).update({ id: user.id }, { lastLoginAt: new Date() });
    const sessionId = randomUUID();
    const issued = await this.issue(this.db.manager, user, sessionId, 0);
    this.sessionStore.noteNewSession(sessionId);
    return issued;
  }

  async refresh(refreshToken: string): Promise<IssuedTokens> {
    const hash = sha256(refreshToken);
    // The error is thrown after the transaction commits: throwing inside it would roll back the family revocation.
    const issued = await this.db.transaction(async (m): Promise<IssuedTokens | null> => {
      const owner = await selectRefreshTokenOwner(m, hash);
      if (!owner) return null;
      // Waits for an ending of this user's sessions in flight, so it either sees the token revoked or is ended with it.
      await this.sessions.lockUser(m, owner.user_id, 'issue');
      const hit = await rotateRefreshToken(m, hash);
      if (!hit?.user_id) {
        // A token that was already used or revoked: someone may hold a stolen copy, so end the whole family,
        // its live access tokens included.
        await this.sessions.endSession(m, owner.family_id, 'reuse-detected');
        return null;
      }
      const user = await m.getRepository(UserAccountEntity).findOneBy({ id: hit.user_id });
      if (!user || !user.active || !(await this.employeeActive(user))) return null;
      return this.issue(m, user, hit.family_id);
    });
    if (!issued)
      throw new DomainError(
        'unauthenticated',
        ErrorCode.AUTH_INVALID_REFRESH_TOKEN,
        'Sesi berakhir. Silakan masuk kembali.',
      );
    return issued;
  }

  /** Ends the session the refresh token belongs to. Idempotent. */
  async logout(refreshToken: string): Promise<void> {
    await this.db.transaction(async (m) => {
      const familyId = await selectRefreshTokenFamily(m, sha256(refreshToken));
      if (familyId) await this.sessions.endSession(m, familyId, 'logout');
    });
  }

  /**
   * A 60-second access token for the session `familyId`, for the server's render of a signed-in page; null unless the
   * session still has a live refresh token and its account and ASN are active. Read-only (a READ ONLY transaction on one
   * snapshot): no refresh token is issued and no row changes. The token's `gen` is the session's next generation, as a
   * refresh would give, so the session floors treat it like the session's own tokens: ending the session kills it.
   * `familyId` must be a UUID (the page cookie's format check guarantees it).
   */
  async pageAccess(familyId: string): Promise<PageAccess | null> {
    return this.db.transaction('REPEATABLE READ', async (m): Promise<PageAccess | null> => {
      await m.query('SET TRANSACTION READ ONLY');
      const userId = await selectLiveFamilyOwner(m, familyId);
      if (!userId) return null;
      const user = await m.getRepository(UserAccountEntity).findOneBy({ id: userId });
      if (!user || !user.active || !(await this.employeeActive(user, m))) return null;
      const gen = await countFamilyTokens(m, familyId);
      return this.signAccessToken(m, user, familyId, gen, PAGE_ACCESS_TTL_SECONDS);
    });
  }

  /** A wrong current password counts toward the same throttle as login, under every username of the account. */
  async changePassword(
    principal: Principal,
    currentPassword: string,
    newPassword: string,
    source: string,
  ): Promise<void> {
    const problem = passwordProblem(newPassword, await this.passwordContext(principal.userId));
    if (problem) throw invalid(ErrorCode.AUTH_WEAK_PASSWORD, problem);
    if (newPassword === currentPassword)
      throw invalid(ErrorCode.AUTH_WEAK_PASSWORD, 'Kata sandi baru harus berbeda dari yang lama');
    const user = await this.db.getRepository(UserAccountEntity).findOneBy({ id: principal.userId });
    if (!user) throw new DomainError('unauthenticated', ErrorCode.AUTH_UNAUTHENTICATED, 'Akun tidak ditemukan');
    const ticket = await this.throttle.admit(await this.usernamesOf(user), source, 'change-password');
    if (!(await verifyPassword(user.passwordHash, currentPassword))) {
      await this.throttle.failed(ticket);
      throw invalid(ErrorCode.AUTH_WRONG_PASSWORD, 'Kata sandi saat ini salah');
    }
    await this.throttle.succeeded(ticket);
    const passwordHash = await hashPassword(newPassword);
    await this.db.transaction(async (m) => {
      await m.getRepository(UserAccountEntity).update({ id: user.id }, { passwordHash, passwordChangedAt: new Date() });
      await this.sessions.endUserSessions(m, user.id, 'password-changed');
      await recordAudit(
        m,
        { userId: principal.userId, correlationId: principal.correlationId },
        { action: 'user.password_change', entityType: 'user_account', entityId: user.id, agencyId: null },
      );
      await recordAccountEvent(m, principal, user.id, 'password_changed');
    });
  }

  async me(userId: string, m: EntityManager = this.db.manager): Promise<Me> {
    const user = await m.getRepository(UserAccountEntity).findOneBy({ id: userId });
    if (!user) throw new DomainError('unauthenticated', ErrorCode.AUTH_UNAUTHENTICATED, 'Akun tidak ditemukan');
    const roles = await this.rolesOf(m, userId);
    const employee = user.employeeId ? await loadEmployee(m, user.employeeId) : null;
    return {
      userId: user.id,
      email: user.email ?? employee?.email ?? null,
      employee: employee ? publicEmployee(employee) : null,
      roles,
      timeZone: await userTimeZone(m, user.id),
      pendingEmail: user.pendingEmail,
      language: user.language,
    };
  }

  /** Keeps the user's language choice in the profile (decision 0026); idempotent. */
  async setLanguage(userId: string, language: Language): Promise<Me> {
    await this.db.getRepository(UserAccountEntity).update({ id: userId }, { language });
    return this.me(userId);
  }

  /** Words an attacker who knows the user tries first (issue 12): name, NIP, agency, email. */
  private async passwordContext(userId: string): Promise<PasswordContext> {
    const row = await selectPasswordContext(this.db, userId);
    return { nip: row?.nip, fullName: row?.full_name, agencyName: row?.agency_name, email: row?.email };
  }

  private async rolesOf(m: EntityManager, userId: string): Promise<RoleAssignment[]> {
    const rows = await selectRoleAssignments(m, userId);
    return rows.map((r) => ({
      id: r.id,
      role: r.role,
      agencyId: r.agency_id,
      agencyName: r.agency_name,
      unitId: r.unit_id,
      unitName: r.unit_name,
    }));
  }

  /** `gen`: tokens the session issued before this one (0 for a new session); counted when not given. */
  private async issue(
    m: EntityManager,
    user: UserAccountEntity,
    familyId: string,
    knownGen?: number,
  ): Promise<IssuedTokens> {
    const gen: number = knownGen ?? (await countFamilyTokens(m, familyId));
    const { accessToken, me } = await this.signAccessToken(m, user, familyId, gen, this.config.accessTokenTtlSeconds);
    const refreshToken = randomBytes(32).toString('base64url');
    await insertRefreshToken(m, {
      userId: user.id,
      familyId,
      tokenHash: sha256(refreshToken),
      ttlSeconds: this.config.refreshTokenTtlSeconds,
    });
    return {
      accessToken,
      refreshToken,
      sessionId: familyId,
      tokenType: 'Bearer',
      expiresIn: this.config.accessTokenTtlSeconds,
      refreshExpiresIn: this.config.refreshTokenTtlSeconds,
      user: me,
    };
  }

  /**
   * An access token of session `familyId` with the user's current roles and language. `gen` is the session's generation:
   * retiring a session's tokens raises a floor on this number (SessionService).
   */
  private async signAccessToken(
    m: EntityManager,
    user: UserAccountEntity,
    familyId: string,
    gen: number,
    ttlSeconds: number,
  ): Promise<PageAccess> {
    const me = await this.me(user.id, m);
    const claims: AccessTokenClaims = {
      sub: user.id,
      emp: user.employeeId,
      roles: me.roles.map((r) => [r.role, r.agencyId, r.unitId]),
      typ: 'access',
      sid: familyId,
      gen,
      lng: me.language,
    };
    return { accessToken: this.jwt.sign(claims, { expiresIn: ttlSeconds }), me };
  }

  private async findByUsername(username: string): Promise<UserAccountEntity | null> {
    if (/^\d{18}$/.test(username)) return findAccountByNip(this.db, username);
    return this.db.getRepository(UserAccountEntity).findOneBy({ email: username.toLowerCase() });
  }

  /** An ASN marked inactive (retired, moved out) cannot sign in, whatever the account says. */
  private async employeeActive(user: UserAccountEntity, db: DataSource | EntityManager = this.db): Promise<boolean> {
    if (!user.employeeId) return true;
    return (await selectEmployeeActive(db, user.employeeId)) !== false;
  }

  /** The names the account signs in with (NIP and email): the throttle keys of its password checks. */
  private async usernamesOf(user: UserAccountEntity): Promise<string[]> {
    const nip = user.employeeId ? await selectEmployeeNip(this.db, user.employeeId) : undefined;
    const names = [user.email, nip].filter((n): n is string => typeof n === 'string' && n !== '');
    return names.length ? names : [`account:${user.id}`];
  }
}
