import { generateKeyPairSync } from 'node:crypto';
import type { CertificateContent } from '../rendering/certificate-content';
import { LocalEd25519Signer } from '../signing/certificate-signer';
import { base58btc, ed25519Jwk, ed25519Multibase, fromBase58btc } from './multibase';
import { keyDocumentUrl, openBadgeCredential, signCredential, verifyCredential } from './open-badge-credential';

const content: CertificateContent = {
  title: 'SURAT TANDA TAMAT PELATIHAN',
  number: '800/0007/BPSDM/2026',
  participant: {
    name: 'dr. Hasan Basri, M.Kes.',
    nip: '198609262015051001',
    rank: 'III/c Penata',
    position: 'Dokter Ahli Muda',
    agency: 'Pemerintah Kota Mataram',
  },
  training: {
    name: 'Pelayanan Publik Prima',
    startDate: '2026-12-01',
    endDate: '2026-12-04',
    place: null,
    jp: 20,
    result: 'Lulus',
    subjects: [{ title: 'Standar Pelayanan Publik', jp: 20 }],
  },
  issuer: { agency: 'BPSDM Provinsi Nusa Tenggara Barat', city: 'Mataram', issuedOn: '2026-12-04' },
  signatory: { name: 'Kepala BPSDM', position: 'Kepala BPSDM', nip: null },
  verifyUrl: 'https://kompeten.ntbprov.go.id/verifikasi/4f1c2a9e-7d3b-4c55-9a0e-0f3a6b1d2c11',
};
const cert = {
  id: '4f1c2a9e-7d3b-4c55-9a0e-0f3a6b1d2c11',
  agencyId: '11111111-2222-4333-8444-555555555555',
  content,
  issuedAt: new Date('2026-12-03T16:31:02.123Z'),
};

describe('the Open Badges 3.0 credential of a certificate (eddsa-jcs-2022)', () => {
  const signer = LocalEd25519Signer.generate();
  const method = keyDocumentUrl('https://kompeten.ntbprov.go.id/', signer.keyId);
  const signed = () =>
    signCredential(openBadgeCredential(cert, 'https://kompeten.ntbprov.go.id'), signer, method, cert.issuedAt);

  it('is an OpenBadgeCredential with a DataIntegrityProof naming the published key', async () => {
    const vc = await signed();
    expect(vc.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
    expect(vc['@context']).toEqual([
      'https://www.w3.org/ns/credentials/v2',
      'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
    ]);
    expect(vc.validFrom).toBe('2026-12-03T16:31:02Z');
    expect(vc.proof).toMatchObject({
      type: 'DataIntegrityProof',
      cryptosuite: 'eddsa-jcs-2022',
      proofPurpose: 'assertionMethod',
      verificationMethod: `https://kompeten.ntbprov.go.id/api/public/certificate-keys/${signer.keyId}`,
      proofValue: expect.stringMatching(/^z[1-9A-HJ-NP-Za-km-z]{80,90}$/),
    });
    // The NIP never appears in clear.
    expect(JSON.stringify(vc)).not.toContain(content.participant.nip);
  });

  it('verifies with the public key, and fails when any field, the proof options or the key change', async () => {
    const vc = await signed();
    expect(verifyCredential(vc, signer.publicKeyPem())).toBe(true);
    // Signing is deterministic (Ed25519, fixed created): the same credential again.
    expect(await signed()).toEqual(vc);

    const renamed = JSON.parse(JSON.stringify(vc));
    renamed.credentialSubject.achievement.name = 'Pelayanan Publik Prima II';
    expect(verifyCredential(renamed, signer.publicKeyPem())).toBe(false);
    const later = JSON.parse(JSON.stringify(vc));
    later.proof.created = '2027-01-01T00:00:00Z';
    expect(verifyCredential(later, signer.publicKeyPem())).toBe(false);
    const other = generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString();
    expect(verifyCredential(vc, other)).toBe(false);
    expect(verifyCredential({ ...vc, proof: undefined }, signer.publicKeyPem())).toBe(false);
  });

  it('publishes the key as Multikey (z6Mk…) and JWK', () => {
    const multibase = ed25519Multibase(signer.publicKeyPem());
    expect(multibase).toMatch(/^z6Mk/);
    expect(fromBase58btc(multibase.slice(1)).subarray(2).toString('base64url')).toBe(
      ed25519Jwk(signer.publicKeyPem()).x,
    );
    expect(base58btc(Buffer.from([0, 0, 1]))).toBe('112');
    expect(fromBase58btc('112')).toEqual(Buffer.from([0, 0, 1]));
  });
});
