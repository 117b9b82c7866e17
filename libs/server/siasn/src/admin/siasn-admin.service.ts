import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  ErrorCode,
  type Page,
  type SiasnConnectionTest,
  type SiasnCredentialsView,
  type SiasnOfficialIpAsn,
  type SiasnPushCounts,
  type SiasnPushItem,
  type SiasnReconciliationReport,
  type SiasnReconciliationRun,
  type SiasnDocumentStatus,
} from '@kompeten/shared-contracts';
import { conflict, forbidden, invalid, notFound, recordAudit, toPage, type PageQueryDto } from '@kompeten/server-core';
import { findEmployeeAccessRef } from '@kompeten/server-identity';
import { agencyExists, agencySiasnFacts, type AccessScope } from '@kompeten/server-organisation';
import { findCredential, saveCredential } from '../credentials/credentials-store';
import { findIpAsn, saveIpAsn } from '../ip-asn-store';
import { SiasnConnections, secretContext } from '../platform/siasn-connections';
import { SiasnPushes } from '../platform/siasn-pushes';
import { pushCounts, refreshInstansiId, requeueAgency, requeuePush } from '../push/push-store';
import {
  latestFinishedRun,
  latestRun,
  requestRun,
  runItems,
  type RunRow,
} from '../reconciliation/reconciliation-store';
import { documentCounts, listPushes, pushAgencyId } from './admin-store';
import type { PushListQueryDto, SaveCredentialsDto } from './siasn-admin.dto';

const actor = (scope: AccessScope) => ({
  userId: scope.principal.userId,
  correlationId: scope.principal.correlationId,
});

/** How long a resend waits for its immediate attempt before answering. */
const RESEND_WAIT_MS = 8_000;

const toRun = (r: RunRow): SiasnReconciliationRun => ({
  id: r.id,
  agencyId: r.agencyId,
  status: r.status,
  requestedAt: new Date(r.requestedAt).toISOString(),
  finishedAt: r.finishedAt ? new Date(r.finishedAt).toISOString() : null,
  checked: r.checked,
  differences: r.differences,
  error: r.error,
});

/** The headline number of SIASN's IP ASN answer, under whichever name it comes. */
function ipAsnTotal(score: Record<string, unknown> | null): number | null {
  if (!score) return null;
  for (const k of ['nilaiIpAsn', 'ipAsn', 'nilai', 'total', 'totalScore']) {
    const v = Number(score[k]);
    if (score[k] !== undefined && score[k] !== null && Number.isFinite(v)) return v;
  }
  return null;
}

/**
 * The SIASN admin page's API (issue 17): everything is per agency and only for that agency's admins (a province admin
 * administers its regencies) or a platform admin; every push id is checked to belong to the agency in the path.
 */
@Injectable()
export class SiasnAdminService {
  constructor(
    @InjectDataSource() @Inject(DataSource) private readonly db: DataSource,
    @Inject(SiasnConnections) private readonly connections: SiasnConnections,
    @Inject(SiasnPushes) private readonly pushes: SiasnPushes,
  ) {}

  /** 404 for an agency the caller cannot see at all, 403 for one it may see but not administer. */
  private async administer(scope: AccessScope, agencyId: string): Promise<void> {
    if (scope.canAdministerAgency(agencyId) && (await agencyExists(this.db.manager, agencyId))) return;
    if (scope.canReadAgency(agencyId))
      throw forbidden(ErrorCode.AUTH_FORBIDDEN, 'Hanya admin instansi ini yang dapat mengelola pengiriman SIASN-nya');
    throw notFound(ErrorCode.NOT_FOUND, 'Instansi tidak ditemukan');
  }

  async summary(
    scope: AccessScope,
    agencyId: string,
  ): Promise<{ counts: SiasnPushCounts; documents: Record<SiasnDocumentStatus, number> }> {
    await this.administer(scope, agencyId);
    const m = this.db.manager;
    return { counts: await pushCounts(m, agencyId), documents: await documentCounts(m, agencyId) };
  }

