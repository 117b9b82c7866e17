import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  ErrorCode,
  type Page,
  type PasswordResetRequest,
  type PasswordResetRequestAccepted,
  type ResetAccountResponse,
} from '@kompeten/shared-contracts';
import { DomainError, notFound, toPage, type PageQueryDto } from '@kompeten/server-core';
import type { AccessScope } from '@kompeten/server-organisation';
import { displayName } from '@kompeten/shared-util';
import { AccountService } from '../roles/account.service';
import { recordAccountEvent } from './account-events';
import {
  findAccountByIdentifier,
  insertPendingRequest,
  listPendingRequests,
  selectPendingRequest,
} from './reset-request-store';

/** Said for every request, matched or not: who may or may not have an account is never revealed. */
export const RESET_REQUEST_ANSWER =
  'Jika NIP atau email tersebut terdaftar, permintaan Anda sudah dicatat. Pengelola kepegawaian instansi Anda akan memberikan tautan sekali pakai untuk mengatur kata sandi baru.';

/**
 * "Lupa kata sandi" without email (issue 15, decision 0024): the ASN asks from the login page with their NIP or login
 * email; the HR officers who manage them see the request and issue the existing one-time setup link (a reset).
 */
@Injectable()
export class ResetRequestService {
  constructor(
    @InjectDataSource() @Inject(DataSource) private readonly db: DataSource,
    @Inject(AccountService) private readonly accounts: AccountService,
  ) {}

  /**
   * Records a request for the account the identifier names, at most one pending per account (a repeat changes
   * nothing), and answers the same text either way. The per-client request budget (decision 0010) bounds the traffic.
   */
  async request(identifier: string): Promise<PasswordResetRequestAccepted> {
    const normalised = identifier.trim().replace(/\s+/g, '');
    await this.db.transaction(async (m) => {
      const userId = await findAccountByIdentifier(m, normalised);
      if (!userId) return;
      if (await insertPendingRequest(m, userId))
        await recordAccountEvent(m, null, userId, 'reset_requested', {
          via: /^\d{18}$/.test(normalised) ? 'nip' : 'email',
        });
    });
    return { message: RESET_REQUEST_ANSWER };
  }

  /** Pending requests of the ASN whose accounts the caller manages (admins of their agency, HR officers of their unit). */
  async listPending(scope: AccessScope, q: PageQueryDto): Promise<Page<PasswordResetRequest>> {
    const { total, rows } = await listPendingRequests(this.db.manager, scope, {
      limit: q.pageSize,
      offset: (q.page - 1) * q.pageSize,
    });
    return toPage(
      rows.map((r) => ({
        id: r.id,
        employeeId: r.employee_id,
        name: displayName(r.full_name, r.front_title, r.back_title),
        nip: r.nip,
        agencyName: r.agency_name,
        unitName: r.unit_name,
        requestedAt: new Date(r.created_at).toISOString(),
      })),
      total,
      q,
    );
  }

  /**
   * Issues the one-time setup link for a pending request: the same reset as from the employee page (its scope and
   * rank checks, its audit), which also resolves the request. Unknown, resolved or out-of-scope requests are 404.
   */
  async issueLink(scope: AccessScope, id: string): Promise<ResetAccountResponse> {
    const request = await selectPendingRequest(this.db.manager, id);
    const notHere = () =>
      notFound(ErrorCode.ACCOUNT_RESET_REQUEST_NOT_FOUND, 'Permintaan atur ulang kata sandi tidak ditemukan');
    if (!request) throw notHere();
    try {
      return await this.accounts.reset(scope, request.employee_id);
    } catch (err) {
      // Not an ASN the caller manages: the request does not exist for them (404), never a hint that it does. A rank
      // refusal (the account holds a role at or above the caller's) stays a 403 with its reason.
      if (err instanceof DomainError && (err.kind === 'not_found' || err.code === ErrorCode.AUTH_FORBIDDEN))
        throw notHere();
      throw err;
    }
  }
}
