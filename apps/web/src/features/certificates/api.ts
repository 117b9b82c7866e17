import type {
  CertificateLogoUploaded,
  CertificateSummary,
  CertificateTemplate,
  CertificateTemplateFields,
  CertificateVerification,
  Page,
} from '@kompeten/shared-contracts';
import { ApiError, buildUrl, downloadFile, fetchWithAuth, request, upload } from '../../shared/api';

export interface CertificateFilters {
  agencyId?: string;
  courseId?: string;
  from?: string;
  to?: string;
  status?: 'valid' | 'revoked';
  q?: string;
}

export function listMyCertificates(page: number, signal?: AbortSignal): Promise<Page<CertificateSummary>> {
  return request<Page<CertificateSummary>>('/me/certificates', { query: { page, pageSize: 20 }, signal });
}

export function listCertificates(
  params: CertificateFilters & { page: number; pageSize: number },
  signal?: AbortSignal,
): Promise<Page<CertificateSummary>> {
  return request<Page<CertificateSummary>>('/certificates', { query: { ...params }, signal });
}

export const downloadCertificatePdf = (c: Pick<CertificateSummary, 'id'>) =>
  downloadFile(`/certificates/${c.id}/pdf`, 'sertifikat.pdf');

export const downloadCertificateCredential = (c: Pick<CertificateSummary, 'id'>) =>
  downloadFile(`/certificates/${c.id}/credential`, 'sertifikat.vc.json');

export const revokeCertificate = (id: string, reason: string) =>
  request<CertificateSummary>(`/certificates/${id}/revoke`, { method: 'POST', body: { reason } });

export const reissueCertificate = (id: string, reason: string) =>
  request<CertificateSummary>(`/certificates/${id}/reissue`, { method: 'POST', body: { reason } });

export const getTemplate = (agencyId: string, signal?: AbortSignal) =>
  request<CertificateTemplate>(`/certificate-templates/${agencyId}`, { signal });

export const saveTemplate = (agencyId: string, fields: CertificateTemplateFields) =>
  request<CertificateTemplate>(`/certificate-templates/${agencyId}`, { method: 'PUT', body: fields });

export function uploadLogo(agencyId: string, file: File): Promise<CertificateLogoUploaded> {
  const form = new FormData();
  form.append('file', file);
  return upload<CertificateLogoUploaded>(`/certificate-templates/${agencyId}/logo`, form);
}

/** The draft drawn as a PDF (a Blob for the preview frame). */
export async function previewTemplate(
  agencyId: string,
  fields: CertificateTemplateFields,
  signal?: AbortSignal,
): Promise<Blob> {
  const res = await fetchWithAuth(`/certificate-templates/${agencyId}/preview`, {
    method: 'POST',
    body: fields,
    signal,
  });
  return res.blob();
}

// ---- public (no login) ----

async function publicJson<T>(res: Response): Promise<T> {
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) throw ApiError.fromBody(res.status, body);
  return body as T;
}

export async function verifyCertificate(id: string, signal?: AbortSignal): Promise<CertificateVerification> {
  return publicJson(await fetch(buildUrl(`/public/certificates/${encodeURIComponent(id)}`), { signal }));
}

export async function checkCertificatePdf(id: string, file: File): Promise<CertificateVerification> {
  const form = new FormData();
  form.append('file', file);
  return publicJson(
    await fetch(buildUrl(`/public/certificates/${encodeURIComponent(id)}/check`), { method: 'POST', body: form }),
  );
}