  async list(scope: AccessScope, agencyId: string, q: PushListQueryDto): Promise<Page<SiasnPushItem>> {
    await this.administer(scope, agencyId);
    const { rows, total } = await listPushes(this.db.manager, agencyId, {
      status: q.status ?? null,
      search: q.q?.trim() || null,
      limit: q.pageSize,
      offset: (q.page - 1) * q.pageSize,
    });
    const items: SiasnPushItem[] = rows.map((r) => ({
      id: r.id,
      employeeId: r.employeeId,
      nip: r.nip,
      name: r.personName,
      course: r.completion.title,
      certificateNumber: r.completion.certificateNumber,
      jp: r.completion.jp,
      status: r.status,
      attempts: r.attempts,
      lastError: r.lastError,
      siasnRecordId: r.siasnRecordId,
      documentStatus: r.documentStatus,
      documentError: r.documentError,
      createdAt: new Date(r.createdAt).toISOString(),
      acknowledgedAt: r.acknowledgedAt ? new Date(r.acknowledgedAt).toISOString() : null,
    }));
    return toPage(items, total, q);
  }

  /** Sends one parked or failed push (or its document) again, now. Resending twice delivers once. */
  async resend(scope: AccessScope, agencyId: string, pushId: string): Promise<{ requeued: boolean; status: string }> {
    await this.administer(scope, agencyId);
    const m = this.db.manager;
    if ((await pushAgencyId(m, pushId)) !== agencyId)
      throw notFound(ErrorCode.SIASN_PUSH_NOT_FOUND, 'Pengiriman SIASN tidak ditemukan di instansi ini');
    await this.refreshInstansi(agencyId);
    const requeued = await this.db.transaction(async (t) => {
      const done = await requeuePush(t, pushId);
      if (done)
        await recordAudit(t, actor(scope), {
          action: 'siasn_push.resend',
          entityType: 'siasn_push',
          entityId: pushId,
          agencyId,
          after: { pushId },
        });
      return done;
    });
    if (!requeued)
      throw conflict(
        ErrorCode.SIASN_PUSH_NOT_RESENDABLE,
        'Hanya pengiriman yang tertahan atau gagal yang dapat dikirim ulang',
      );
    // One attempt right away, answered within RESEND_WAIT_MS: a slow SIASN keeps the attempt going (it holds the
    // push's lease) and the page shows its outcome later; the sweep retries whatever it leaves.
    const attempt = this.pushes
      .deliverNow(pushId)
      .then(async (o) => (o.push === 'skipped' ? (await this.pushes.delivery.deliverDocument(pushId), o.push) : o.push))
      .catch(() => 'retry');
    const status = await Promise.race([
      attempt,
      new Promise<string>((resolve) => setTimeout(() => resolve('pending'), RESEND_WAIT_MS).unref()),
    ]);
    return { requeued, status };
  }

  /** Every parked and failed push of the agency goes again (the sweep delivers them within seconds). */
  async resendAll(scope: AccessScope, agencyId: string): Promise<{ requeued: number }> {
    await this.administer(scope, agencyId);
    await this.refreshInstansi(agencyId);
    const requeued = await this.db.transaction(async (t) => {
      const n = await requeueAgency(t, agencyId);
      if (n)
        await recordAudit(t, actor(scope), {
          action: 'siasn_push.resend',
          entityType: 'siasn_push',
          entityId: null,
          agencyId,
          after: { count: n },
        });
      return n;
    });
    return { requeued };
  }

  private async refreshInstansi(agencyId: string): Promise<void> {
    const facts = await agencySiasnFacts(this.db.manager, agencyId);
    if (facts?.siasnInstansiId) await refreshInstansiId(this.db.manager, agencyId, facts.siasnInstansiId);
  }

  // ---- credentials ---------------------------------------------------------------------------------------

