import type { EntityManager } from 'typeorm';
import { returnedRows } from '@kompeten/server-core';
import type { CertificateContent } from '../rendering/certificate-content';

export interface CertificateRow {
  id: string;
  sourceType: string;
  sourceId: string;
  courseId: string | null;
  employeeId: string;
  agencyId: string;
  number: string;
  content: CertificateContent;
  signature: string;
  keyId: string;
  publicKeyPem: string;
  pdfSha256: string;
  status: 'valid' | 'revoked';
  revokedReason: string | null;
  revokedAt: Date | null;
  replacesId: string | null;
  issuedAt: Date;
}

const SELECT = `SELECT c.id, c.source_type AS "sourceType", c.source_id AS "sourceId", c.course_id AS "courseId", c.employee_id AS "employeeId",
  c.agency_id AS "agencyId", c.number, c.content, c.signature, c.key_id AS "keyId", k.public_key_pem AS "publicKeyPem",
  c.pdf_sha256 AS "pdfSha256", c.status, c.revoked_reason AS "revokedReason", c.revoked_at AS "revokedAt",
  c.replaces_id AS "replacesId", c.issued_at AS "issuedAt"
  FROM certificate c JOIN certificate_key k ON k.key_id = c.key_id`;

export async function findCertificate(m: EntityManager, id: string): Promise<CertificateRow | null> {
  const rows: CertificateRow[] = await m.query(`${SELECT} WHERE c.id = $1`, [id]);
  return rows[0] ?? null;
}

/** The valid certificate of a source, if one was issued. */
export async function findValidCertificateOf(
  m: EntityManager,
  sourceType: string,
  sourceId: string,
): Promise<CertificateRow | null> {
  const rows: CertificateRow[] = await m.query(
    `${SELECT} WHERE c.source_type = $1 AND c.source_id = $2 AND c.status = 'valid'`,
    [sourceType, sourceId],
  );
  return rows[0] ?? null;
}

export async function ensureKey(m: EntityManager, k: { keyId: string; algorithm: string; publicKeyPem: string }) {
  await m.query(
    `INSERT INTO certificate_key (key_id, algorithm, public_key_pem) VALUES ($1, $2, $3) ON CONFLICT (key_id) DO NOTHING`,
    [k.keyId, k.algorithm, k.publicKeyPem],
  );
}

export async function insertCertificate(
  m: EntityManager,
  c: {
    id: string;
    sourceType: string;
    sourceId: string;
    courseId: string | null;
    employeeId: string;
    agencyId: string;
    year: number;
    seq: number;
    number: string;
    content: CertificateContent;
    signature: string;
    keyId: string;
    pdfSha256: string;
    replacesId: string | null;
  },
): Promise<void> {
  await m.query(
    `INSERT INTO certificate (id, source_type, source_id, employee_id, agency_id, year, seq, number, content, signature,
       key_id, pdf_sha256, replaces_id, course_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
    [
      c.id,
      c.sourceType,
      c.sourceId,
      c.employeeId,
      c.agencyId,
      c.year,
      c.seq,
      c.number,
      JSON.stringify(c.content),
      c.signature,
      c.keyId,
      c.pdfSha256,
      c.replacesId,
      c.courseId,
    ],
  );
}

/** Revokes a valid certificate; false when it is not valid (already revoked). Its number stays taken. */
export async function revokeCertificate(m: EntityManager, id: string, reason: string): Promise<boolean> {
  const result: unknown = await m.query(
    `UPDATE certificate SET status = 'revoked', revoked_reason = $2, revoked_at = now()
      WHERE id = $1 AND status = 'valid' RETURNING id`,
    [id, reason],
  );
  return returnedRows(result).length > 0;
}

/** Whether a source ever had a certificate (valid or revoked): the issuing job issues a source's first one only. */
export async function sourceHasCertificate(m: EntityManager, sourceType: string, sourceId: string): Promise<boolean> {
  const rows: unknown[] = await m.query(`SELECT 1 FROM certificate WHERE source_type = $1 AND source_id = $2 LIMIT 1`, [
    sourceType,
    sourceId,
  ]);
  return rows.length > 0;
}
