import type { ClassRegistration } from '@kompeten/shared-contracts';
import type { RegistrationRow } from './registration-store';

const iso = (v: string | Date | null | undefined) => (v == null ? null : new Date(v).toISOString());

export function toRegistration(
  r: RegistrationRow,
  extra: { name?: string | null; position?: number | null } = {},
): ClassRegistration {
  return {
    id: r.id,
    classId: r.class_id,
    classTitle: r.class_title ?? null,
    employeeId: r.employee_id,
    employeeName: extra.name ?? r.employee_name ?? null,
    agencyId: r.agency_id,
    status: r.status,
    seatPool: r.seat_pool,
    waitlistNumber: r.waitlist_number === null ? null : Number(r.waitlist_number),
    waitlistPosition: r.status === 'waitlisted' ? (extra.position ?? r.position ?? null) : null,
    nominatedBy: r.nominated_by,
    decidedAt: iso(r.decided_at),
    decisionReason: r.decision_reason,
    createdAt: iso(r.created_at) as string,
  };
}
