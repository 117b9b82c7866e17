import type { ClassSpeaker } from '@kompeten/shared-contracts';
import type { AccessScope } from '@kompeten/server-organisation';

/**
 * Who runs a class's attendance (decision 0037): an admin of the organising agency (platform admins included), or a
 * trainer — an internal speaker of the class, whose `speakers[].employeeId` is the caller's own ASN record (the
 * account ↔ ASN link of the access token). Anyone else: null, and the class answers 404.
 */
export function classRole(
  scope: AccessScope,
  cls: { agency_id: string; speakers: readonly ClassSpeaker[] },
): 'admin' | 'trainer' | null {
  if (scope.canAdministerAgency(cls.agency_id)) return 'admin';
  const me = scope.principal.employeeId;
  if (me && cls.speakers.some((s) => s.employeeId === me)) return 'trainer';
  return null;
}
