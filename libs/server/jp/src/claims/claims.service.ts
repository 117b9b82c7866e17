import { randomUUID } from 'node:crypto';
import { extname } from 'node:path';
import type { Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ErrorCode, OutboxEvent, type JpClaim, type JpClaimStatus, type Page } from '@kompeten/shared-contracts';
import {
  cleanFileName,
  conflict,
  detectMime,
  FILE_STORAGE,
  forbidden,
  invalid,
  MIME,
  notFound,
  readHead,
  recordAudit,
  toPage,
  type FileStorage,
  writeOutbox,
} from '@kompeten/server-core';
import type { AccessScope } from '@kompeten/server-organisation';
import { displayName, localDateOf } from '@kompeten/shared-util';
import type { ClaimQueryDto, CreateClaimDto } from '../dto/jp.dto';
import { findJpEmployee } from '../employee-store';
import { jenisDiklatName, UNIT_LABEL } from '../labels';
import { JpCrediting } from '../ledger/jp-crediting';
import { daysInclusive, quantityLimit } from '../rules/rule-arithmetic';
import { RuleResolver } from '../rules/rule-resolution';
import { canDecideClaim, canSeeClaim, decidableClaimsSql } from './claim-access';
import { activityKey, certificateKey } from './claim-keys';
import {
  findClaim,
  findDuplicateClaim,
  insertClaim,
  isDuplicateClaimError,
  listClaims,
  markRejected,
  markVerified,
  type ClaimRow,
  type DuplicateClaim,
} from './claims-store';

export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;
/** Evidence a verifier can open in the browser: a PDF or a photo/scan. */
const EVIDENCE_TYPES: Record<string, string> = {
  '.pdf': MIME.PDF,
  '.jpg': MIME.JPEG,
  '.jpeg': MIME.JPEG,
  '.png': MIME.PNG,
};
/** A claim covers at most a year of learning. */
const MAX_CLAIM_DAYS = 366;

export interface UploadedEvidence {
  path: string;
  originalname: string;
  size: number;
}

export interface EvidenceFile {
  stream: Readable;
  fileName: string;
  mime: string;
  size: number;
}

const claimNotFound = () => notFound(ErrorCode.JP_CLAIM_NOT_FOUND, 'Klaim tidak ditemukan');

const STATUS_LABEL: Record<JpClaimStatus, string> = {
  pending: 'menunggu verifikasi',
  verified: 'terverifikasi',
  rejected: 'ditolak',
};

function duplicateError(d: DuplicateClaim) {
  return conflict(
    ErrorCode.JP_DUPLICATE_CLAIM,
    d.by === 'certificate'
      ? `Sertifikat dengan nomor ini sudah Anda klaim sebelumnya (status: ${STATUS_LABEL[d.status]})`
      : `Kegiatan dengan penyelenggara, judul dan tanggal yang sama sudah Anda klaim sebelumnya (status: ${STATUS_LABEL[d.status]})`,
    { claimId: d.id, by: d.by },
  );
}

/**
 * Learning done outside Kompeten (issue 16, decision 0022): the ASN claims it with evidence; the verifier named by the
 * agency's rules verifies it — crediting the ledger once, by the rules in force on the end date — or rejects it with a
 * reason. Evidence is checked by content and opened only within scope.
 */
@Injectable()
export class ClaimsService {
  constructor(
    @InjectDataSource() @Inject(DataSource) private readonly db: DataSource,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    @Inject(RuleResolver) private readonly rules: RuleResolver,
    @Inject(JpCrediting) private readonly crediting: JpCrediting,
  ) {}

