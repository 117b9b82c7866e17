import type { EntityManager } from 'typeorm';
import type { CertificateRow } from '../issuing/certificate-store';

export interface CertificateListFilter {
  /** null: every agency (platform admin); otherwise only these issuing agencies. */
  agencyIds: string[] | null;
  employeeId?: string;
  agencyId?: string;
  courseId?: string;
  /** Local dates of issue (the content's issuedOn), inclusive. */
  from?: string;
  to?: string;
  status?: 'valid' | 'revoked';
  q?: string;
  page: number;
  pageSize: number;
}

export type ListedCertificate = Omit<CertificateRow, 'signature' | 'publicKeyPem' | 'keyId' | 'pdfSha256'>;

/** A page of certificates, newest first, with the total. */
export async function listCertificates(
  m: EntityManager,
  f: CertificateListFilter,
): Promise<{ rows: ListedCertificate[]; total: number }> {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: (n: string) => string, value: unknown) => {
    params.push(value);
    where.push(sql(`$${params.length}`));
  };
  if (f.agencyIds) add((n) => `c.agency_id = ANY(${n}::uuid[])`, f.agencyIds);
  if (f.employeeId) add((n) => `c.employee_id = ${n}`, f.employeeId);
  if (f.agencyId) add((n) => `c.agency_id = ${n}`, f.agencyId);
  if (f.courseId) add((n) => `c.course_id = ${n}`, f.courseId);
  if (f.from) add((n) => `c.content #>> '{issuer,issuedOn}' >= ${n}`, f.from);
  if (f.to) add((n) => `c.content #>> '{issuer,issuedOn}' <= ${n}`, f.to);
  if (f.status) add((n) => `c.status = ${n}`, f.status);
  if (f.q?.trim()) {
    const like = `%${f.q.trim().replace(/[\\%_]/g, (x) => `\\${x}`)}%`;
    add(
      (n) =>
        `(c.number ILIKE ${n} OR c.content #>> '{participant,name}' ILIKE ${n} OR c.content #>> '{participant,nip}' ILIKE ${n})`,
      like,
    );
  }
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const [{ total }]: Array<{ total: string }> = await m.query(
    `SELECT count(*) AS total FROM certificate c ${clause}`,
    params,
  );
  const rows: ListedCertificate[] = await m.query(
    `SELECT c.id, c.source_type AS "sourceType", c.source_id AS "sourceId", c.course_id AS "courseId",
            c.employee_id AS "employeeId", c.agency_id AS "agencyId", c.number, c.content, c.status,
            c.revoked_reason AS "revokedReason", c.revoked_at AS "revokedAt", c.replaces_id AS "replacesId",
            c.issued_at AS "issuedAt"
       FROM certificate c ${clause}
      ORDER BY c.issued_at DESC, c.id
      LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
    [...params, f.pageSize, (f.page - 1) * f.pageSize],
  );
  return { rows, total: Number(total) };
}

/** Whether a certificate was replaced by a re-issue. */
export async function isReplaced(m: EntityManager, id: string): Promise<boolean> {
  return (await m.query<unknown[]>(`SELECT 1 FROM certificate WHERE replaces_id = $1 LIMIT 1`, [id])).length > 0;
}

/** Locks a certificate's row for a revoke or re-issue (two admins at once: one wins, the other sees it decided). */
export async function lockCertificate(m: EntityManager, id: string): Promise<void> {
  await m.query(`SELECT 1 FROM certificate WHERE id = $1 FOR UPDATE`, [id]);
}

export async function findKey(
  m: EntityManager,
  keyId: string,
): Promise<{ keyId: string; algorithm: string; publicKeyPem: string } | null> {
  const [r]: Array<{ key_id: string; algorithm: string; public_key_pem: string }> = await m.query(
    `SELECT key_id, algorithm, public_key_pem FROM certificate_key WHERE key_id = $1`,
    [keyId],
  );
  return r ? { keyId: r.key_id, algorithm: r.algorithm, publicKeyPem: r.public_key_pem } : null;
}
