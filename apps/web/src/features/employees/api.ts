import type { Employee, EmployeeType, Page } from '@kompeten/shared-contracts';
import { request } from '../../shared/api';

export interface EmployeeListParams {
  agencyId?: string;
  unitId?: string;
  /** Matches name, NIP or email. */
  q?: string;
  employeeType?: EmployeeType;
  page?: number;
  pageSize?: number;
}

export function listEmployees(params: EmployeeListParams, signal?: AbortSignal): Promise<Page<Employee>> {
  return request<Page<Employee>>('/employees', { query: { ...params }, signal });
}

export function getEmployee(id: string, signal?: AbortSignal): Promise<Employee> {
  return request<Employee>(`/employees/${encodeURIComponent(id)}`, { signal });
}