  private toClaim(scope: AccessScope, r: ClaimRow): JpClaim {
    const subject = {
      id: r.employee_id,
      agencyId: r.employee_agency_id,
      unitPath: r.unit_path,
      supervisorId: r.supervisor_id,
      verifier: r.verifier,
    };
    return {
      id: r.id,
      employeeId: r.employee_id,
      employeeName: displayName(r.full_name, r.front_title, r.back_title),
      nip: r.nip,
      unitName: r.unit_name,
      jenisDiklatId: r.jenis_diklat_id,
      jenisDiklatName: jenisDiklatName(r.jenis_diklat_id),
      title: r.title,
      organiser: r.organiser,
      startDate: r.start_date,
      endDate: r.end_date,
      unit: r.unit,
      quantity: Number(r.quantity),
      deliveryMode: r.delivery_mode,
      competencyKind: r.competency_kind,
      certificateNumber: r.certificate_number,
      evidenceName: r.evidence_name,
      status: r.status,
      verifier: r.verifier,
      decidedAt: r.decided_at ? new Date(r.decided_at).toISOString() : null,
      decisionReason: r.decision_reason,
      creditedJp: r.credited_jp === null ? null : Number(r.credited_jp),
      ledgerLineId: r.ledger_line_id,
      reversed: r.reversed,
      canDecide: r.status === 'pending' && canDecideClaim(scope, subject),
      createdAt: new Date(r.created_at).toISOString(),
    };
  }

  /** The ASN submits a claim with its evidence (`file`: the upload, streamed to a temporary file). */
  async submit(scope: AccessScope, dto: CreateClaimDto, file: UploadedEvidence | undefined): Promise<JpClaim> {
    const employeeId = scope.principal.employeeId;
    const employee = employeeId ? await findJpEmployee(this.db.manager, employeeId) : null;
    if (!employee || !employee.active)
      throw notFound(ErrorCode.JP_NO_EMPLOYEE, 'Hanya ASN yang dapat mengajukan klaim pengembangan kompetensi');
    const today = localDateOf(new Date(), employee.timeZone);
    if (dto.endDate < dto.startDate)
      throw invalid(ErrorCode.JP_INVALID_CLAIM, 'Tanggal selesai tidak boleh sebelum tanggal mulai');
    if (dto.endDate > today)
      throw invalid(ErrorCode.JP_INVALID_CLAIM, `Kegiatan belum selesai: tanggal selesai paling lambat ${today}`);
    if (dto.startDate < '2000-01-01') throw invalid(ErrorCode.JP_INVALID_CLAIM, 'Tanggal mulai paling awal 2000-01-01');
    if (daysInclusive(dto.startDate, dto.endDate) > MAX_CLAIM_DAYS)
      throw invalid(
        ErrorCode.JP_INVALID_CLAIM,
        'Satu klaim mencakup paling lama satu tahun; pisahkan menjadi beberapa klaim',
      );

    const m = this.db.manager;
    const { rule } = await this.rules.resolve(m, employee.agencyId, dto.endDate, dto.jenisDiklatId);
    if (!rule || !rule.enabled)
      throw invalid(
        ErrorCode.JP_FORM_NOT_RECOGNISED,
        `${jenisDiklatName(dto.jenisDiklatId)} tidak diakui sebagai JP oleh ketentuan instansi Anda yang berlaku pada ${dto.endDate}`,
      );
    const limit = quantityLimit(rule.unit, dto.startDate, dto.endDate);
    if (limit !== null && dto.quantity > limit)
      throw invalid(
        ErrorCode.JP_INVALID_CLAIM,
        `Jumlah ${UNIT_LABEL[rule.unit]} (${dto.quantity}) melebihi yang mungkin dalam rentang tanggalnya (paling banyak ${limit})`,
      );
    const certNo = dto.certificateNumber?.trim() || null;
    if (rule.evidence === 'certificate' && !certNo)
      throw invalid(
        ErrorCode.JP_EVIDENCE_REQUIRED,
        `${jenisDiklatName(dto.jenisDiklatId)} memerlukan nomor sertifikat`,
      );
    if (rule.evidence !== 'none' && !file)
      throw invalid(
        ErrorCode.JP_EVIDENCE_REQUIRED,
        `Lampirkan ${rule.evidence === 'certificate' ? 'sertifikat' : 'dokumen bukti'} (PDF, JPG atau PNG) pada kolom formulir "file"`,
      );
    const evidence = file ? await this.checkEvidence(file) : null;
    const keys = {
      certificateKey: certificateKey(certNo),
      activityKey: activityKey(dto.organiser, dto.title, dto.startDate, dto.endDate),
    };
    const duplicate = await findDuplicateClaim(m, employee.id, keys.certificateKey, keys.activityKey);
    if (duplicate) throw duplicateError(duplicate);
    // The verifier is a matter of the agency's workflow today, not of the rules on the day the learning ended.
    const verifier = (await this.rules.ruleSetFor(m, employee.agencyId, today)).claimVerifier;

    const storageKey = evidence ? `jp-claims/${employee.id}/${randomUUID()}${evidence.ext}` : null;
    if (evidence && storageKey) await this.storage.importLocalFile(evidence.path, storageKey);
    try {
      const id = await this.db.transaction((tx) =>
        insertClaim(tx, {
          employeeId: employee.id,
          agencyId: employee.agencyId,
          jenisDiklatId: dto.jenisDiklatId,
          title: dto.title,
          organiser: dto.organiser,
          startDate: dto.startDate,
          endDate: dto.endDate,
          unit: rule.unit,
          quantity: dto.quantity,
          deliveryMode: dto.deliveryMode ?? 'classroom',
          competencyKind: dto.competencyKind ?? null,
          certificateNumber: certNo,
          ...keys,
          evidence:
            evidence && storageKey
              ? { key: storageKey, name: evidence.name, mime: evidence.mime, size: evidence.size }
              : null,
          verifier,
        }),
      );
      return this.toClaim(scope, (await findClaim(m, id)) as ClaimRow);
    } catch (e) {
      if (storageKey) await this.storage.remove(storageKey).catch(() => undefined);
      if (isDuplicateClaimError(e)) {
        const raced = await findDuplicateClaim(m, employee.id, keys.certificateKey, keys.activityKey);
        if (raced) throw duplicateError(raced);
      }
      throw e;
    }
  }

