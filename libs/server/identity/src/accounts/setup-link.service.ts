import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ErrorCode, OutboxEvent, type AccountSetupLink, type SetupLinkInfo } from '@kompeten/shared-contracts';
import {
  APP_CONFIG,
  DomainError,
  invalid,
  notFound,
  recordAudit,
  type AppConfig,
  type Principal,
  writeOutbox,
} from '@kompeten/server-core';
import { maskNip } from '@kompeten/shared-util';
import { hashPassword, passwordProblem, type PasswordContext } from '../auth/password';
import { SessionService } from '../auth/session.service';
import { AccountSetupLinkEntity } from '../entities/account-setup-link.entity';
import { UserAccountEntity } from '../entities/user-account.entity';
import { recordAccountEvent } from './account-events';
import { markSetupLinkUsed, selectSetupLink, voidOpenSetupLinks, type SetupLinkRow } from './setup-link-store';

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
    await voidOpenSetupLinks(m, userId);
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + this.config.setupLinkTtlSeconds * 1000);
    const { identifiers } = await m
      .getRepository(AccountSetupLinkEntity)
      .insert({ userId, tokenHash: sha256(token), purpose, createdBy: actor?.userId ?? null, expiresAt });
    const setupLinkId = identifiers[0].id as string;
    // The worker emails the link to the person when they have an address (decision 0032); never the token itself.
    await writeOutbox(m, OutboxEvent.SetupLinkIssued, setupLinkId, { setupLinkId });
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
      await markSetupLinkUsed(m, row.id);
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

  private contextOf(row: SetupLinkRow): PasswordContext {
    return { nip: row.nip, fullName: row.full_name, agencyName: row.agency_name, email: row.email };
  }

  private async find(m: EntityManager, token: string, lock: boolean): Promise<SetupLinkRow> {
    if (!token || token.length > 200) throw unknown();
    const row = await selectSetupLink(m, sha256(token), lock);
    if (!row) throw unknown();
    if (row.used_at || row.voided_at || new Date(row.expires_at) <= new Date()) throw gone();
    return row;
  }
}
