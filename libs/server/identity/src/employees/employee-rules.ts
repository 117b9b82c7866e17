import type { EntityManager } from 'typeorm';
import { ErrorCode, type EmployeeType } from '@kompeten/shared-contracts';
import { invalid, notFound } from '@kompeten/server-core';
import { normaliseGolongan, parseNip, type NipParts } from '@kompeten/shared-util';
import { findUnitInAgency } from '@kompeten/server-organisation';

/** Validates a NIP for the record's employee type (DOMAIN.md §2), or throws a 400 that says why. */
export function requireValidNip(nip: string, type: EmployeeType, timeZone?: string): NipParts {
  const r = parseNip(nip, type, new Date(), timeZone);
  if (!r.ok) throw invalid(ErrorCode.EMPLOYEE_INVALID_NIP, `NIP ${nip} tidak valid: ${r.reason}`);
  return r.value;
}

/** The unit must belong to the agency. Returns its path (null for no unit). */
export async function unitPathIn(
  m: EntityManager,
  agencyId: string,
  unitId: string | null | undefined,
): Promise<string | null> {
  if (!unitId) return null;
  const unit = await findUnitInAgency(m, agencyId, unitId);
  if (!unit) throw notFound(ErrorCode.ORG_UNIT_NOT_FOUND, 'Unit kerja tidak ditemukan di instansi ini');
  return unit.path;
}

/** The golongan in its canonical spelling for the employee type (DOMAIN.md §1), or a 400 that says why; null stays null. */
export function requireValidRank(rank: string | null | undefined, type: EmployeeType): string | null {
  if (rank === undefined || rank === null || rank === '') return null;
  const r = normaliseGolongan(rank, type);
  if (!r.ok) throw invalid(ErrorCode.EMPLOYEE_INVALID_RANK, r.reason.charAt(0).toUpperCase() + r.reason.slice(1));
  return r.value;
}
