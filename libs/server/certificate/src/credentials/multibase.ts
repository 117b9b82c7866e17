import { createPublicKey } from 'node:crypto';

const ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

/** Base58 (Bitcoin alphabet), as multibase `z` uses. */
export function base58btc(bytes: Uint8Array): string {
  let zeros = 0;
  while (zeros < bytes.length && bytes[zeros] === 0) zeros++;
  const digits: number[] = [];
  for (const byte of bytes) {
    let carry = byte;
    for (let i = 0; i < digits.length; i++) {
      carry += digits[i] << 8;
      digits[i] = carry % 58;
      carry = (carry / 58) | 0;
    }
    while (carry > 0) {
      digits.push(carry % 58);
      carry = (carry / 58) | 0;
    }
  }
  return (
    '1'.repeat(zeros) +
    digits
      .reverse()
      .map((d) => ALPHABET[d])
      .join('')
  );
}

/** The bytes of a base58btc string; throws on a character outside the alphabet. */
export function fromBase58btc(text: string): Buffer {
  let zeros = 0;
  while (zeros < text.length && text[zeros] === '1') zeros++;
  const bytes: number[] = [];
  for (const ch of text) {
    const value = ALPHABET.indexOf(ch);
    if (value < 0) throw new Error(`Not base58: ${ch}`);
    let carry = value;
    for (let i = 0; i < bytes.length; i++) {
      carry += bytes[i] * 58;
      bytes[i] = carry & 0xff;
      carry >>= 8;
    }
    while (carry > 0) {
      bytes.push(carry & 0xff);
      carry >>= 8;
    }
  }
  return Buffer.from([...new Array<number>(zeros).fill(0), ...bytes.reverse()]);
}

/** The 32 raw bytes of an Ed25519 public key (from its JWK `x`). */
export function rawEd25519(publicKeyPem: string): Buffer {
  const jwk = createPublicKey(publicKeyPem).export({ format: 'jwk' });
  if (jwk.crv !== 'Ed25519' || !jwk.x) throw new Error('Not an Ed25519 public key');
  return Buffer.from(jwk.x, 'base64url');
}

/** Multikey `publicKeyMultibase` of an Ed25519 key: `z` + base58btc(0xed01 ‖ key). */
export function ed25519Multibase(publicKeyPem: string): string {
  return `z${base58btc(Buffer.concat([Buffer.from([0xed, 0x01]), rawEd25519(publicKeyPem)]))}`;
}

/** The public JWK of an Ed25519 key. */
export function ed25519Jwk(publicKeyPem: string): { kty: 'OKP'; crv: 'Ed25519'; x: string } {
  return { kty: 'OKP', crv: 'Ed25519', x: rawEd25519(publicKeyPem).toString('base64url') };
}
