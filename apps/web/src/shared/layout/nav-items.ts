import type { Me } from '@kompeten/shared-contracts';
import { isAdmin } from '../auth/auth-context';

export type NavKey = 'dashboard' | 'profile' | 'agencies' | 'employees' | 'imports' | 'audit';

export interface NavItem {
  key: NavKey;
  to: string;
  /** Only the exact path is active (the dashboard at "/"). */
  end?: boolean;
  admin?: boolean;
}

export const NAV_ITEMS: NavItem[] = [
  { key: 'dashboard', to: '/', end: true },
  { key: 'profile', to: '/profil' },
  { key: 'agencies', to: '/admin/instansi', admin: true },
  { key: 'employees', to: '/admin/pegawai', admin: true },
  { key: 'imports', to: '/admin/impor', admin: true },
  { key: 'audit', to: '/admin/audit', admin: true },
];

/** Navigation follows the roles: learners see their own pages, ADMIN_ROLES also the administration. */
export function navItemsFor(me: Me | null): NavItem[] {
  const admin = isAdmin(me);
  return NAV_ITEMS.filter((item) => !item.admin || admin);
}
