import type {
  ComplianceDrill,
  ComplianceExportTable,
  CompliancePeopleStatus,
  CompliancePerson,
  ComplianceSummary,
  ComplianceTrend,
  IpAsnEstimate,
  IpAsnPerson,
  IpAsnSummary,
  JpEmployeeFilter,
  Page,
} from '@kompeten/shared-contracts';
import { downloadFile, request } from '../../shared/api';

const enc = encodeURIComponent;

/** Which node of the caller's scope, year and employees a report covers (the URL keeps them). */
export interface ReportParams extends ComplianceDrill {
  year?: number;
  employeeType?: JpEmployeeFilter;
}

export interface PeopleParams extends ReportParams {
  status?: CompliancePeopleStatus;
  q?: string;
  page?: number;
  pageSize?: number;
}

const query = (p: ReportParams & Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(p).filter(([, v]) => v !== undefined && v !== null && v !== '' && v !== false),
  ) as Record<string, string | number | boolean>;

export function getComplianceSummary(p: ReportParams, signal?: AbortSignal): Promise<ComplianceSummary> {
  return request<ComplianceSummary>('/jp/compliance', { query: query({ ...p }), signal });
}

export function getComplianceTrend(p: ReportParams, signal?: AbortSignal): Promise<ComplianceTrend> {
  return request<ComplianceTrend>('/jp/compliance/trend', { query: query({ ...p }), signal });
}

export function listCompliancePeople(p: PeopleParams, signal?: AbortSignal): Promise<Page<CompliancePerson>> {
  return request<Page<CompliancePerson>>('/jp/compliance/people', { query: query({ ...p }), signal });
}

/** The people table (with its filters) or the breakdown table as CSV or XLSX; `onProgress` reports 0..1 or null. */
export function downloadComplianceExport(
  p: PeopleParams,
  table: ComplianceExportTable,
  format: 'csv' | 'xlsx',
  onProgress?: (fraction: number | null) => void,
): Promise<void> {
  const { page: _page, pageSize: _pageSize, ...rest } = p;
  return downloadFile('/jp/compliance/export', `kepatuhan-jp.${format}`, {
    query: query({ ...rest, table, format }),
    onProgress,
  });
}

export function getIpAsnSummary(p: ReportParams, signal?: AbortSignal): Promise<IpAsnSummary> {
  return request<IpAsnSummary>('/jp/ip-asn', { query: query({ ...p }), signal });
}

export function listIpAsnPeople(
  p: ReportParams & { q?: string; page?: number; pageSize?: number },
  signal?: AbortSignal,
): Promise<Page<IpAsnPerson>> {
  return request<Page<IpAsnPerson>>('/jp/ip-asn/people', { query: query({ ...p }), signal });
}

export function getIpAsnEstimate(
  employeeId: string,
  year: number | undefined,
  signal?: AbortSignal,
): Promise<IpAsnEstimate> {
  return request<IpAsnEstimate>(`/jp/ip-asn/employees/${enc(employeeId)}`, { query: { year }, signal });
}
