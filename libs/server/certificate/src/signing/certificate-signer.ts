import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  hkdfSync,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';

/**
 * Signing behind an interface (DOMAIN.md §7): government certificates are signed with BSrE (BSSN) in production —
 * personal signing (`/api/sign/pdf` with NIK and passphrase) or the institutional seal — and with a local Ed25519 key
 * in development and tests. What is signed is the certificate's canonical content (`canonicalJson`), so the
 * verification endpoint can tell a genuine certificate from an edited one without the PDF.
 */
export interface CertificateSigner {
  /** Names the key in every signature, so a rotated key still verifies the certificates it signed. */
  readonly keyId: string;
  readonly algorithm: 'Ed25519';
  sign(payload: Buffer): Promise<Buffer>;
  /** The public key (SPKI PEM) published for verifiers. */
  publicKeyPem(): string;
}

/** The local signer: an Ed25519 key from PEM (CERTIFICATE_SIGNING_KEY) or a new one (tests). */
export class LocalEd25519Signer implements CertificateSigner {
  readonly algorithm = 'Ed25519' as const;
  readonly keyId: string;
  private readonly publicKey: KeyObject;

  private constructor(private readonly privateKey: KeyObject) {
    if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error('CERTIFICATE_SIGNING_KEY must be an Ed25519 key');
    this.publicKey = createPublicKey(privateKey);
    this.keyId = keyIdOf(this.publicKeyPem());
  }

  static fromPem(pem: string): LocalEd25519Signer {
    return new LocalEd25519Signer(createPrivateKey(pem));
  }

  static generate(): LocalEd25519Signer {
    return new LocalEd25519Signer(generateKeyPairSync('ed25519').privateKey);
  }

  privateKeyPem(): string {
    return this.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  }

  publicKeyPem(): string {
    return this.publicKey.export({ type: 'spki', format: 'pem' }).toString();
  }

  async sign(payload: Buffer): Promise<Buffer> {
    return sign(null, payload, this.privateKey);
  }
}

/** A key's id: the first 16 hex digits of the SHA-256 of its public PEM. */
export function keyIdOf(publicKeyPem: string): string {
  return createHash('sha256').update(publicKeyPem.trim()).digest('hex').slice(0, 16);
}

/** Does `signature` sign `payload` under this public key? False for any malformed input, never a throw. */
export function verifySignature(payload: Buffer, signature: Buffer, publicKeyPem: string): boolean {
  try {
    return verify(null, payload, createPublicKey(publicKeyPem), signature);
  } catch {
    return false;
  }
}

/**
 * JSON with object keys sorted at every level and no whitespace: the same content always gives the same bytes, so a
 * signature over it can be checked again from the stored content.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new Error('Not a finite number');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

// PKCS#8 DER of an Ed25519 private key is this prefix followed by the 32-byte seed (RFC 8410).
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/**
 * The signer of this deployment: CERTIFICATE_SIGNING_KEY when set, otherwise a key derived from JWT_SECRET (HKDF), so
 * the API and the worker sign with one key without more configuration (decision 0030).
 */
export function signerFromConfig(config: { certificateSigningKeyPem: string | null; jwtSecret: string }) {
  if (config.certificateSigningKeyPem) return LocalEd25519Signer.fromPem(config.certificateSigningKeyPem);
  const seed = Buffer.from(hkdfSync('sha256', config.jwtSecret, 'kompeten', 'certificate-signing-key', 32));
  const der = Buffer.concat([ED25519_PKCS8_PREFIX, seed]);
  return LocalEd25519Signer.fromPem(
    createPrivateKey({ key: der, format: 'der', type: 'pkcs8' }).export({ type: 'pkcs8', format: 'pem' }).toString(),
  );
}
