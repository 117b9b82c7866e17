import type { CertificateSummary } from '@kompeten/shared-contracts';
import type { ListedCertificate } from './certificate-list-store';

export const todayUtc = () => new Date().toISOString().slice(0, 10);

export function toSummary(r: ListedCertificate, today = todayUtc()): CertificateSummary {
  const c = r.content;
  return {
    id: r.id,
    number: r.number,
    status: r.status,
    expired: !!c.validUntil && c.validUntil < today,
    participantName: c.participant.name,
    nip: c.participant.nip,
    trainingName: c.training.name,
    startDate: c.training.startDate,
    endDate: c.training.endDate,
    jp: Number(c.training.jp),
    issuerAgencyId: r.agencyId,
    issuerAgency: c.issuer.agency,
    courseId: r.courseId,
    issuedOn: c.issuer.issuedOn,
    validUntil: c.validUntil ?? null,
    revokedReason: r.revokedReason,
    revokedAt: r.revokedAt ? new Date(r.revokedAt).toISOString() : null,
    replacesId: r.replacesId,
    verifyUrl: c.verifyUrl,
  };
}

/** `800/0007/BPSDM/2026` → `sertifikat-800-0007-BPSDM-2026`: a file name without slashes. */
export function fileNameOf(number: string, ext: 'pdf' | 'json'): string {
  return `sertifikat-${number.replace(/[^A-Za-z0-9.-]+/g, '-')}.${ext === 'json' ? 'vc.json' : 'pdf'}`;
}
