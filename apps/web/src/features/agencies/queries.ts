import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { MAX_PAGE_SIZE } from '@kompeten/shared-util';
import { getAgency, listAgencies, listUnits, type AgencyListParams, type UnitListParams } from './api';

export const agencyKeys = {
  all: ['agencies'] as const,
  lists: () => [...agencyKeys.all, 'list'] as const,
  list: (params: AgencyListParams) => [...agencyKeys.lists(), params] as const,
  details: () => [...agencyKeys.all, 'detail'] as const,
  detail: (id: string) => [...agencyKeys.details(), id] as const,
  units: (agencyId: string, params: UnitListParams) => [...agencyKeys.all, 'units', agencyId, params] as const,
};

export function useAgencies(params: AgencyListParams) {
  return useQuery({
    queryKey: agencyKeys.list(params),
    queryFn: ({ signal }) => listAgencies(params, signal),
    placeholderData: keepPreviousData,
  });
}

/** Agencies for a filter select (first 100, the API maximum). */
export function useAgencyOptions() {
  return useQuery({
    queryKey: agencyKeys.list({ pageSize: MAX_PAGE_SIZE }),
    queryFn: ({ signal }) => listAgencies({ pageSize: MAX_PAGE_SIZE }, signal),
    staleTime: 5 * 60_000,
    select: (page) => page.items.map((agency) => ({ value: agency.id, label: agency.name })),
  });
}

export function useAgency(id: string | undefined) {
  return useQuery({
    queryKey: agencyKeys.detail(id ?? ''),
    queryFn: ({ signal }) => getAgency(id as string, signal),
    enabled: !!id,
  });
}

export function useUnits(agencyId: string | undefined, params: UnitListParams) {
  return useQuery({
    queryKey: agencyKeys.units(agencyId ?? '', params),
    queryFn: ({ signal }) => listUnits(agencyId as string, params, signal),
    enabled: !!agencyId,
    placeholderData: keepPreviousData,
  });
}

/** Work units of one agency for a filter select (first 100). */
export function useUnitOptions(agencyId: string | undefined) {
  return useQuery({
    queryKey: agencyKeys.units(agencyId ?? '', { pageSize: MAX_PAGE_SIZE }),
    queryFn: ({ signal }) => listUnits(agencyId as string, { pageSize: MAX_PAGE_SIZE }, signal),
    enabled: !!agencyId,
    staleTime: 5 * 60_000,
    select: (page) => page.items.map((unit) => ({ value: unit.id, label: unit.name })),
  });
}