  /** PDF, JPEG or PNG by its first bytes, and a name that says the same. */
  private async checkEvidence(file: UploadedEvidence) {
    const name = cleanFileName(file.originalname);
    const ext = extname(name).toLowerCase();
    const expected = EVIDENCE_TYPES[ext];
    if (!expected) throw invalid(ErrorCode.JP_BAD_EVIDENCE, 'Bukti harus berkas PDF, JPG atau PNG');
    if (file.size === 0) throw invalid(ErrorCode.JP_BAD_EVIDENCE, 'Berkas bukti kosong');
    if (detectMime(await readHead(file.path), name) !== expected)
      throw invalid(
        ErrorCode.JP_BAD_EVIDENCE,
        `Isi berkas tidak sesuai dengan jenisnya (${ext}): unggah PDF, JPG atau PNG yang asli`,
      );
    return { path: file.path, name, ext, mime: expected, size: file.size };
  }

  /** The caller's own claims, newest first. */
  async mine(scope: AccessScope, q: ClaimQueryDto): Promise<Page<JpClaim>> {
    const employeeId = scope.principal.employeeId;
    if (!employeeId) throw notFound(ErrorCode.JP_NO_EMPLOYEE, 'Akun ini tidak memiliki data ASN');
    const { total, rows } = await listClaims(this.db.manager, 'c.employee_id = $1', [employeeId], q.status ?? null, {
      limit: q.pageSize,
      offset: (q.page - 1) * q.pageSize,
    });
    return toPage(
      rows.map((r) => this.toClaim(scope, r)),
      total,
      q,
    );
  }

  /** Claims the caller may decide (pending ones oldest first; decided ones newest first). */
  async queue(scope: AccessScope, q: ClaimQueryDto): Promise<Page<JpClaim>> {
    const params: unknown[] = [];
    const where = decidableClaimsSql(scope, params);
    const { total, rows } = await listClaims(this.db.manager, where, params, q.status ?? 'pending', {
      limit: q.pageSize,
      offset: (q.page - 1) * q.pageSize,
    });
    return toPage(
      rows.map((r) => this.toClaim(scope, r)),
      total,
      q,
    );
  }

  private visible(scope: AccessScope, row: ClaimRow | null): ClaimRow {
    if (
      !row ||
      !canSeeClaim(scope, {
        id: row.employee_id,
        agencyId: row.employee_agency_id,
        unitPath: row.unit_path,
        supervisorId: row.supervisor_id,
      })
    )
      throw claimNotFound();
    return row;
  }

  async get(scope: AccessScope, id: string): Promise<JpClaim> {
    return this.toClaim(scope, this.visible(scope, await findClaim(this.db.manager, id)));
  }