  async credentials(scope: AccessScope, agencyId: string, m = this.db.manager): Promise<SiasnCredentialsView> {
    await this.administer(scope, agencyId);
    const row = await findCredential(m, agencyId);
    const facts = await agencySiasnFacts(m, agencyId);
    return {
      agencyId,
      source: row?.enabled ? 'agency' : this.connections.installDefault ? 'install_default' : 'none',
      stored: row
        ? {
            baseUrl: row.baseUrl,
            apimTokenUrl: row.apimTokenUrl,
            ssoTokenUrl: row.ssoTokenUrl,
            ssoClientId: row.ssoClientId,
            ssoUsername: row.ssoUsername,
            apimKeySet: !!row.apimKeyEnc,
            apimSecretSet: !!row.apimSecretEnc,
            ssoPasswordSet: !!row.ssoPasswordEnc,
            enabled: row.enabled,
            updatedAt: new Date(row.updatedAt).toISOString(),
          }
        : null,
      canStore: this.connections.box !== null,
      instansiId: facts?.siasnInstansiId ?? null,
    };
  }

  /**
   * Stores the agency's credentials, the secrets sealed with AES-256-GCM. A secret left empty keeps the stored one
   * (the form never shows secrets), so changing a URL does not need the password again.
   */
  async saveCredentials(scope: AccessScope, agencyId: string, dto: SaveCredentialsDto): Promise<SiasnCredentialsView> {
    await this.administer(scope, agencyId);
    const box = this.connections.box;
    if (!box)
      throw conflict(
        ErrorCode.SIASN_CREDENTIALS_KEY_MISSING,
        'SIASN_CREDENTIALS_KEY belum diatur di server, sehingga kredensial SIASN instansi tidak dapat disimpan',
      );
    const m = this.db.manager;
    const old = await findCredential(m, agencyId);
    const secret = (field: 'apimKey' | 'apimSecret' | 'ssoPassword', given: string | undefined, stored?: string) => {
      if (given) return box.seal(given, secretContext(agencyId, field));
      if (stored) return stored;
      throw invalid(ErrorCode.SIASN_INVALID_CREDENTIALS, `${field} wajib diisi untuk kredensial baru`);
    };
    // The same rules as the SIASN_* variables, said in the form's words.
    const problems: string[] = [];
    const url = (v: string) => /^https?:\/\/\S+$/.test(v.trim());
    if (!url(dto.baseUrl) || !dto.baseUrl.trim().replace(/\/+$/, '').endsWith('/apisiasn/1.0'))
      problems.push('URL dasar harus alamat http(s) yang berakhir dengan /apisiasn/1.0');
    if (!url(dto.apimTokenUrl)) problems.push('URL token gateway harus alamat http(s)');
    if (!url(dto.ssoTokenUrl)) problems.push('URL token SSO harus alamat http(s)');
    if (problems.length) throw invalid(ErrorCode.SIASN_INVALID_CREDENTIALS, problems.join('; '));
    const before = await this.credentials(scope, agencyId);
    await this.db.transaction(async (t) => {
      await saveCredential(t, {
        agencyId,
        baseUrl: dto.baseUrl.trim().replace(/\/+$/, ''),
        apimTokenUrl: dto.apimTokenUrl.trim(),
        ssoTokenUrl: dto.ssoTokenUrl.trim(),
        ssoClientId: dto.ssoClientId.trim(),
        ssoUsername: dto.ssoUsername.trim(),
        apimKeyEnc: secret('apimKey', dto.apimKey, old?.apimKeyEnc),
        apimSecretEnc: secret('apimSecret', dto.apimSecret, old?.apimSecretEnc),
        ssoPasswordEnc: secret('ssoPassword', dto.ssoPassword, old?.ssoPasswordEnc),
        enabled: dto.enabled ?? true,
        updatedBy: scope.principal.userId ?? null,
      });
      // Never a secret in the log: only the URLs, names and whether each secret is set.
      const { stored } = await this.credentials(scope, agencyId, t);
      await recordAudit(t, actor(scope), {
        action: 'siasn_credential.update',
        entityType: 'siasn_credential',
        entityId: agencyId,
        agencyId,
        before: before.stored,
        after: stored,
      });
    });
    return this.credentials(scope, agencyId);
  }

