import type { AgencyLevel, AgencyTimeZone, EmployeeType, PositionKind, Role } from './enums';
import type { Language } from './error-messages';

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
  /** Golongan: PNS I/a–IV/e, PPPK I–XVII (DOMAIN.md §1). */
  rank: string | null;
  /** Pangkat name of a PNS golongan ("Penata Muda" for III/a); null for PPPK or no golongan. */
  rankName: string | null;
  supervisorId: string | null;
  /** The supervisor's name with titles. */
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
  /** A login email waiting for the user's confirmation (sign-in keeps using `email` until then). */
  pendingEmail: string | null;
  /** The language kept in the profile (decision 0026): the web switches to it at sign-in. */
  language: Language;
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

/**
 * What happened to one data line: created, updated (with the columns that changed), unchanged, failed (refused, with the
 * reason). `saved` only appears for imports made before per-row outcomes were recorded.
 */
export type ImportEntryOutcome = 'created' | 'updated' | 'unchanged' | 'failed' | 'saved';

export interface ImportEntry {
  /** Line number in the file (the header is line 1). */
  line: number;
  nip: string | null;
  outcome: ImportEntryOutcome;
  /** Why a row was refused: a stable code and a sentence in the request's language. */
  reasonCode: string | null;
  reason: string | null;
  /** CSV column names an update changed, e.g. ["nama", "golongan"]. */
  changedFields: string[];
  /** A problem that did not stop the row from being saved (e.g. nip_atasan not found). */
  warningCode: string | null;
  warning: string | null;
}

export interface ImportReasonCount {
  kind: 'error' | 'warning';
  code: string;
  /** The reason in the request's language, without the row's own values. */
  label: string;
  count: number;
}

/** The employee import's CSV columns in template order, and which are required (the import screen lists them). */
export const EMPLOYEE_IMPORT_COLUMNS = [
  { header: 'nip', required: true },
  { header: 'nama', required: true },
  { header: 'gelar_depan', required: false },
  { header: 'gelar_belakang', required: false },
  { header: 'jenis_pegawai', required: true },
  { header: 'jabatan', required: false },
  { header: 'jenis_jabatan', required: false },
  { header: 'golongan', required: false },
  { header: 'kode_unit', required: false },
  { header: 'nip_atasan', required: false },
  { header: 'email', required: false },
  { header: 'telepon', required: false },
] as const;

/** What was wrong with an import's header row: the required columns it lacks, and the columns nobody recognised. */
export interface ImportHeaderCheck {
  missing: string[];
  unknown: string[];
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
  /** Saved rows with a warning. */
  warningCount: number;
  /** Refused rows and warnings per reason, most frequent first. */
  reasonCounts: ImportReasonCount[];
  /** The first refused rows and warnings, by line; every one is in GET /employee-imports/{id}/entries and the report download. */
  errors: ImportRowError[];
  /** True when there are more refused rows and warnings than `errors` holds. */
  errorsTruncated: boolean;
  /** Why the whole file failed, in the request's language. */
  message: string | null;
  /** Set when the header row lacked required columns (the import then failed) or held unrecognised ones (ignored). */
  headerCheck: ImportHeaderCheck | null;
  createdAt: string;
  finishedAt: string | null;
}

/** One field an audited write changed, as text (null: absent or empty). */
export interface AuditChange {
  field: string;
  before: string | null;
  after: string | null;
}

export interface AuditEntry {
  id: string;
  /** The entry in words in the request's language, e.g. "Kursus «Pelayanan Publik Prima» diterbitkan oleh …". */
  summary: string;
  /** The fields that differ between before and after. */
  changes: AuditChange[];
  actorUserId: string | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  agencyId: string | null;
  /** Agencies whose people the write touched besides `agencyId` (their admins see the entry too). */
  touchedAgencyIds: string[];
  before: unknown;
  after: unknown;
  correlationId: string | null;
  createdAt: string;
}

export interface HealthStatus {
  status: 'ok' | 'error';
  database: 'up' | 'down';
  redis: 'up' | 'down';
  /** `subscribed`: session and rate-limit checks answered from memory kept current by Redis; `direct`: one Redis call per request. */
  sessionChecks: 'subscribed' | 'direct';
  version: string;
}

// ---- issue 12: accounts (setup links, confirmed email changes, account events) ----------------------

/** A one-time link with which the ASN sets their own password. Shown once, to the admin who asked for it. */
export interface AccountSetupLink {
  /** The secret token (only its hash is stored). */
  token: string;
  /** The web page to open: PUBLIC_URL/atur-kata-sandi/<token>. */
  url: string;
  expiresAt: string;
}

export interface SetAccountResponse {
  userId: string;
  created: boolean;
  /** A new account gets a setup link; otherwise null (use the reset endpoint for a new link). */
  setupLink: AccountSetupLink | null;
  /** The login email in use. */
  email: string | null;
  /** A login email waiting for the user's confirmation. */
  pendingEmail: string | null;
}

export interface ResetAccountResponse {
  userId: string;
  setupLink: AccountSetupLink;
}

/** What a setup link's page may show before the password is set: who it is for, nothing more. */
export interface SetupLinkInfo {
  fullName: string;
  /** NIP with the middle digits hidden, e.g. 1986************01. */
  nipMasked: string | null;
  purpose: 'setup' | 'reset';
  expiresAt: string;
}

export const ACCOUNT_EVENT_KINDS = [
  'account_created',
  'password_reset',
  'setup_link_issued',
  'setup_link_used',
  'password_changed',
  'email_change_requested',
  'email_confirmed',
  'account_deactivated',
  'account_reactivated',
  'reset_requested',
] as const;
export type AccountEventKind = (typeof ACCOUNT_EVENT_KINDS)[number];

/** Something that happened to the caller's account, and who did it. */
export interface AccountEvent {
  id: string;
  kind: AccountEventKind;
  createdAt: string;
  /** null: the system (e.g. a data import). */
  actor: {
    /** The user themself. */
    self: boolean;
    name: string | null;
    role: Role | null;
    agencyName: string | null;
  } | null;
  /** e.g. { email } for an email change; never a secret. */
  details: Record<string, string | null>;
}

/** POST /api/auth/password-reset-requests — the same answer whether or not an account matched (no enumeration). */
export interface PasswordResetRequestAccepted {
  message: string;
}

/** A pending "forgot password" request, as the HR officer who manages the ASN sees it (issue 15, decision 0024). */
export interface PasswordResetRequest {
  id: string;
  employeeId: string;
  /** With titles. */
  name: string;
  nip: string;
  agencyName: string;
  unitName: string | null;
  requestedAt: string;
}

// ---- issue 15: what needs an admin's attention ----------------------------------------------------------------

/** An assigned enrolment past its due date and not completed. */
export interface OverdueAssignment {
  enrolmentId: string;
  courseId: string;
  courseTitle: string;
  employeeId: string;
  learnerName: string;
  nip: string;
  dueAt: string;
}
