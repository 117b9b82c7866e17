import type { AuditEntry, Page } from '@kompeten/shared-contracts';
import { downloadFile, request } from '../../shared/api';

export interface AuditFilters {
  agencyId?: string;
  action?: string;
  /** The person who acted: part of the name, the whole NIP, or part of the email. */
  actor?: string;
  /** Local days (YYYY-MM-DD), inclusive. */
  from?: string;
  to?: string;
}

export interface AuditListParams extends AuditFilters {
  page?: number;
  pageSize?: number;
}

export function listAuditLogs(params: AuditListParams, signal?: AbortSignal): Promise<Page<AuditEntry>> {
  return request<Page<AuditEntry>>('/audit-logs', { query: { ...params }, signal });
}

/** The filtered log as CSV, in the same words as on screen. */
export function downloadAuditLog(filters: AuditFilters, onProgress?: (fraction: number | null) => void): Promise<void> {
  return downloadFile('/audit-logs/export.csv', 'log-audit.csv', { query: { ...filters }, onProgress });
}
