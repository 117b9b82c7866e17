import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { ErrorCode, OutboxEvent, type CertificateSummary, type Page } from '@kompeten/shared-contracts';
import {
  APP_CONFIG,
  conflict,
  forbidden,
  notFound,
  recordAudit,
  writeOutbox,
  type AppConfig,
} from '@kompeten/server-core';
import type { AccessScope } from '@kompeten/server-organisation';
import { CERTIFICATE_SIGNER } from '../certificate-core.module';
import {
  keyDocumentUrl,
  openBadgeCredential,
  signCredential,
  type Credential,
} from '../credentials/open-badge-credential';
import type { CertificateQueryDto } from '../dto/certificate.dto';
import { CertificateIssuing } from '../issuing/certificate-issuing';
import {
  ensureKey,
  findCertificate,
  findValidCertificateOf,
  revokeCertificate,
  type CertificateRow,
} from '../issuing/certificate-store';
import { CLASS_COMPLETION_SOURCE, ClassCompletionCertificate } from '../issuing/class-completion-certificate';
import { COURSE_COMPLETION_SOURCE, CourseCompletionCertificate } from '../issuing/course-completion-certificate';
import type { CertificateSigner } from '../signing/certificate-signer';
import { isReplaced, listCertificates, lockCertificate } from './certificate-list-store';
import { fileNameOf, toSummary } from './certificate-mapper';

const NOT_FOUND = () => notFound(ErrorCode.CERTIFICATE_NOT_FOUND, 'Sertifikat tidak ditemukan');

/**
 * The learner's and the admins' certificates (issue 17): lists, the PDF and the Verifiable Credential, revoke and
 * re-issue. A learner sees their own; an admin those their agencies issued (a province admin its regencies' too).
 */
