import type { AuditEntry, Page } from '@kompeten/shared-contracts';
import { request } from '../../shared/api';

export interface AuditListParams {
  agencyId?: string;
  page?: number;
  pageSize?: number;
}

export function listAuditLogs(params: AuditListParams, signal?: AbortSignal): Promise<Page<AuditEntry>> {
  return request<Page<AuditEntry>>('/audit-logs', { query: { ...params }, signal });
}
