import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** Refused to decrypt: the key is not the one that encrypted, or the stored value was changed. */
export class SecretBoxError extends Error {}

/**
 * AES-256-GCM (node:crypto) for the secrets of per-agency SIASN credentials (decision 0031): a random 96-bit IV per
 * value, the 128-bit tag stored with it, and associated data naming the agency and field, so a ciphertext copied to
 * another agency or field does not decrypt. Stored as `v1.<iv>.<tag>.<ciphertext>` (base64url parts).
 */
export class SecretBox {
  private readonly key: Buffer;

  constructor(keyBase64: string) {
    this.key = Buffer.from(keyBase64, 'base64');
    if (this.key.length !== 32) throw new Error('SIASN_CREDENTIALS_KEY must be 32 bytes in base64');
  }

  seal(plain: string, context: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(context));
    const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return ['v1', iv, cipher.getAuthTag(), ct]
      .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
      .join('.');
  }

  open(sealed: string, context: string): string {
    const [v, iv, tag, ct] = sealed.split('.');
    if (v !== 'v1' || !iv || !tag || ct === undefined) throw new SecretBoxError('Not a sealed SIASN secret');
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'));
      decipher.setAAD(Buffer.from(context));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(ct, 'base64url')), decipher.final()]).toString('utf8');
    } catch {
      throw new SecretBoxError(
        'Kredensial SIASN tidak dapat dibuka: SIASN_CREDENTIALS_KEY bukan kunci yang mengenkripsinya',
      );
    }
  }
}
