import type { EntityManager } from 'typeorm';
import { choosePromotions } from './promotion';
import {
  inSavepoint,
  isScheduleOverlap,
  leaveClass,
  lockClass,
  promote,
  readWaitlist,
  waitersDoubleBooked,
} from './registration-store';

/** Why a waiter was refused at promotion (decision_reason, shown to the learner). */
export const DOUBLE_BOOKED_REASON =
  'Tidak dapat dinaikkan dari daftar tunggu: Anda sudah memegang kursi di kelas lain pada waktu yang sama';

/**
 * Promotes from the waitlist into every seat now free, in arrival order (the pure rule `choosePromotions`), inside the
 * caller's transaction: the class row is locked first (decision 0034), so two fills of one class never promote the
 * same seat twice. A chosen waiter who meanwhile holds a seat in an overlapping class is not promoted: they are
 * refused (status `refused`, `DOUBLE_BOOKED_REASON`) and the rule is applied again to the waiters left, so their seat
 * goes to the next waiter in arrival order. The promotion runs in a savepoint: a seat taken elsewhere after the check
 * breaks the exclusion constraint, the savepoint alone is rolled back (counters included) and the next round sees
 * that seat. Returns the promoted registrations' ids.
 */
export async function fillFromWaitlist(m: EntityManager, classId: string): Promise<string[]> {
  // Each round either promotes (and ends), refuses at least one waiter, or lost a race whose seat the next round sees.
  let rounds: number | null = null;
  for (let round = 0; ; round++) {
    const cls = await lockClass(m, classId);
    if (!cls) return [];
    const waitlist = await readWaitlist(m, classId);
    if (!waitlist.length) return [];
    rounds ??= 2 * waitlist.length + 2;
    if (round > rounds) throw new Error(`waitlist promotion of class ${classId} does not settle`);
    const chosen = choosePromotions(
      {
        seats: cls.seats,
        quotaSeats: cls.quota_seats,
        taken: cls.taken,
        commonTaken: cls.common_taken,
        released: cls.released,
        quotas: new Map(cls.quotas.map((q) => [q.agency_id, { seats: q.seats, taken: q.taken }])),
      },
      waitlist,
    );
    if (!chosen.length) return [];
    const busy = await waitersDoubleBooked(
      m,
      classId,
      chosen.map((c) => c.id),
    );
    if (busy.length) {
      for (const id of busy)
        await leaveClass(m, { id, from: 'waitlisted', to: 'refused', decidedBy: null, reason: DOUBLE_BOOKED_REASON });
      continue;
    }
    const ids = await inSavepoint(
      m,
      'waitlist_promotion',
      () => promote(m, classId, chosen, cls.requires_approval),
      isScheduleOverlap,
      null,
    );
    if (ids) return ids;
  }
}
