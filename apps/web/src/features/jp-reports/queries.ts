import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  getComplianceSummary,
  getComplianceTrend,
  getIpAsnEstimate,
  getIpAsnSummary,
  listCompliancePeople,
  listIpAsnPeople,
  type PeopleParams,
  type ReportParams,
} from './api';

export const jpReportKeys = {
  all: ['jp-reports'] as const,
  summary: (p: ReportParams) => [...jpReportKeys.all, 'summary', p] as const,
  trend: (p: ReportParams) => [...jpReportKeys.all, 'trend', p] as const,
  people: (p: PeopleParams) => [...jpReportKeys.all, 'people', p] as const,
  ipAsn: (p: ReportParams) => [...jpReportKeys.all, 'ip-asn', p] as const,
  ipAsnPeople: (p: ReportParams & { q?: string; page?: number; pageSize?: number }) =>
    [...jpReportKeys.all, 'ip-asn-people', p] as const,
  ipAsnEstimate: (employeeId: string, year?: number) =>
    [...jpReportKeys.all, 'ip-asn-estimate', employeeId, year] as const,
};

export function useComplianceSummary(p: ReportParams) {
  return useQuery({
    queryKey: jpReportKeys.summary(p),
    queryFn: ({ signal }) => getComplianceSummary(p, signal),
    placeholderData: keepPreviousData,
  });
}

export function useComplianceTrend(p: ReportParams) {
  return useQuery({
    queryKey: jpReportKeys.trend(p),
    queryFn: ({ signal }) => getComplianceTrend(p, signal),
    placeholderData: keepPreviousData,
  });
}

export function useCompliancePeople(p: PeopleParams) {
  return useQuery({
    queryKey: jpReportKeys.people(p),
    queryFn: ({ signal }) => listCompliancePeople(p, signal),
    placeholderData: keepPreviousData,
  });
}

export function useIpAsnSummary(p: ReportParams) {
  return useQuery({
    queryKey: jpReportKeys.ipAsn(p),
    queryFn: ({ signal }) => getIpAsnSummary(p, signal),
    placeholderData: keepPreviousData,
  });
}

export function useIpAsnPeople(p: ReportParams & { q?: string; page?: number; pageSize?: number }) {
  return useQuery({
    queryKey: jpReportKeys.ipAsnPeople(p),
    queryFn: ({ signal }) => listIpAsnPeople(p, signal),
    placeholderData: keepPreviousData,
  });
}

export function useIpAsnEstimate(employeeId: string | null, year?: number) {
  return useQuery({
    queryKey: jpReportKeys.ipAsnEstimate(employeeId ?? '', year),
    queryFn: ({ signal }) => getIpAsnEstimate(employeeId as string, year, signal),
    enabled: !!employeeId,
  });
}
