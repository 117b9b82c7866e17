import { ErrorCode, type AgencyTimeZone } from '@kompeten/shared-contracts';
import { invalid } from '@kompeten/server-core';
import { endOfLocalDay, isoInZone, localDateOf, parseDateTimeWithOffset } from '@kompeten/shared-util';

/**
 * Due dates (docs/learning.md, "Time zones"; decision 0015). A due date is a local day of the agency that set it: it
 * ends at 23:59:59 there. The instant is stored (due_at, UTC) with that zone (due_time_zone) and stated back in it.
 * Overdue is computed by the database clock in SQL: `overdueSql` in enrolment-view-store.ts.
 */

export interface DueFields {
  dueAt: string | null;
  dueDate: string | null;
  dueTimeZone: AgencyTimeZone | null;
}

/** The API's statement of a stored due instant: in the zone it was set in, with that zone's date. */
export function dueFields(dueAt: Date | string | null, zone: AgencyTimeZone | null): DueFields {
  if (!dueAt || !zone) return { dueAt: null, dueDate: null, dueTimeZone: null };
  return { dueAt: isoInZone(dueAt, zone), dueDate: localDateOf(dueAt, zone), dueTimeZone: zone };
}

/**
 * The due instant an assignment asks for, read in the assigner's zone: a date is the end of that local day; a
 * date-time must carry its offset (the DTO refuses one without) and is taken as it says. Null: no due date.
 */
export function requestedDue(
  input: { dueDate?: string; dueAt?: string },
  zone: AgencyTimeZone,
): { at: Date; zone: AgencyTimeZone } | null {
  if (input.dueDate !== undefined && input.dueAt !== undefined) {
    throw invalid(
      ErrorCode.VALIDATION_FAILED,
      'Kirim salah satu saja: dueDate (tanggal) atau dueAt (tanggal-waktu dengan offset)',
    );
  }
  if (input.dueDate !== undefined) {
    const at = endOfLocalDay(input.dueDate, zone);
    if (!at) throw invalid(ErrorCode.VALIDATION_FAILED, `dueDate ${input.dueDate} tidak ada di kalender`);
    return { at, zone };
  }
  if (input.dueAt !== undefined) {
    const parsed = parseDateTimeWithOffset(input.dueAt);
    if (!parsed.ok)
      throw invalid(
        ErrorCode.VALIDATION_FAILED,
        'dueAt harus tanggal-waktu ISO 8601 dengan offset, mis. 2026-12-31T23:59:59+08:00',
      );
    return { at: parsed.instant, zone };
  }
  return null;
}
