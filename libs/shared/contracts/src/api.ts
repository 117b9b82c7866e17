import type { AgencyLevel, AgencyTimeZone, EmployeeType, PositionKind, Role } from './enums';

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface RoleAssignment {
  id: string;
  role: Role;
  agencyId: string;
  agencyName: string;
  unitId: string | null;
  unitName: string | null;
}

export interface Agency {
  id: string;
  code: string;
  name: string;
  level: AgencyLevel;
  parentId: string | null;
  timeZone: AgencyTimeZone;
  /** Name of the agency's HR development body, e.g. "BPSDM Provinsi NTB" or "BKPSDM Kota Mataram". */
  hrBodyName: string | null;
  siasnInstansiId: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface WorkUnit {
  id: string;
  agencyId: string;
  parentId: string | null;
  code: string;
  name: string;
  depth: number;
  createdAt: string;
  updatedAt: string;
}

export interface Employee {
  id: string;
  agencyId: string;
  agencyName: string;
  unitId: string | null;
  unitName: string | null;
  nip: string;
  employeeType: EmployeeType;
  fullName: string;
  frontTitle: string | null;
  backTitle: string | null;
  /** Name with academic titles, e.g. "Dr. Baiq Nurul Aini, S.E., M.M." */
  displayName: string;
  positionName: string | null;
  positionKind: PositionKind | null;
  rank: string | null;
  supervisorId: string | null;
  supervisorName: string | null;
  email: string | null;
  phone: string | null;
  birthDate: string;
  gender: 'L' | 'P';
  active: boolean;
  hasAccount: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface Me {
  userId: string;
  email: string | null;
  employee: Employee | null;
  roles: RoleAssignment[];
  timeZone: AgencyTimeZone;
}

export interface LoginResponse {
  accessToken: string;
  /** Only for non-browser clients that ask for it; browsers get it in the HttpOnly `kompeten_refresh` cookie. */
  refreshToken?: string;
  tokenType: 'Bearer';
  /** Seconds until the access token expires. */
  expiresIn: number;
  refreshExpiresIn: number;
  user: Me;
}

export type ImportStatus = 'queued' | 'running' | 'completed' | 'failed';

export interface ImportRowError {
  row: number;
  nip: string | null;
  reason: string;
}

export interface EmployeeImport {
  id: string;
  agencyId: string;
  fileName: string;
  status: ImportStatus;
  totalRows: number;
  processedRows: number;
  createdCount: number;
  updatedCount: number;
  unchangedCount: number;
  failedCount: number;
  errors: ImportRowError[];
  /** True when more errors happened than `errors` holds. */
  errorsTruncated: boolean;
  message: string | null;
  createdAt: string;
  finishedAt: string | null;
}

export interface AuditEntry {
  id: string;
  actorUserId: string | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  agencyId: string | null;
  before: unknown;
  after: unknown;
  correlationId: string | null;
  createdAt: string;
}

export interface HealthStatus {
  status: 'ok' | 'error';
  database: 'up' | 'down';
  redis: 'up' | 'down';
  version: string;
}