  /** Fetches both tokens with the connection the agency's pushes would use, and says what happened. */
  async testConnection(scope: AccessScope, agencyId: string): Promise<SiasnConnectionTest> {
    await this.administer(scope, agencyId);
    let connection;
    try {
      connection = (await this.connections.resolve(this.db.manager, agencyId)).connection;
    } catch (e) {
      return { ok: false, message: (e as Error).message, gatewayToken: false, ssoToken: false };
    }
    if (!connection)
      return {
        ok: false,
        message: 'SIASN belum dikonfigurasi untuk instansi ini',
        gatewayToken: false,
        ssoToken: false,
      };
    const probe = await this.connections.clientOf(connection, { fresh: true }).testTokens();
    const ok = !probe.gateway && !probe.sso;
    const parts = [
      probe.gateway ? `Token gateway (APIM) gagal: ${probe.gateway}` : 'Token gateway (APIM) berhasil diambil',
      probe.sso ? `Token SSO gagal: ${probe.sso}` : 'Token SSO berhasil diambil',
    ];
    return { ok, message: `${parts.join('. ')}.`, gatewayToken: !probe.gateway, ssoToken: !probe.sso };
  }

  // ---- reconciliation --------------------------------------------------------------------------------------

  async report(scope: AccessScope, agencyId: string, q: PageQueryDto): Promise<SiasnReconciliationReport> {
    await this.administer(scope, agencyId);
    const m = this.db.manager;
    const latest = await latestRun(m, agencyId);
    const finished = await latestFinishedRun(m, agencyId);
    const items = finished ? await runItems(m, finished.id, q.pageSize, (q.page - 1) * q.pageSize) : [];
    return {
      ...toPage(items, finished?.differences ?? 0, q),
      run: finished ? toRun(finished) : null,
      open: latest && (latest.status === 'requested' || latest.status === 'running') ? toRun(latest) : null,
    };
  }

  /** Requests a run now (the worker's sweep runs it within seconds); an open one is answered as it is. */
  async requestReconciliation(scope: AccessScope, agencyId: string): Promise<SiasnReconciliationRun> {
    await this.administer(scope, agencyId);
    const { run } = await requestRun(this.db.manager, agencyId, scope.principal.userId ?? null);
    return toRun(run);
  }

  // ---- official IP ASN ----------------------------------------------------------------------------------

  /** The ASN themself, their supervisor, HR officers and admins of their unit or agency (as the IP ASN view); else 404. */
  private async readableEmployee(scope: AccessScope, employeeId: string) {
    const e = await findEmployeeAccessRef(this.db.manager, employeeId);
    if (!e || !scope.canReadEmployee(e)) throw notFound(ErrorCode.NOT_FOUND, 'ASN tidak ditemukan');
    return e;
  }

  async officialIpAsn(scope: AccessScope, employeeId: string): Promise<SiasnOfficialIpAsn> {
    await this.readableEmployee(scope, employeeId);
    const row = await findIpAsn(this.db.manager, employeeId);
    return {
      employeeId,
      score: row?.score ?? null,
      total: ipAsnTotal(row?.score ?? null),
      fetchedAt: row && (row.score || !row.error) ? new Date(row.fetchedAt).toISOString() : null,
      error: row?.error ?? null,
    };
  }

  /** Reads the official IP ASN from SIASN now and keeps it with the time it was read. */
  async refreshIpAsn(scope: AccessScope, employeeId: string): Promise<SiasnOfficialIpAsn> {
    const e = await this.readableEmployee(scope, employeeId);
    const m = this.db.manager;
    const nip = e.nip;
    let score: Record<string, unknown> | null = null;
    let error: string | null = null;
    try {
      const client = await this.connections.clientFor(m, e.agencyId);
      if (!client) error = 'SIASN belum dikonfigurasi untuk instansi ini';
      else score = await client.officialIpAsn(nip);
    } catch (err) {
      error = (err as Error).message;
    }
    await saveIpAsn(m, { employeeId, nip, score, error });
    return this.officialIpAsn(scope, employeeId);
  }
}
