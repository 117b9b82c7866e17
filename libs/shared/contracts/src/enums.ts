/** Agency level in the national → province → regency/city hierarchy (DOMAIN.md §1). */
export const AGENCY_LEVELS = ['nasional', 'provinsi', 'kabupaten', 'kota'] as const;
export type AgencyLevel = (typeof AGENCY_LEVELS)[number];

/** IANA zones behind WIB, WITA and WIT. Stored UTC, shown in the agency's zone. */
export const AGENCY_TIME_ZONES = ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'] as const;
export type AgencyTimeZone = (typeof AGENCY_TIME_ZONES)[number];
export const TIME_ZONE_LABEL: Record<AgencyTimeZone, 'WIB' | 'WITA' | 'WIT'> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Jayapura': 'WIT',
};

export const EMPLOYEE_TYPES = ['PNS', 'PPPK'] as const;
export type EmployeeType = (typeof EMPLOYEE_TYPES)[number];

export const POSITION_KINDS = ['struktural', 'fungsional', 'pelaksana'] as const;
export type PositionKind = (typeof POSITION_KINDS)[number];

/**
 * Roles are always held at a scope: an agency (and optionally a unit inside it).
 * platform_admin is held at the root (national) agency and sees everything.
 */
export const ROLES = [
  'learner',
  'widyaiswara',
  'supervisor',
  'hr_officer',
  'agency_admin',
  'province_admin',
  'platform_admin',
] as const;
export type Role = (typeof ROLES)[number];

/** Roles that may use the administration pages (browse agencies, units, ASN, imports). */
export const ADMIN_ROLES: readonly Role[] = ['hr_officer', 'agency_admin', 'province_admin', 'platform_admin'];
