/** Certificates (issue 17, docs/certificates.md): what the API answers and the web shows. */

export type CertificateStatus = 'valid' | 'revoked';
export type CertificateVerificationStatus = 'valid' | 'revoked' | 'expired' | 'tampered' | 'not_found';

/** One certificate in a list (the learner's own, or an admin's). */
export interface CertificateSummary {
  id: string;
  number: string;
  status: CertificateStatus;
  /** Past its validity period (still `valid` in the record). */
  expired: boolean;
  participantName: string;
  nip: string;
  trainingName: string;
  startDate: string;
  endDate: string;
  jp: number;
  issuerAgencyId: string;
  issuerAgency: string;
  courseId: string | null;
  issuedOn: string;
  validUntil: string | null;
  revokedReason: string | null;
  revokedAt: string | null;
  /** The certificate this one replaces (a re-issue). */
  replacesId: string | null;
  verifyUrl: string;
}

/** What the public verification page shows: only name, masked NIP, training, dates and JP. */
export interface CertificateVerification {
  status: CertificateVerificationStatus;
  /** When a PDF was sent: whether it is byte for byte the one issued. */
  pdfChecked: boolean;
  certificate: {
    number: string;
    name: string;
    nip: string;
    training: string;
    startDate: string;
    endDate: string;
    jp: number;
    issuer: string;
    issuedOn: string;
    validUntil: string | null;
    revokedReason: string | null;
  } | null;
}

/** An agency's template as the form edits it. */
export interface CertificateTemplateFields {
  title: string;
  awardedTo: string;
  completed: string;
  closing: string | null;
  city: string;
  signatoryName: string;
  signatoryPosition: string;
  signatoryNip: string | null;
  pattern: string;
  kode: string;
  unit: string;
  validityMonths: number | null;
  logoSha256: string | null;
}

export interface CertificateTemplate extends CertificateTemplateFields {
  agencyId: string;
  agencyName: string;
  /** No template saved: these are the defaults derived from the agency. */
  isDefault: boolean;
  /** The number the pattern gives the next certificate this year (a preview; the sequence is not advanced). */
  sampleNumber: string;
  updatedAt: string | null;
}

export interface CertificateLogoUploaded {
  logoSha256: string;
  mediaType: 'image/png' | 'image/jpeg';
  byteSize: number;
}

/** A signing key as published for verifiers (Multikey with JWK and PEM). */
export interface CertificateKeyDocument {
  '@context': string[];
  id: string;
  type: 'Multikey';
  controller: string;
  publicKeyMultibase: string;
  publicKeyJwk: { kty: 'OKP'; crv: 'Ed25519'; x: string };
  publicKeyPem: string;
  algorithm: 'Ed25519';
}