@Injectable()
export class CertificatesService {
  constructor(
    @InjectDataSource() @Inject(DataSource) private readonly db: DataSource,
    @Inject(CertificateIssuing) private readonly issuing: CertificateIssuing,
    @Inject(CourseCompletionCertificate) private readonly completions: CourseCompletionCertificate,
    @Inject(ClassCompletionCertificate) private readonly classCompletions: ClassCompletionCertificate,
    @Inject(CERTIFICATE_SIGNER) private readonly signer: CertificateSigner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async mine(scope: AccessScope, q: { page: number; pageSize: number }): Promise<Page<CertificateSummary>> {
    const employeeId = scope.principal.employeeId;
    if (!employeeId) return { items: [], total: 0, page: q.page, pageSize: q.pageSize };
    const { rows, total } = await listCertificates(this.db.manager, { agencyIds: null, employeeId, ...q });
    return { items: rows.map((r) => toSummary(r)), total, page: q.page, pageSize: q.pageSize };
  }

  async list(scope: AccessScope, q: CertificateQueryDto): Promise<Page<CertificateSummary>> {
    if (!scope.global && scope.adminAgencyIds.size === 0)
      throw forbidden(ErrorCode.CERTIFICATE_NOT_ADMIN, 'Hanya admin instansi yang dapat melihat daftar sertifikat');
    if (q.agencyId && !scope.canAdministerAgency(q.agencyId))
      throw forbidden(ErrorCode.CERTIFICATE_NOT_ADMIN, 'Anda tidak mengelola sertifikat instansi ini');
    const { rows, total } = await listCertificates(this.db.manager, {
      agencyIds: scope.global ? null : [...scope.adminAgencyIds],
      agencyId: q.agencyId,
      courseId: q.courseId,
      from: q.from,
      to: q.to,
      status: q.status,
      q: q.q,
      page: q.page,
      pageSize: q.pageSize,
    });
    return { items: rows.map((r) => toSummary(r)), total, page: q.page, pageSize: q.pageSize };
  }

  /** A certificate its holder or an admin of its agency may see; 404 for anyone else (its existence stays private). */
  private async readable(m: EntityManager, scope: AccessScope, id: string): Promise<CertificateRow> {
    const row = await findCertificate(m, id);
    if (!row) throw NOT_FOUND();
    if (row.employeeId === scope.principal.employeeId || scope.canAdministerAgency(row.agencyId)) return row;
    throw NOT_FOUND();
  }

  async get(scope: AccessScope, id: string): Promise<CertificateSummary> {
    return toSummary(await this.readable(this.db.manager, scope, id));
  }

  async pdf(scope: AccessScope, id: string): Promise<{ bytes: Buffer; fileName: string }> {
    const row = await this.readable(this.db.manager, scope, id);
    return { bytes: await this.issuing.pdfOf(this.db.manager, row), fileName: fileNameOf(row.number, 'pdf') };
  }

  /** The OpenBadgeCredential, signed now with the deployment's key; the key is kept so its document is published. */
  async credential(scope: AccessScope, id: string): Promise<{ credential: Credential; fileName: string }> {
    const row = await this.readable(this.db.manager, scope, id);
    await ensureKey(this.db.manager, {
      keyId: this.signer.keyId,
      algorithm: this.signer.algorithm,
      publicKeyPem: this.signer.publicKeyPem(),
    });
    const credential = await signCredential(
      openBadgeCredential({ ...row, issuedAt: new Date(row.issuedAt) }, this.config.publicUrl),
      this.signer,
      keyDocumentUrl(this.config.publicUrl, this.signer.keyId),
      new Date(row.issuedAt),
    );
    return { credential, fileName: fileNameOf(row.number, 'json') };
  }

  private async administered(m: EntityManager, scope: AccessScope, id: string): Promise<CertificateRow> {
    await lockCertificate(m, id);
    const row = await findCertificate(m, id);
    if (!row || (!scope.canAdministerAgency(row.agencyId) && row.employeeId !== scope.principal.employeeId))
      throw NOT_FOUND();
    if (!scope.canAdministerAgency(row.agencyId))
      throw forbidden(ErrorCode.CERTIFICATE_NOT_ADMIN, 'Hanya admin instansi penerbit yang dapat mencabut sertifikat');
    return row;
  }

  async revoke(scope: AccessScope, id: string, reason: string): Promise<CertificateSummary> {
    return this.db.transaction(async (m) => {
      const row = await this.administered(m, scope, id);
      if (row.status === 'revoked')
        throw conflict(ErrorCode.CERTIFICATE_ALREADY_REVOKED, 'Sertifikat ini sudah dicabut');
      await revokeCertificate(m, id, reason);
      await recordAudit(m, scope.principal, {
        action: 'certificate.revoke',
        entityType: 'certificate',
        entityId: id,
        agencyId: row.agencyId,
        before: { number: row.number, status: 'valid' },
        after: { number: row.number, status: 'revoked', reason },
      });
      return toSummary((await findCertificate(m, id)) as CertificateRow);
    });
  }

  /**
   * Revokes (when still valid) and issues the replacement from the completion as it reads now (corrected name,
   * template), with a new number; the old number stays revoked. A certificate already replaced is 409.
   */
  async reissue(scope: AccessScope, id: string, reason: string): Promise<CertificateSummary> {
    const created = await this.db.transaction(async (m) => {
      const row = await this.administered(m, scope, id);
      if (await isReplaced(m, id))
        throw conflict(ErrorCode.CERTIFICATE_CANNOT_REISSUE, 'Sertifikat ini sudah diterbitkan ulang');
      const input =
        row.sourceType === COURSE_COMPLETION_SOURCE
          ? await this.completions.inputFor(m, row.sourceId)
          : row.sourceType === CLASS_COMPLETION_SOURCE
            ? await this.classCompletions.inputFor(m, row.sourceId)
            : null;
      if (!input || typeof input === 'string')
        throw conflict(ErrorCode.CERTIFICATE_CANNOT_REISSUE, 'Data penyelesaian pelatihan ini tidak lagi tersedia');
      if (row.status === 'valid') {
        await revokeCertificate(m, id, reason);
      } else if (await findValidCertificateOf(m, row.sourceType, row.sourceId)) {
        throw conflict(ErrorCode.CERTIFICATE_CANNOT_REISSUE, 'Penyelesaian ini sudah memiliki sertifikat yang sah');
      }
      const issued = await this.issuing.issue(m, input, id);
      await writeOutbox(m, OutboxEvent.CertificateIssued, issued.id, { certificateId: issued.id });
      await recordAudit(m, scope.principal, {
        action: 'certificate.reissue',
        entityType: 'certificate',
        entityId: issued.id,
        agencyId: row.agencyId,
        before: { number: row.number, status: row.status },
        after: { number: issued.number, replaces: row.number, reason },
      });
      return issued.id;
    });
    return toSummary((await findCertificate(this.db.manager, created)) as CertificateRow);
  }
}
