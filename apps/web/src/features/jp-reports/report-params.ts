import { useMemo } from 'react';
import { JP_EMPLOYEE_FILTERS, type ComplianceDrill, type JpEmployeeFilter } from '@kompeten/shared-contracts';
import { useSearchParamState } from '../../shared/hooks/useSearchParamState';
import type { ReportParams } from './api';

const KEYS = ['year', 'type', 'agencyId', 'unitId', 'ownOnly', 'team', 'status', 'q'] as const;

/** The last five years, this one first: the years a report may be asked for from the filter. */
export function yearOptions(now = new Date()): number[] {
  const y = now.getFullYear();
  return [y, y - 1, y - 2, y - 3, y - 4];
}

/**
 * The report's node, year and employee type, kept in the URL (a drill-down is a link that can be shared and survives
 * a reload); `drillTo` opens another node with the same year and type.
 */
export function useReportParams() {
  const { values, page, update } = useSearchParamState(KEYS);
  const params: ReportParams = useMemo(
    () => ({
      year: values.year ? Number(values.year) : undefined,
      employeeType: (JP_EMPLOYEE_FILTERS as readonly string[]).includes(values.type)
        ? (values.type as JpEmployeeFilter)
        : undefined,
      agencyId: values.agencyId || undefined,
      unitId: values.unitId || undefined,
      ownOnly: values.ownOnly === 'true' || undefined,
      team: values.team === 'true' || undefined,
    }),
    [values.year, values.type, values.agencyId, values.unitId, values.ownOnly, values.team],
  );
  const drillTo = (drill: ComplianceDrill | null) =>
    update({
      agencyId: drill?.agencyId ?? null,
      unitId: drill?.unitId ?? null,
      ownOnly: drill?.ownOnly ? 'true' : null,
      team: drill?.team ? 'true' : null,
      q: null,
    });
  return { params, values, page, update, drillTo };
}
