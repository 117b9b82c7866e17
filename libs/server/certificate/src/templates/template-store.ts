import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { RenderOptions } from '../rendering/render-certificate';
import type { CertificateContent } from '../rendering/certificate-content';
import type { TemplateFields } from './template-rules';

interface TemplateRow {
  title: string;
  awarded_to: string;
  completed: string;
  closing: string | null;
  city: string;
  signatory_name: string;
  signatory_position: string;
  signatory_nip: string | null;
  pattern: string;
  kode: string;
  unit: string;
  validity_months: number | null;
  logo_sha256: string | null;
  updated_at: Date;
}

/** An agency's saved template, or null when it has none (the default applies). */
export async function findTemplate(
  m: EntityManager,
  agencyId: string,
): Promise<(TemplateFields & { updatedAt: Date }) | null> {
  const [r]: TemplateRow[] = await m.query(`SELECT * FROM certificate_template WHERE agency_id = $1`, [agencyId]);
  return r
    ? {
        title: r.title,
        awardedTo: r.awarded_to,
        completed: r.completed,
        closing: r.closing,
        city: r.city,
        signatoryName: r.signatory_name,
        signatoryPosition: r.signatory_position,
        signatoryNip: r.signatory_nip,
        pattern: r.pattern,
        kode: r.kode,
        unit: r.unit,
        validityMonths: r.validity_months,
        logoSha256: r.logo_sha256,
        updatedAt: new Date(r.updated_at),
      }
    : null;
}

/** Writes the agency's template (insert or replace). */
export async function saveTemplate(
  m: EntityManager,
  agencyId: string,
  t: TemplateFields,
  updatedBy: string | null,
): Promise<void> {
  await m.query(
    `INSERT INTO certificate_template (agency_id, title, awarded_to, completed, closing, city, signatory_name,
       signatory_position, signatory_nip, pattern, kode, unit, validity_months, logo_sha256, updated_by, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, now())
     ON CONFLICT (agency_id) DO UPDATE SET title = EXCLUDED.title, awarded_to = EXCLUDED.awarded_to,
       completed = EXCLUDED.completed, closing = EXCLUDED.closing, city = EXCLUDED.city,
       signatory_name = EXCLUDED.signatory_name, signatory_position = EXCLUDED.signatory_position,
       signatory_nip = EXCLUDED.signatory_nip, pattern = EXCLUDED.pattern, kode = EXCLUDED.kode, unit = EXCLUDED.unit,
       validity_months = EXCLUDED.validity_months, logo_sha256 = EXCLUDED.logo_sha256,
       updated_by = EXCLUDED.updated_by, updated_at = now()`,
    [
      agencyId,
      t.title,
      t.awardedTo,
      t.completed,
      t.closing,
      t.city,
      t.signatoryName,
      t.signatoryPosition,
      t.signatoryNip,
      t.pattern,
      t.kode,
      t.unit,
      t.validityMonths,
      t.logoSha256,
      updatedBy,
    ],
  );
}

export type LogoType = 'image/png' | 'image/jpeg';

/** PNG or JPEG by the bytes themselves (never the name or the declared type); null for anything else. */
export function logoTypeOf(bytes: Buffer): LogoType | null {
  if (bytes.length > 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'image/png';
  if (bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  return null;
}

/** Keeps a logo by its hash (once: the same bytes give the same row) and answers the hash. */
export async function storeLogo(m: EntityManager, bytes: Buffer, type: LogoType): Promise<string> {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  await m.query(
    `INSERT INTO certificate_logo (sha256, media_type, byte_size, bytes) VALUES ($1, $2, $3, $4)
     ON CONFLICT (sha256) DO NOTHING`,
    [sha256, type, bytes.length, bytes],
  );
  return sha256;
}

export async function findLogo(m: EntityManager, sha256: string): Promise<{ bytes: Buffer; type: LogoType } | null> {
  const [r]: Array<{ bytes: Buffer; media_type: LogoType }> = await m.query(
    `SELECT bytes, media_type FROM certificate_logo WHERE sha256 = $1`,
    [sha256],
  );
  return r ? { bytes: Buffer.from(r.bytes), type: r.media_type } : null;
}

/** What the renderer needs besides the content: the emblem the content names by hash. */
export async function renderOptionsOf(
  m: EntityManager,
  content: Pick<CertificateContent, 'issuer'>,
): Promise<RenderOptions> {
  const sha = content.issuer.logoSha256;
  if (!sha) return {};
  const logo = await findLogo(m, sha);
  if (!logo) throw new Error(`Certificate logo ${sha} is missing`);
  return { emblem: { bytes: logo.bytes, type: logo.type === 'image/png' ? 'png' : 'jpg' } };
}
