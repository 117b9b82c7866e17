import type { EntityManager } from 'typeorm';
import { choosePromotions } from './promotion';
import { lockClass, promote, readWaitlist } from './registration-store';

/**
 * Promotes from the waitlist into every seat now free, in arrival order (the pure rule `choosePromotions`), inside the
 * caller's transaction: the class row is locked first (decision 0034), so two fills of one class never promote the
 * same seat twice. Returns the promoted registrations' ids.
 */
export async function fillFromWaitlist(m: EntityManager, classId: string): Promise<string[]> {
  const cls = await lockClass(m, classId);
  if (!cls) return [];
  const waitlist = await readWaitlist(m, classId);
  if (!waitlist.length) return [];
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
  return promote(m, classId, chosen, cls.requires_approval);
}
