import { createHash } from 'node:crypto';
import type { CertificateContent } from '../rendering/certificate-content';
import { canonicalJson, verifySignature, type CertificateSigner } from '../signing/certificate-signer';
import { base58btc, fromBase58btc } from './multibase';

/**
 * A certificate as an Open Badges 3.0 OpenBadgeCredential (a W3C Verifiable Credential 2.0) with a Data Integrity
 * proof, cryptosuite `eddsa-jcs-2022`, signed with the certificate key (decision 0030). JCS (RFC 8785) is the
 * certificate lib's `canonicalJson`: keys sorted by UTF-16 code units, no whitespace, ECMAScript number form.
 */
export const VC_CONTEXT = [
  'https://www.w3.org/ns/credentials/v2',
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
];

export interface DataIntegrityProof {
  type: 'DataIntegrityProof';
  cryptosuite: 'eddsa-jcs-2022';
  created: string;
  verificationMethod: string;
  proofPurpose: 'assertionMethod';
  proofValue?: string;
  '@context'?: unknown;
}

export type Credential = Record<string, unknown> & { '@context': unknown; proof?: DataIntegrityProof };

/** The URL of a key's public document: the proofs' verificationMethod. */
export function keyDocumentUrl(publicUrl: string, keyId: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/api/public/certificate-keys/${keyId}`;
}

/** The unsigned OpenBadgeCredential of a certificate: what it says, the NIP only salted and hashed. */
export function openBadgeCredential(
  cert: { id: string; agencyId: string; content: CertificateContent; issuedAt: Date },
  publicUrl: string,
): Credential {
  const base = publicUrl.replace(/\/+$/, '');
  const c = cert.content;
  const salt = createHash('sha256').update(`kompeten-nip:${cert.id}`).digest('hex').slice(0, 16);
  return {
    '@context': VC_CONTEXT,
    id: `urn:uuid:${cert.id}`,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: `${c.title} ${c.number}`,
    issuer: { id: `${base}/api/public/certificate-issuers/${cert.agencyId}`, type: ['Profile'], name: c.issuer.agency },
    validFrom: cert.issuedAt.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    ...(c.validUntil ? { validUntil: `${c.validUntil}T23:59:59Z` } : {}),
    credentialSubject: {
      type: ['AchievementSubject'],
      identifier: [
        { type: 'IdentityObject', identityType: 'name', hashed: false, identityHash: c.participant.name },
        {
          type: 'IdentityObject',
          identityType: 'identifier',
          hashed: true,
          salt,
          identityHash: `sha256$${createHash('sha256').update(`${c.participant.nip}${salt}`).digest('hex')}`,
        },
      ],
      achievement: {
        id: `${base}/verifikasi/${cert.id}#achievement`,
        type: ['Achievement'],
        name: c.training.name,
        description: `${c.title}: ${c.training.name}, ${c.training.jp} JP (${c.training.startDate} – ${c.training.endDate})`,
        criteria: { narrative: c.training.result ?? 'Lulus' },
        ...(c.training.subjects.length ? { tag: c.training.subjects.map((s) => `${s.title} (${s.jp} JP)`) } : {}),
      },
      result: [{ type: ['Result'], value: c.training.result ?? 'Lulus' }],
    },
    evidence: [{ id: c.verifyUrl, type: ['Evidence'], name: `Nomor ${c.number}` }],
  };
}

/** hashData of eddsa-jcs-2022: SHA-256(JCS(proof options with the document's context)) ‖ SHA-256(JCS(document)). */
function hashData(document: Credential, proof: DataIntegrityProof): Buffer {
  const { proof: _drop, ...unsecured } = document;
  const { proofValue: _value, ...options } = proof;
  const config = { ...options, '@context': document['@context'] };
  return Buffer.concat([
    createHash('sha256').update(canonicalJson(config)).digest(),
    createHash('sha256').update(canonicalJson(unsecured)).digest(),
  ]);
}

/** Adds the Data Integrity proof, signed with `signer` (an Ed25519 key), naming its public key document. */
export async function signCredential(
  document: Credential,
  signer: CertificateSigner,
  verificationMethod: string,
  created: Date,
): Promise<Credential> {
  const proof: DataIntegrityProof = {
    type: 'DataIntegrityProof',
    cryptosuite: 'eddsa-jcs-2022',
    created: created.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    verificationMethod,
    proofPurpose: 'assertionMethod',
  };
  const signature = await signer.sign(hashData(document, proof));
  return { ...document, proof: { ...proof, proofValue: `z${base58btc(signature)}` } };
}

/** Whether the credential's proof is an eddsa-jcs-2022 signature by this public key over exactly this document. */
export function verifyCredential(document: Credential, publicKeyPem: string): boolean {
  const proof = document.proof;
  if (!proof || proof.type !== 'DataIntegrityProof' || proof.cryptosuite !== 'eddsa-jcs-2022') return false;
  if (typeof proof.proofValue !== 'string' || !proof.proofValue.startsWith('z')) return false;
  try {
    const signature = fromBase58btc(proof.proofValue.slice(1));
    return verifySignature(hashData(document, proof), signature, publicKeyPem);
  } catch {
    return false;
  }
}
