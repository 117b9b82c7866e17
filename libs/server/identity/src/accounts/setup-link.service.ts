import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ErrorCode, type AccountSetupLink, type SetupLinkInfo } from '@kompeten/shared-contracts';
import {
  APP_CONFIG,
  DomainError,
  invalid,
  notFound,
  recordAudit,
  type AppConfig,
  type Principal,
} from '@kompeten/server-core';
import { maskNip } from '@kompeten/shared-util';
import { hashPassword, passwordProblem, type PasswordContext } from '../auth/password';
import { SessionService } from '../auth/session.service';
import { AccountSetupLinkEntity } from '../entities/account-setup-link.entity';
import { UserAccountEntity } from '../entities/user-account.entity';
import { recordAccountEvent } from './account-events';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const gone = () =>
  new DomainError(
    'gone',
    ErrorCode.ACCOUNT_SETUP_LINK_GONE,
    'Tautan ini sudah dipakai, diganti tautan yang lebih baru, atau kedaluwarsa. Mintalah tautan baru kepada pengelola kepegawaian Anda.',
  );
const unknown = () =>
  notFound(
    ErrorCode.ACCOUNT_SETUP_LINK_NOT_FOUND,
    'Tautan pengaturan kata sandi tidak dikenal. Periksa kembali tautan yang Anda terima.',
  );

interface LinkRow {
  id: string;
  user_id: string;
  purpose: 'setup' | 'reset';
  expires_at: Date;
  used_at: Date | null;
  voided_at: Date | null;
  full_name: string | null;
  nip: string | null;
  email: string | null;
  agency_name: string | null;
  agency_id: string | null;
}

/**
 * One-time, expiring links with which an ASN sets their own password: admins never choose or learn it (issue 12).
 * Only a SHA-256 of the token is stored; a new link voids the older ones of the account; using one ends every session.
 */
@Injectable()
export class SetupLinkService {
  constructor(
    @InjectDataSource() @Inject(DataSource) private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(SessionService) private readonly sessions: SessionService,
  ) {}

  /** Issues a link in the caller's transaction, voiding every older unused one of the account. */
  async issue(
    m: EntityManager,
    userId: string,
    purpose: 'setup' | 'reset',
    actor: Principal | null,
  ): Promise<AccountSetupLink> {
    await m.query(
      `UPDATE account_setup_link SET voided_at = now() WHERE user_id = $1 AND used_at IS NULL AND voided_at IS NULL`,
      [userId],
    );
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + this.config.setupLinkTtlSeconds * 1000);
    await m
      .getRepository(AccountSetupLinkEntity)
      .insert({ userId, tokenHash: sha256(token), purpose, createdBy: actor?.userId ?? null, expiresAt });
    await recordAccountEvent(m, actor, userId, 'setup_link_issued', { purpose, expiresAt: expiresAt.toISOString() });
    return { token, url: `${this.config.publicUrl}/atur-kata-sandi/${token}`, expiresAt: expiresAt.toISOString() };
  }

  /** Who a link is for (name and masked NIP only), or 404 unknown / 410 used, replaced or expired. */
  async lookup(token: string): Promise<SetupLinkInfo> {
    const row = await this.find(this.db.manager, token, false);
    return {
      fullName: row.full_name ?? row.email ?? '',
      nipMasked: row.nip ? maskNip(row.nip) : null,
      purpose: row.purpose,
      expiresAt: new Date(row.expires_at).toISOString(),
    };
  }

  /** Sets the password with a link: once. Ends every session of the account and clears its login throttle. */
  async complete(token: string, password: string): Promise<void> {
    // Checked before the transaction so a weak password does not use up the link; the link is re-read under lock below.
    const peek = await this.find(this.db.manager, token, false);
    const problem = passwordProblem(password, this.contextOf(peek));
    if (problem) throw invalid(ErrorCode.AUTH_WEAK_PASSWORD, problem);
    const passwordHash = await hashPassword(password);
    await this.db.transaction(async (m) => {
      const row = await this.find(m, token, true);
      await m.query(`UPDATE account_setup_link SET used_at = now() WHERE id = $1`, [row.id]);
      await m
        .getRepository(UserAccountEntity)
        .update(
          { id: row.user_id },
          { passwordHash, passwordChangedAt: new Date(), failedLoginCount: 0, lockedUntil: null },
        );
      await this.sessions.endUserSessions(m, row.user_id, 'setup-link-used');
      await recordAudit(
        m,
        { userId: row.user_id, correlationId: null },
        {
          action: 'user.setup_link_used',
          entityType: 'user_account',
          entityId: row.user_id,
          agencyId: row.agency_id,
          after: { purpose: row.purpose },
        },
      );
      await recordAccountEvent(
        m,
        { userId: row.user_id, employeeId: null, roles: [], correlationId: null },
        row.user_id,
        'setup_link_used',
        { purpose: row.purpose },
      );
    });
  }

  private contextOf(row: LinkRow): PasswordContext {
    return { nip: row.nip, fullName: row.full_name, agencyName: row.agency_name, email: row.email };
  }

  private async find(m: EntityManager, token: string, lock: boolean): Promise<LinkRow> {
    if (!token || token.length > 200) throw unknown();
    const [row]: LinkRow[] = await m.query(
      `SELECT l.id, l.user_id, l.purpose, l.expires_at, l.used_at, l.voided_at, e.full_name, e.nip, ua.email, a.name AS agency_name, e.agency_id
         FROM account_setup_link l JOIN user_account ua ON ua.id = l.user_id
         LEFT JOIN employee e ON e.id = ua.employee_id LEFT JOIN organisation_agency a ON a.id = e.agency_id
        WHERE l.token_hash = $1 ${lock ? 'FOR UPDATE OF l' : ''}`,
      [sha256(token)],
    );
    if (!row) throw unknown();
    if (row.used_at || row.voided_at || new Date(row.expires_at) <= new Date()) throw gone();
    return row;
  }
}
