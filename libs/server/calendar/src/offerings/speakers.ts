import type { EntityManager } from 'typeorm';
import { ErrorCode, type ClassSpeaker } from '@kompeten/shared-contracts';
import { invalid } from '@kompeten/server-core';
import { findActiveEmployee, findActiveEmployeeByNip, findEmployeeCertificateFacts } from '@kompeten/server-identity';
import type { ClassSpeakerDto } from '../dto/calendar.dto';

/**
 * A class's speakers as stored, from what the admin sent: an internal speaker (a widyaiswara or any ASN) named by NIP
 * or id must be an active ASN, and takes the name on their record (with titles) unless one is given; an external
 * speaker needs a name. An internal speaker runs the class's attendance (decision 0037), so an id that names no
 * active ASN is refused in words instead of being kept as a speaker nobody can be.
 */
export async function resolveSpeakers(m: EntityManager, dtos: readonly ClassSpeakerDto[]): Promise<ClassSpeaker[]> {
  const out: ClassSpeaker[] = [];
  const seen = new Set<string>();
  for (const [i, p] of dtos.entries()) {
    const internal = p.nip
      ? await findActiveEmployeeByNip(m, p.nip)
      : p.employeeId
        ? await findActiveEmployee(m, p.employeeId)
        : null;
    if ((p.nip || p.employeeId) && !internal)
      throw invalid(
        ErrorCode.CALENDAR_SPEAKER_NOT_FOUND,
        p.nip
          ? `Narasumber ke-${i + 1}: tidak ada ASN aktif dengan NIP ${p.nip}`
          : `Narasumber ke-${i + 1}: tidak ada ASN aktif dengan id ${p.employeeId}`,
      );
    if (internal && seen.has(internal.id))
      throw invalid(ErrorCode.CALENDAR_INVALID_CLASS, `Narasumber ke-${i + 1} sudah ada di daftar narasumber`);
    if (internal) seen.add(internal.id);
    let name = p.name ?? null;
    if (!name && internal) {
      const f = await findEmployeeCertificateFacts(m, internal.id);
      name = f ? [f.frontTitle, f.fullName].filter(Boolean).join(' ') + (f.backTitle ? `, ${f.backTitle}` : '') : null;
    }
    if (!name) throw invalid(ErrorCode.CALENDAR_INVALID_CLASS, `Narasumber ke-${i + 1}: isi nama narasumber eksternal`);
    out.push({ employeeId: internal?.id ?? null, name, institution: p.institution ?? null, role: p.role ?? null });
  }
  return out;
}
