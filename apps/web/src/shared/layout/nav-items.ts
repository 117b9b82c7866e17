import { ADMIN_ROLES, type Me, type Role } from '@kompeten/shared-contracts';
import { hasAnyRole, isAdmin } from '../auth/auth-context';

export type NavKey =
  | 'dashboard'
  | 'catalog'
  | 'myLearning'
  | 'profile'
  | 'approvals'
  | 'myCourses'
  | 'reviews'
  | 'grading'
  | 'agencies'
  | 'employees'
  | 'imports'
  | 'siasn'
  | 'audit'
  | 'authorInvitations'
  | 'jp'
  | 'jpClaims'
  | 'jpVerification'
  | 'jpRules'
  | 'jpCompliance'
  | 'jpIpAsn'
  | 'myCertificates'
  | 'certificates'
  | 'certificateTemplate'
  | 'classes'
  | 'calendar'
  | 'myCalendar'
  | 'communities'
  | 'classAdmin'
  | 'classAttendance';

export interface NavItem {
  key: NavKey;
  to: string;
  /** Only the exact path is active (the dashboard at "/"). */
  end?: boolean;
  admin?: boolean;
  /** Course authoring, review and grading: widyaiswara and admins (AUTHOR_ROLES). */
  author?: boolean;
  /** Enrolment approvals: supervisors (atasan langsung) and admins (APPROVER_ROLES). */
  approver?: boolean;
  /** Only callers holding one of these roles. */
  roles?: readonly Role[];
  /** JP compliance and IP ASN reports: supervisors, HR officers and admins (REPORT_ROLES). */
  reports?: boolean;
}

/** Roles that build, review and grade courses (docs/learning.md). */
export const AUTHOR_ROLES: readonly Role[] = ['widyaiswara', 'agency_admin', 'province_admin', 'platform_admin'];

export function isAuthor(me: Me | null): boolean {
  return hasAnyRole(me, AUTHOR_ROLES);
}

/** Roles that approve enrolments in "approval" courses: the supervisor and the admins (docs/learning.md). */
export const APPROVER_ROLES: readonly Role[] = ['supervisor', ...ADMIN_ROLES];

export function isApprover(me: Me | null): boolean {
  return hasAnyRole(me, APPROVER_ROLES);
}

/** Who verifies external-learning claims: HR officers and supervisors (by the agency's rules) and admins (issue 16). */
export const JP_VERIFIER_ROLES: readonly Role[] = APPROVER_ROLES;
/** Who may create rule versions: agency admins (their agency) and the platform admin (national). */
export const JP_RULE_EDITOR_ROLES: readonly Role[] = ['agency_admin', 'province_admin', 'platform_admin'];
/** Who lists, revokes and re-issues certificates and edits the agency's template (the API checks the agency again). */
export const CERTIFICATE_ADMIN_ROLES: readonly Role[] = ['agency_admin', 'province_admin', 'platform_admin'];
/** Who creates training offerings and classes: province and agency admins of the organising agency (issue 18). */
export const CLASS_ADMIN_ROLES: readonly Role[] = ['agency_admin', 'province_admin', 'platform_admin'];

/** Who sees "Presensi kelas": trainers (widyaiswara; the API also lets any internal speaker in) and class admins. */
export const CLASS_ATTENDANCE_ROLES: readonly Role[] = ['widyaiswara', ...CLASS_ADMIN_ROLES];

/** Roles that see JP compliance and IP ASN reports for their scope (the API checks every id again, decision 0023). */
export const REPORT_ROLES: readonly Role[] = ['supervisor', ...ADMIN_ROLES];

export function isReportViewer(me: Me | null): boolean {
  return hasAnyRole(me, REPORT_ROLES);
}

/** Who manages an agency's SIASN delivery: its admins and the platform admin (the API checks every id again). */
export const SIASN_ADMIN_ROLES: readonly Role[] = ['agency_admin', 'province_admin', 'platform_admin'];

export const NAV_ITEMS: NavItem[] = [
  { key: 'dashboard', to: '/', end: true },
  { key: 'catalog', to: '/katalog' },
  { key: 'myLearning', to: '/belajar' },
  { key: 'jp', to: '/jp', end: true },
  { key: 'jpClaims', to: '/jp/claims' },
  { key: 'myCertificates', to: '/sertifikat' },
  { key: 'classes', to: '/kelas', end: true },
  { key: 'calendar', to: '/kalender', end: true },
  { key: 'myCalendar', to: '/kalender/saya' },
  { key: 'communities', to: '/komunitas' },
  { key: 'classAttendance', to: '/kelas/presensi', roles: CLASS_ATTENDANCE_ROLES },
  { key: 'profile', to: '/profil' },
  { key: 'approvals', to: '/persetujuan', approver: true },
  { key: 'jpVerification', to: '/jp/verification', roles: JP_VERIFIER_ROLES },
  { key: 'jpCompliance', to: '/jp/compliance', reports: true },
  { key: 'jpIpAsn', to: '/jp/ip-asn', reports: true },
  { key: 'myCourses', to: '/kursus', author: true },
  { key: 'reviews', to: '/review', author: true },
  { key: 'grading', to: '/penilaian', author: true },
  { key: 'agencies', to: '/admin/instansi', admin: true },
  { key: 'employees', to: '/admin/pegawai', admin: true },
  { key: 'imports', to: '/admin/impor', admin: true },
  { key: 'siasn', to: '/admin/siasn', admin: true, roles: SIASN_ADMIN_ROLES },
  { key: 'audit', to: '/admin/audit', admin: true },
  { key: 'authorInvitations', to: '/admin/undangan-penulis', admin: true },
  { key: 'jpRules', to: '/jp/rules', admin: true, roles: JP_RULE_EDITOR_ROLES },
  { key: 'certificates', to: '/admin/sertifikat', admin: true, roles: CERTIFICATE_ADMIN_ROLES },
  { key: 'certificateTemplate', to: '/admin/templat-sertifikat', admin: true, roles: CERTIFICATE_ADMIN_ROLES },
  { key: 'classAdmin', to: '/kelas/kelola', admin: true, roles: CLASS_ADMIN_ROLES },
];

/** Navigation follows the roles: learners see their own pages, authors the course pages, ADMIN_ROLES also the administration. */
export function navItemsFor(me: Me | null): NavItem[] {
  const admin = isAdmin(me);
  const author = isAuthor(me);
  const approver = isApprover(me);
  const reports = isReportViewer(me);
  return NAV_ITEMS.filter(
    (item) =>
      (!item.admin || admin) &&
      (!item.author || author) &&
      (!item.approver || approver) &&
      (!item.roles || hasAnyRole(me, item.roles)) &&
      (!item.reports || reports),
  );
}
