import { readFile } from 'node:fs/promises';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PDFDocument } from 'pdf-lib';
import { DataSource, type EntityManager } from 'typeorm';
import {
  ErrorCode,
  type CertificateLogoUploaded,
  type CertificateTemplate,
  type CertificateTemplateFields,
} from '@kompeten/shared-contracts';
import { APP_CONFIG, forbidden, invalid, notFound, recordAudit, type AppConfig } from '@kompeten/server-core';
import { findAgencyFacts, type AccessScope, type AgencyFacts } from '@kompeten/server-organisation';
import { localDateOf } from '@kompeten/shared-util';
import { templateParts } from '../issuing/course-completion-certificate';
import { formatCertificateNumber } from '../numbering/certificate-number';
import { lastSequence } from '../numbering/sequence-store';
import { renderCertificatePdf } from '../rendering/render-certificate';
import { defaultTemplate, templateProblems, type TemplateFields } from './template-rules';
import { findLogo, findTemplate, logoTypeOf, renderOptionsOf, saveTemplate, storeLogo } from './template-store';

export const MAX_LOGO_BYTES = 512 * 1024;

/** An agency's certificate template (issue 17): read, save, upload its logo, and preview a draft as a PDF. */
@Injectable()
export class TemplatesService {
  constructor(
    @InjectDataSource() @Inject(DataSource) private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The agency, when the caller administers it (its admin, a province admin above it, or a platform admin). */
  private async agency(m: EntityManager, scope: AccessScope, agencyId: string): Promise<AgencyFacts> {
    const agency = await findAgencyFacts(m, agencyId);
    if (!agency) throw notFound(ErrorCode.CERTIFICATE_AGENCY_NOT_FOUND, 'Instansi tidak ditemukan');
    if (!scope.canAdministerAgency(agencyId))
      throw forbidden(ErrorCode.CERTIFICATE_NOT_ADMIN, 'Anda tidak mengelola templat sertifikat instansi ini');
    return agency;
  }

  private async nextNumber(m: EntityManager, agency: AgencyFacts, t: TemplateFields): Promise<string> {
    const today = localDateOf(new Date(), agency.timeZone);
    const year = Number(today.slice(0, 4));
    return formatCertificateNumber(t.pattern, {
      seq: (await lastSequence(m, agency.id, year)) + 1,
      tahun: year,
      bulan: Number(today.slice(5, 7)),
      kode: t.kode,
      unit: t.unit,
    });
  }

  async get(scope: AccessScope, agencyId: string): Promise<CertificateTemplate> {
    const m = this.db.manager;
    const agency = await this.agency(m, scope, agencyId);
    const saved = await findTemplate(m, agencyId);
    const t = saved ?? defaultTemplate(agency);
    return {
      ...fieldsOf(t),
      agencyId,
      agencyName: agency.name,
      isDefault: !saved,
      sampleNumber: await this.nextNumber(m, agency, t),
      updatedAt: saved ? saved.updatedAt.toISOString() : null,
    };
  }

  private async checked(m: EntityManager, t: TemplateFields): Promise<void> {
    const problems = templateProblems(t);
    if (problems.length)
      throw invalid(ErrorCode.CERTIFICATE_INVALID_TEMPLATE, problems.join('; '), { problems }).en(
        'The certificate template is not valid; the details list each problem.',
      );
    if (t.logoSha256 && !(await findLogo(m, t.logoSha256)))
      throw invalid(ErrorCode.CERTIFICATE_LOGO_NOT_FOUND, 'Logo itu belum diunggah; unggah lagi');
  }

  async save(scope: AccessScope, agencyId: string, dto: CertificateTemplateFields): Promise<CertificateTemplate> {
    const t = fieldsOf(dto);
    await this.db.transaction(async (m) => {
      await this.agency(m, scope, agencyId);
      await this.checked(m, t);
      const before = await findTemplate(m, agencyId);
      await saveTemplate(m, agencyId, t, scope.principal.userId);
      await recordAudit(m, scope.principal, {
        action: 'certificate_template.update',
        entityType: 'certificate_template',
        entityId: agencyId,
        agencyId,
        before: before ? fieldsOf(before) : null,
        after: { ...t, title: t.title },
      });
    });
    return this.get(scope, agencyId);
  }

  /** Keeps an uploaded logo by its hash, after checking by content that it is a PNG or JPEG of at most 512 KB. */
  async uploadLogo(
    scope: AccessScope,
    agencyId: string,
    file: { path: string; size: number } | undefined,
  ): Promise<CertificateLogoUploaded> {
    await this.agency(this.db.manager, scope, agencyId);
    if (!file) throw invalid(ErrorCode.CERTIFICATE_BAD_LOGO, 'Pilih berkas logo (PNG atau JPEG, paling besar 512 KB)');
    if (file.size > MAX_LOGO_BYTES || file.size === 0)
      throw invalid(ErrorCode.CERTIFICATE_BAD_LOGO, 'Logo paling besar 512 KB');
    const bytes = await readFile(file.path);
    const type = logoTypeOf(bytes);
    if (!type) throw invalid(ErrorCode.CERTIFICATE_BAD_LOGO, 'Logo harus gambar PNG atau JPEG');
    try {
      const pdf = await PDFDocument.create();
      await (type === 'image/png' ? pdf.embedPng(bytes) : pdf.embedJpg(bytes));
    } catch {
      throw invalid(ErrorCode.CERTIFICATE_BAD_LOGO, 'Gambar logo rusak atau tidak dapat dibaca');
    }
    const logoSha256 = await storeLogo(this.db.manager, bytes, type);
    return { logoSha256, mediaType: type, byteSize: bytes.length };
  }

  /** A draft template drawn with a sample participant: what the form's live preview shows. Nothing is saved. */
  async preview(scope: AccessScope, agencyId: string, dto: CertificateTemplateFields): Promise<Buffer> {
    const m = this.db.manager;
    const agency = await this.agency(m, scope, agencyId);
    const t = fieldsOf(dto);
    await this.checked(m, t);
    const issuedOn = localDateOf(new Date(), agency.timeZone);
    const content = {
      ...templateParts(t, issuedOn),
      number: await this.nextNumber(m, agency, t),
      participant: {
        name: 'Baiq Nurul Aini, S.Kom., M.M.',
        nip: '199001152015032004',
        rank: 'III/c Penata',
        position: 'Analis Sumber Daya Manusia Aparatur Ahli Muda',
        agency: agency.name,
      },
      training: {
        name: 'Contoh: Nilai Dasar ASN BerAKHLAK',
        startDate: issuedOn,
        endDate: issuedOn,
        place: 'Daring (e-learning Kompeten)',
        jp: 12,
        result: 'Lulus',
        subjects: [
          { title: 'Berorientasi Pelayanan dan Akuntabel', jp: 4 },
          { title: 'Kompeten, Harmonis dan Loyal', jp: 4 },
          { title: 'Adaptif dan Kolaboratif', jp: 4 },
        ],
      },
      issuer: {
        agency: agency.name,
        city: t.city,
        issuedOn,
        ...(t.logoSha256 ? { logoSha256: t.logoSha256 } : {}),
      },
      verifyUrl: `${this.config.publicUrl}/verifikasi/00000000-0000-4000-8000-000000000000`,
    };
    return renderCertificatePdf(content, await renderOptionsOf(m, content));
  }
}

function fieldsOf(t: CertificateTemplateFields): TemplateFields {
  return {
    title: t.title,
    awardedTo: t.awardedTo,
    completed: t.completed,
    closing: t.closing ?? null,
    city: t.city,
    signatoryName: t.signatoryName,
    signatoryPosition: t.signatoryPosition,
    signatoryNip: t.signatoryNip ?? null,
    pattern: t.pattern,
    kode: t.kode,
    unit: t.unit,
    validityMonths: t.validityMonths ?? null,
    logoSha256: t.logoSha256 ?? null,
  };
}
