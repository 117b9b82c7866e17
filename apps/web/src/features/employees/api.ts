import type {
  Employee,
  EmployeeType,
  Page,
  PasswordResetRequest,
  ResetAccountResponse,
  SetAccountResponse,
} from '@kompeten/shared-contracts';
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

// ---- issue 12: accounts (setup links, pending login email) -------------------------------------------

/** Creates the ASN's account (answers a one-time setup link) or asks for a new login email (pending until confirmed). */
export function setAccount(id: string, email?: string): Promise<SetAccountResponse> {
  return request<SetAccountResponse>(`/employees/${encodeURIComponent(id)}/account`, {
    method: 'PUT',
    body: email ? { email } : {},
  });
}

/** Resets the password: the old one stops working, sessions end, a new setup link is answered once. */
export function resetAccount(id: string): Promise<ResetAccountResponse> {
  return request<ResetAccountResponse>(`/employees/${encodeURIComponent(id)}/account/reset`, { method: 'POST' });
}

// ---- issue 15: "Lupa kata sandi" requests ----------------------------------------------------------------

export function listResetRequests(
  params: { page?: number; pageSize?: number },
  signal?: AbortSignal,
): Promise<Page<PasswordResetRequest>> {
  return request<Page<PasswordResetRequest>>('/password-reset-requests', { query: { ...params }, signal });
}

export function answerResetRequest(id: string): Promise<ResetAccountResponse> {
  return request<ResetAccountResponse>(`/password-reset-requests/${encodeURIComponent(id)}/setup-link`, {
    method: 'POST',
  });
}