  async openEvidence(scope: AccessScope, id: string): Promise<EvidenceFile> {
    const row = this.visible(scope, await findClaim(this.db.manager, id));
    const gone = () => notFound(ErrorCode.JP_EVIDENCE_NOT_FOUND, 'Klaim ini tidak memiliki berkas bukti');
    if (!row.evidence_key) throw gone();
    try {
      return {
        stream: await this.storage.read(row.evidence_key),
        fileName: row.evidence_name ?? 'bukti',
        mime: row.evidence_mime ?? 'application/octet-stream',
        size: await this.storage.size(row.evidence_key),
      };
    } catch {
      throw gone();
    }
  }

  /**
   * Verify (credit the ledger by the rules in force on the end date) or reject (with a reason). Repeating the same
   * decision answers the claim as it is; the opposite decision on a decided claim is a 409.
   */
  async decide(
    scope: AccessScope,
    id: string,
    decision: 'verify' | 'reject',
    reason: string | undefined,
  ): Promise<JpClaim> {
    const why = reason?.trim() ?? '';
    if (decision === 'reject' && why.length < 3)
      throw invalid(
        ErrorCode.JP_INVALID_CLAIM,
        'Tuliskan alasan penolakan (minimal 3 karakter) agar ASN tahu apa yang kurang',
      );
    const done = await this.db.transaction(async (m) => {
      const row = this.visible(scope, await findClaim(m, id, true));
      if (row.employee_id === scope.principal.employeeId)
        throw forbidden(ErrorCode.JP_OWN_CLAIM, 'Klaim sendiri tidak dapat diverifikasi atau ditolak sendiri');
      const subject = {
        id: row.employee_id,
        agencyId: row.employee_agency_id,
        unitPath: row.unit_path,
        supervisorId: row.supervisor_id,
        verifier: row.verifier,
      };
      if (!canDecideClaim(scope, subject))
        throw forbidden(
          ErrorCode.AUTH_FORBIDDEN,
          row.verifier === 'supervisor'
            ? 'Klaim ini diverifikasi oleh atasan langsung ASN'
            : 'Klaim ini diverifikasi oleh pengelola kepegawaian unit ASN',
        );
      const wanted: JpClaimStatus = decision === 'verify' ? 'verified' : 'rejected';
      if (row.status === wanted) return row;
      if (row.status !== 'pending')
        throw conflict(ErrorCode.JP_CLAIM_DECIDED, `Klaim ini sudah ${STATUS_LABEL[row.status]}`);
      const actor = { userId: scope.principal.userId, correlationId: scope.principal.correlationId };
      if (decision === 'verify') {
        const credit = await this.crediting.credit(m, {
          employeeId: row.employee_id,
          agencyId: row.employee_agency_id,
          occurredOn: row.end_date,
          jenisDiklatId: row.jenis_diklat_id,
          competencyKind: row.competency_kind,
          sourceType: 'external_claim',
          sourceId: row.id,
          title: row.title,
          organiser: row.organiser,
          basis: {
            basis: 'quantity',
            unit: row.unit,
            quantity: Number(row.quantity),
            deliveryMode: row.delivery_mode,
          },
          recordedBy: scope.principal.userId,
        });
        await markVerified(m, row.id, {
          decidedBy: scope.principal.userId,
          ledgerLineId: credit.lineId,
          creditedJp: credit.jp,
        });
        await recordAudit(m, actor, {
          action: 'jp_claim.verify',
          entityType: 'jp_claim',
          entityId: row.id,
          agencyId: row.employee_agency_id,
          before: { status: row.status },
          after: { status: 'verified', ledgerLineId: credit.lineId, creditedJp: credit.jp },
        });
      } else {
        await markRejected(m, row.id, { decidedBy: scope.principal.userId, reason: why });
        await recordAudit(m, actor, {
          action: 'jp_claim.reject',
          entityType: 'jp_claim',
          entityId: row.id,
          agencyId: row.employee_agency_id,
          before: { status: row.status },
          after: { status: 'rejected', reason: why },
        });
      }
      // The claimant is told by the worker (notifications); a claim is decided once, so the claim is the aggregate.
      await writeOutbox(m, OutboxEvent.JpClaimDecided, row.id, { claimId: row.id });
      return (await findClaim(m, row.id)) as ClaimRow;
    });
    return this.toClaim(scope, done);
  }
}
