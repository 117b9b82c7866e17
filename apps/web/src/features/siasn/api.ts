import type {
  Page,
  SiasnConnectionTest,
  SiasnCredentialsView,
  SiasnDocumentStatus,
  SiasnOfficialIpAsn,
  SiasnPushCounts,
  SiasnPushItem,
  SiasnPushStatusName,
  SiasnReconciliationReport,
  SiasnReconciliationRun,
} from '@kompeten/shared-contracts';
import { request } from '../../shared/api';

const enc = encodeURIComponent;
const base = (agencyId: string) => `/siasn/agencies/${enc(agencyId)}`;

export interface SiasnSummary {
  counts: SiasnPushCounts;
  documents: Record<SiasnDocumentStatus, number>;
}

export interface SiasnCredentialsInput {
  baseUrl: string;
  apimTokenUrl: string;
  ssoTokenUrl: string;
  ssoClientId: string;
  ssoUsername: string;
  /** Empty: keep the stored secret. */
  apimKey?: string;
  apimSecret?: string;
  ssoPassword?: string;
  enabled: boolean;
}

export function getSiasnSummary(agencyId: string, signal?: AbortSignal): Promise<SiasnSummary> {
  return request<SiasnSummary>(`${base(agencyId)}/summary`, { signal });
}

export function listSiasnPushes(
  agencyId: string,
  params: { page: number; pageSize: number; status?: SiasnPushStatusName; q?: string },
  signal?: AbortSignal,
): Promise<Page<SiasnPushItem>> {
  return request<Page<SiasnPushItem>>(`${base(agencyId)}/pushes`, { query: { ...params }, signal });
}

export function resendSiasnPush(agencyId: string, pushId: string): Promise<{ requeued: boolean; status: string }> {
  return request(`${base(agencyId)}/pushes/${enc(pushId)}/resend`, { method: 'POST' });
}

export function resendAllSiasnPushes(agencyId: string): Promise<{ requeued: number }> {
  return request(`${base(agencyId)}/pushes/resend`, { method: 'POST' });
}

export function getSiasnCredentials(agencyId: string, signal?: AbortSignal): Promise<SiasnCredentialsView> {
  return request<SiasnCredentialsView>(`${base(agencyId)}/credentials`, { signal });
}

export function saveSiasnCredentials(agencyId: string, input: SiasnCredentialsInput): Promise<SiasnCredentialsView> {
  const body = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== ''));
  return request<SiasnCredentialsView>(`${base(agencyId)}/credentials`, { method: 'PUT', body });
}

export function testSiasnConnection(agencyId: string): Promise<SiasnConnectionTest> {
  return request<SiasnConnectionTest>(`${base(agencyId)}/credentials/test`, { method: 'POST' });
}

export function getSiasnReconciliation(
  agencyId: string,
  params: { page: number; pageSize: number },
  signal?: AbortSignal,
): Promise<SiasnReconciliationReport> {
  return request<SiasnReconciliationReport>(`${base(agencyId)}/reconciliation`, { query: { ...params }, signal });
}

export function runSiasnReconciliation(agencyId: string): Promise<SiasnReconciliationRun> {
  return request<SiasnReconciliationRun>(`${base(agencyId)}/reconciliation`, { method: 'POST' });
}

export function getOfficialIpAsn(employeeId: string, signal?: AbortSignal): Promise<SiasnOfficialIpAsn> {
  return request<SiasnOfficialIpAsn>(`/siasn/employees/${enc(employeeId)}/ip-asn`, { signal });
}

export function refreshOfficialIpAsn(employeeId: string): Promise<SiasnOfficialIpAsn> {
  return request<SiasnOfficialIpAsn>(`/siasn/employees/${enc(employeeId)}/ip-asn/refresh`, { method: 'POST' });
}
