import type { EntityManager } from 'typeorm';
import { ErrorCode, type EmployeeType } from '@kompeten/shared-contracts';
import { invalid, notFound } from '@kompeten/server-core';
import { parseNip, type NipParts } from '@kompeten/shared-util';
import { WorkUnitEntity } from '@kompeten/server-organisation';

/** Validates a NIP for the record's employee type (DOMAIN.md §2), or throws a 400 that says why. */
export function requireValidNip(nip: string, type: EmployeeType): NipParts {
  const r = parseNip(nip, type);
  if (!r.ok) throw invalid(ErrorCode.EMPLOYEE_INVALID_NIP, `NIP ${nip} tidak valid: ${r.reason}`);
  return r.value;
}

/** The unit must belong to the agency. Returns its path (null for no unit). */
export async function unitPathIn(m: EntityManager, agencyId: string, unitId: string | null | undefined): Promise<string | null> {
  if (!unitId) return null;
  const unit = await m.getRepository(WorkUnitEntity).findOneBy({ id: unitId, agencyId });
  if (!unit) throw notFound(ErrorCode.ORG_UNIT_NOT_FOUND, 'Unit kerja tidak ditemukan di instansi ini');
  return unit.path;
}
