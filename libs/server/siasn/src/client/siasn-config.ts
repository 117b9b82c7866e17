/**
 * One agency's SIASN connection (DOMAIN.md §6). A single-agency install takes it from the SIASN_* environment
 * variables; a multi-agency install keeps one per agency (credentials encrypted at rest, issue 17).
 */
export interface SiasnConnection {
  /** Ends in `/apisiasn/1.0`. */
  baseUrl: string;
  /** The gateway's OAuth2 token URL (client credentials with HTTP Basic). */
  apimTokenUrl: string;
  apimKey: string;
  apimSecret: string;
  /** Keycloak realm `public-siasn` token URL (password grant). */
  ssoTokenUrl: string;
  ssoClientId: string;
  ssoUsername: string;
  ssoPassword: string;
}

const KEYS = {
  baseUrl: 'SIASN_BASE_URL',
  apimTokenUrl: 'SIASN_APIM_TOKEN_URL',
  apimKey: 'SIASN_APIM_KEY',
  apimSecret: 'SIASN_APIM_SECRET',
  ssoTokenUrl: 'SIASN_SSO_TOKEN_URL',
  ssoClientId: 'SIASN_SSO_CLIENT_ID',
  ssoUsername: 'SIASN_SSO_USERNAME',
  ssoPassword: 'SIASN_SSO_PASSWORD',
} as const satisfies Record<keyof SiasnConnection, string>;

/**
 * The connection from SIASN_* variables: null when none is set (SIASN not configured), an error naming every missing
 * one when only some are, and an error when SIASN_BASE_URL does not end in /apisiasn/1.0.
 */
export function siasnConnectionFromEnv(env: Record<string, string | undefined>): SiasnConnection | null {
  const entries = Object.entries(KEYS).map(([field, key]) => [field, env[key]?.trim() ?? ''] as const);
  if (entries.every(([, v]) => !v)) return null;
  const missing = Object.entries(KEYS)
    .filter(([field]) => !entries.find(([f]) => f === field)?.[1])
    .map(([, key]) => key);
  if (missing.length) throw new Error(`SIASN is partly configured: set ${missing.join(', ')} as well`);
  const c = Object.fromEntries(entries) as unknown as SiasnConnection;
  const base = c.baseUrl.replace(/\/+$/, '');
  if (!base.endsWith('/apisiasn/1.0')) throw new Error(`SIASN_BASE_URL must end in /apisiasn/1.0 (got ${c.baseUrl})`);
  for (const [field, key] of [
    ['baseUrl', KEYS.baseUrl],
    ['apimTokenUrl', KEYS.apimTokenUrl],
    ['ssoTokenUrl', KEYS.ssoTokenUrl],
  ] as const)
    if (!/^https?:\/\//.test(c[field])) throw new Error(`${key} must be an http(s) URL`);
  return { ...c, baseUrl: base };
}
