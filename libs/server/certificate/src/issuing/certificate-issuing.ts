import { createHash, randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { formatCertificateNumber } from '../numbering/certificate-number';
import { allocateSequence } from '../numbering/sequence-store';
import { maskNip, type CertificateContent } from '../rendering/certificate-content';
import { renderCertificatePdf, type RenderOptions } from '../rendering/render-certificate';
import { canonicalJson, verifySignature, type CertificateSigner } from '../signing/certificate-signer';
import { renderOptionsOf } from '../templates/template-store';
import {
  ensureKey,
  findCertificate,
  findValidCertificateOf,
  insertCertificate,
  revokeCertificate,
  type CertificateRow,
} from './certificate-store';

/** What a certificate is issued from: everything but the number and the verification URL, which issuing adds. */
export interface IssueInput {
  sourceType: string;
  sourceId: string;
  /** The course, for a course completion's certificate. */
  courseId?: string | null;
  employeeId: string;
  /** The issuing agency (its pattern and sequence). */
  agencyId: string;
  pattern: string;
  kode: string;
  unit: string;
  content: Omit<CertificateContent, 'number' | 'verifyUrl'>;
  render?: RenderOptions;
}

export interface Issued {
  id: string;
  number: string;
  pdf: Buffer;
  /** False when the source already had its certificate (a retry): that one is returned, nothing new is issued. */
  created: boolean;
}

/** The signed bytes: the certificate's id and content, canonical. */
const signedPayload = (id: string, content: CertificateContent) => Buffer.from(canonicalJson({ id, content }));
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/**
 * Issues certificates (decision 0029): one valid certificate per source whatever the retries; the number comes from
 * the agency's sequence in the caller's transaction (no gap when it rolls back); the content is signed and the PDF's
 * hash kept, so a verifier can tell a genuine certificate, an edited record and an altered PDF apart.
 */
export class CertificateIssuing {
  constructor(
    private readonly signer: CertificateSigner,
    /** PUBLIC_URL: the verification page is `<publicUrl>/verifikasi/<id>`. */
    private readonly publicUrl: string,
  ) {}

  /** Runs in the caller's transaction. */
  async issue(m: EntityManager, input: IssueInput, replacesId: string | null = null): Promise<Issued> {
    const existing = await findValidCertificateOf(m, input.sourceType, input.sourceId);
    if (existing)
      return { id: existing.id, number: existing.number, pdf: await this.pdfOf(m, existing), created: false };
    const id = randomUUID();
    const issuedOn = input.content.issuer.issuedOn;
    const year = Number(issuedOn.slice(0, 4));
    const seq = await allocateSequence(m, input.agencyId, year);
    const number = formatCertificateNumber(input.pattern, {
      seq,
      tahun: year,
      bulan: Number(issuedOn.slice(5, 7)),
      kode: input.kode,
      unit: input.unit,
    });
    const content: CertificateContent = {
      ...input.content,
      number,
      verifyUrl: `${this.publicUrl.replace(/\/+$/, '')}/verifikasi/${id}`,
    };
    const pdf = await renderCertificatePdf(content, input.render ?? (await renderOptionsOf(m, content)));
    const signature = await this.signer.sign(signedPayload(id, content));
    await ensureKey(m, {
      keyId: this.signer.keyId,
      algorithm: this.signer.algorithm,
      publicKeyPem: this.signer.publicKeyPem(),
    });
    await insertCertificate(m, {
      id,
      sourceType: input.sourceType,
      sourceId: input.sourceId,
      courseId: input.courseId ?? null,
      employeeId: input.employeeId,
      agencyId: input.agencyId,
      year,
      seq,
      number,
      content,
      signature: signature.toString('base64'),
      keyId: this.signer.keyId,
      pdfSha256: sha256(pdf),
      replacesId,
    });
    return { id, number, pdf, created: true };
  }

  /** The PDF again, from the stored content (and the logo it names by hash): the same bytes as when it was issued. */
  async pdfOf(m: EntityManager, row: Pick<CertificateRow, 'content'>): Promise<Buffer> {
    return renderCertificatePdf(row.content, await renderOptionsOf(m, row.content));
  }

  /**
   * Revokes with a reason and issues the replacement from corrected content, with a new number; the old number stays
   * revoked. Runs in the caller's transaction.
   */
  async reissue(m: EntityManager, id: string, reason: string, input: IssueInput): Promise<Issued | null> {
    if (!(await revokeCertificate(m, id, reason))) return null;
    return this.issue(m, input, id);
  }
}

/**
 * The PDF of an issued certificate, drawn again from its stored content and the immutable logo it names: the same bytes
 * as at issue (its hash is `pdfSha256`). For readers outside this lib, e.g. the SIASN document upload.
 */
export async function issuedCertificatePdf(m: EntityManager, content: CertificateContent): Promise<Buffer> {
  return renderCertificatePdf(content, await renderOptionsOf(m, content));
}

export type VerificationStatus = 'valid' | 'revoked' | 'expired' | 'tampered' | 'not_found';

export interface Verification {
  status: VerificationStatus;
  /** Only what the public may see: name, masked NIP, training, dates, JP, number, issuer. Null when not found. */
  certificate: {
    number: string;
    name: string;
    nip: string;
    training: string;
    startDate: string;
    endDate: string;
    jp: number;
    issuer: string;
    issuedOn: string;
    /** The last valid day, or null when it never expires. */
    validUntil: string | null;
    revokedReason: string | null;
  } | null;
}

/**
 * What the public verification page says of a certificate id, and of a PDF when one is given: `tampered` when the
 * stored record no longer matches its signature, or the PDF is not the one issued; `revoked` with the reason.
 */
export async function verifyCertificate(
  m: EntityManager,
  id: string,
  pdf?: Buffer,
  /** Today's date (YYYY-MM-DD, UTC by default): past `validUntil` a genuine, unrevoked certificate is `expired`. */
  today: string = new Date().toISOString().slice(0, 10),
): Promise<Verification> {
  const row = await findCertificate(m, id);
  if (!row) return { status: 'not_found', certificate: null };
  const genuine = verifySignature(
    signedPayload(row.id, row.content),
    Buffer.from(row.signature, 'base64'),
    row.publicKeyPem,
  );
  const samePdf = pdf === undefined || sha256(pdf) === row.pdfSha256;
  const c = row.content;
  const expired = !!c.validUntil && c.validUntil < today;
  return {
    status: !genuine || !samePdf ? 'tampered' : row.status === 'revoked' ? 'revoked' : expired ? 'expired' : 'valid',
    certificate: {
      number: row.number,
      name: c.participant.name,
      nip: maskNip(c.participant.nip),
      training: c.training.name,
      startDate: c.training.startDate,
      endDate: c.training.endDate,
      jp: c.training.jp,
      issuer: c.issuer.agency,
      issuedOn: c.issuer.issuedOn,
      validUntil: c.validUntil ?? null,
      revokedReason: row.status === 'revoked' ? row.revokedReason : null,
    },
  };
}
