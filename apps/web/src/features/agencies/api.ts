import type { Agency, AgencyLevel, Page, WorkUnit } from '@kompeten/shared-contracts';
import { request } from '../../shared/api';

export interface AgencyListParams {
  q?: string;
  level?: AgencyLevel;
  parentId?: string;
  page?: number;
  pageSize?: number;
}

export interface UnitListParams {
  q?: string;
  parentId?: string;
  page?: number;
  pageSize?: number;
}

/** Only the agencies the caller may see. */
export function listAgencies(params: AgencyListParams, signal?: AbortSignal): Promise<Page<Agency>> {
  return request<Page<Agency>>('/agencies', { query: { ...params }, signal });
}

export function getAgency(id: string, signal?: AbortSignal): Promise<Agency> {
  return request<Agency>(`/agencies/${encodeURIComponent(id)}`, { signal });
}

export function listUnits(agencyId: string, params: UnitListParams, signal?: AbortSignal): Promise<Page<WorkUnit>> {
  return request<Page<WorkUnit>>(`/agencies/${encodeURIComponent(agencyId)}/units`, { query: { ...params }, signal });
}
