import type { EntityManager } from 'typeorm';

/** A `siasn_credential` row as stored (secrets sealed). */
export interface CredentialRow {
  agencyId: string;
  baseUrl: string;
  apimTokenUrl: string;
  ssoTokenUrl: string;
  ssoClientId: string;
  ssoUsername: string;
  apimKeyEnc: string;
  apimSecretEnc: string;
  ssoPasswordEnc: string;
  enabled: boolean;
  updatedAt: Date;
}

export async function findCredential(m: EntityManager, agencyId: string): Promise<CredentialRow | null> {
  const [row]: CredentialRow[] = await m.query(
    `SELECT agency_id AS "agencyId", base_url AS "baseUrl", apim_token_url AS "apimTokenUrl",
            sso_token_url AS "ssoTokenUrl", sso_client_id AS "ssoClientId", sso_username AS "ssoUsername",
            apim_key_enc AS "apimKeyEnc", apim_secret_enc AS "apimSecretEnc", sso_password_enc AS "ssoPasswordEnc",
            enabled, updated_at AS "updatedAt"
       FROM siasn_credential WHERE agency_id = $1`,
    [agencyId],
  );
  return row ?? null;
}

/** Creates or replaces an agency's credentials (secrets already sealed). */
export async function saveCredential(
  m: EntityManager,
  c: Omit<CredentialRow, 'updatedAt'> & { updatedBy: string | null },
): Promise<void> {
  await m.query(
    `INSERT INTO siasn_credential (agency_id, base_url, apim_token_url, sso_token_url, sso_client_id, sso_username,
       apim_key_enc, apim_secret_enc, sso_password_enc, enabled, updated_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
     ON CONFLICT (agency_id) DO UPDATE SET base_url = EXCLUDED.base_url, apim_token_url = EXCLUDED.apim_token_url,
       sso_token_url = EXCLUDED.sso_token_url, sso_client_id = EXCLUDED.sso_client_id,
       sso_username = EXCLUDED.sso_username, apim_key_enc = EXCLUDED.apim_key_enc,
       apim_secret_enc = EXCLUDED.apim_secret_enc, sso_password_enc = EXCLUDED.sso_password_enc,
       enabled = EXCLUDED.enabled, updated_by = EXCLUDED.updated_by, updated_at = now()`,
    [
      c.agencyId,
      c.baseUrl,
      c.apimTokenUrl,
      c.ssoTokenUrl,
      c.ssoClientId,
      c.ssoUsername,
      c.apimKeyEnc,
      c.apimSecretEnc,
      c.ssoPasswordEnc,
      c.enabled,
      c.updatedBy,
    ],
  );
}
