import type { EntityManager } from 'typeorm';
import { ErrorCode } from '@kompeten/shared-contracts';
import { forbidden } from '@kompeten/server-core';
import type { AccessScope, HeldRole } from '@kompeten/server-organisation';
import { selectHeldRoles } from './account-store';

/** The roles an account holds, with the paths of their units. */
export async function heldRolesOf(m: EntityManager, userId: string): Promise<HeldRole[]> {
  const rows = await selectHeldRoles(m, userId);
  return rows.map((r) => ({ role: r.role, agencyId: r.agency_id, unitPath: r.path }));
}

/**
 * Refuses (403) to create, reset, deactivate or re-address an account unless every role it holds ranks strictly below
 * the caller's own, within the caller's scope (AccessScope.canManageAccount, decision 0012). The caller has already
 * shown it can read the ASN (else 404).
 */
export function requireAccountManageable(
  scope: AccessScope,
  target: { id: string; agencyId: string; unitPath: string | null },
  roles: readonly HeldRole[],
): void {
  if (target.id === scope.principal.employeeId) {
    throw forbidden(
      ErrorCode.ACCOUNT_RANK_FORBIDDEN,
      'Anda tidak dapat mengatur akun Anda sendiri di sini; ubah kata sandi Anda lewat halaman Profil',
    );
  }
  if (!scope.canManageAccount({ employeeId: target.id, agencyId: target.agencyId, unitPath: target.unitPath }, roles)) {
    throw forbidden(
      ErrorCode.ACCOUNT_RANK_FORBIDDEN,
      'Anda tidak berwenang mengatur akun ini: pemiliknya memegang peran yang setara atau lebih tinggi dari peran Anda, atau peran di luar wilayah Anda',
    );
  }
}
