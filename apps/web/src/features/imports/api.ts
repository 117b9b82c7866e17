import type { EmployeeImport, Page } from '@kompeten/shared-contracts';
import { downloadFile, request, upload } from '../../shared/api';

/** Largest CSV the API accepts. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

/** Uploads a CSV; the API answers 202 with a queued import that a background worker processes. */
export function uploadEmployeeImport(
  agencyId: string,
  file: File,
  onProgress?: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<EmployeeImport> {
  const form = new FormData();
  form.append('file', file, file.name);
  return upload<EmployeeImport>(`/agencies/${encodeURIComponent(agencyId)}/employee-imports`, form, onProgress, signal);
}

export function getEmployeeImport(id: string, signal?: AbortSignal): Promise<EmployeeImport> {
  return request<EmployeeImport>(`/employee-imports/${encodeURIComponent(id)}`, { signal });
}

export function listEmployeeImports(
  agencyId: string,
  params: { page?: number; pageSize?: number },
  signal?: AbortSignal,
): Promise<Page<EmployeeImport>> {
  return request<Page<EmployeeImport>>(`/agencies/${encodeURIComponent(agencyId)}/employee-imports`, {
    query: { ...params },
    signal,
  });
}

export function downloadImportTemplate(): Promise<void> {
  return downloadFile('/employee-imports/template.csv', 'contoh-impor-asn.csv');
}

/** The import report: every refused row and warning (or every line with filter=all), as CSV or XLSX. */
export function downloadImportReport(
  id: string,
  format: 'csv' | 'xlsx',
  filter: 'problems' | 'all' = 'problems',
): Promise<void> {
  return downloadFile(`/employee-imports/${encodeURIComponent(id)}/report`, `laporan-impor.${format}`, {
    query: { format, filter },
  });
}

/** The refused rows as uploaded, with an `alasan` column: fix them and upload the file again. */
export function downloadFailedRows(id: string): Promise<void> {
  return downloadFile(`/employee-imports/${encodeURIComponent(id)}/failed-rows.csv`, 'baris-ditolak.csv');
}
