import { randomBytes } from 'node:crypto';
import { SecretBox, SecretBoxError } from './secret-box';

describe('SecretBox (AES-256-GCM for SIASN credentials)', () => {
  const key = randomBytes(32).toString('base64');
  const box = new SecretBox(key);

  it('round-trips, with a different ciphertext each time and no plaintext in it', () => {
    const a = box.seal('rahasia-sim', 'agency-1/ssoPassword');
    const b = box.seal('rahasia-sim', 'agency-1/ssoPassword');
    expect(a).not.toEqual(b);
    expect(a).not.toContain('rahasia');
    expect(box.open(a, 'agency-1/ssoPassword')).toBe('rahasia-sim');
  });

  it('refuses another key, another agency or field, and an altered value', () => {
    const sealed = box.seal('kompeten-sim-secret', 'agency-1/apimSecret');
    expect(() => new SecretBox(randomBytes(32).toString('base64')).open(sealed, 'agency-1/apimSecret')).toThrow(
      SecretBoxError,
    );
    expect(() => box.open(sealed, 'agency-2/apimSecret')).toThrow(SecretBoxError);
    const parts = sealed.split('.');
    parts[3] = Buffer.from('x' + Buffer.from(parts[3], 'base64url').toString('latin1')).toString('base64url');
    expect(() => box.open(parts.join('.'), 'agency-1/apimSecret')).toThrow(SecretBoxError);
  });

  it('refuses a key that is not 32 bytes', () => {
    expect(() => new SecretBox(randomBytes(16).toString('base64'))).toThrow(/32 bytes/);
  });
});
