import { canonicalJson, keyIdOf, LocalEd25519Signer, verifySignature } from './certificate-signer';

describe('the local certificate signer', () => {
  const content = {
    number: '800/0007/BPSDM/2026',
    nip: '198609262015051001',
    jp: 20,
    subjects: [{ title: 'A', jp: 2 }],
  };

  it('writes the same canonical bytes whatever the key order, and refuses what JSON cannot hold', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: null, e: 'x' }], c: true } })).toBe(
      '{"a":{"c":true,"d":[2,{"e":"x","f":null}]},"b":1}',
    );
    expect(canonicalJson({ a: undefined, b: 2 })).toBe('{"b":2}');
    expect(() => canonicalJson({ jp: Number.NaN })).toThrow('Not a finite number');
  });

  it('signs content that verifies with its public key, and not once a field is changed', async () => {
    const signer = LocalEd25519Signer.generate();
    const payload = Buffer.from(canonicalJson(content));
    const signature = await signer.sign(payload);
    expect(verifySignature(payload, signature, signer.publicKeyPem())).toBe(true);
    const tampered = Buffer.from(canonicalJson({ ...content, jp: 40 }));
    expect(verifySignature(tampered, signature, signer.publicKeyPem())).toBe(false);
    expect(verifySignature(payload, signature, LocalEd25519Signer.generate().publicKeyPem())).toBe(false);
    expect(verifySignature(payload, Buffer.from('rusak'), 'bukan PEM')).toBe(false);
  });

  it('keeps its key and its id across a restart (PEM round trip), and refuses a key of another kind', () => {
    const signer = LocalEd25519Signer.generate();
    const again = LocalEd25519Signer.fromPem(signer.privateKeyPem());
    expect(again.keyId).toBe(signer.keyId);
    expect(again.keyId).toBe(keyIdOf(signer.publicKeyPem()));
    expect(signer.keyId).toMatch(/^[0-9a-f]{16}$/);
    const { generateKeyPairSync } = jest.requireActual<typeof import('node:crypto')>('node:crypto');
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' });
    expect(() => LocalEd25519Signer.fromPem(rsa.toString())).toThrow('must be an Ed25519 key');
  });
});
