import type { SeatPool } from '@kompeten/shared-contracts';

/** A class's seats as the counters say, under the class row's lock (decision 0034). */
export interface SeatState {
  /** null: unlimited. */
  seats: number | null;
  quotaSeats: number;
  taken: number;
  commonTaken: number;
  /** The quota release date has passed: every seat is open to all. */
  released: boolean;
  /** agency id → its quota's seats and how many are held. */
  quotas: ReadonlyMap<string, { seats: number; taken: number }>;
}

/**
 * Which pool a seat for an ASN of `agencyId` comes from now, or null when there is none for them. Before the release
 * date: their agency's quota, else the seats outside every quota. After it: any free seat (quotas no longer reserve).
 */
export function seatFor(s: SeatState, agencyId: string): SeatPool | null {
  if (s.seats === null) return 'common';
  if (s.released) return s.taken < s.seats ? 'common' : null;
  const q = s.quotas.get(agencyId);
  if (q && q.taken < q.seats) return 'quota';
  return s.commonTaken < s.seats - s.quotaSeats ? 'common' : null;
}

/**
 * The promotions a freed seat (or released quota) allows: walking the waitlist in arrival order, each waiter the
 * next free seat may go to is promoted — a freed quota seat goes to that agency's first waiter, a common seat to the
 * first waiter of any agency. Waiters for whom there is no seat keep their place. Pure: the caller holds the class
 * lock and applies the result.
 */
export function choosePromotions(
  state: SeatState,
  waitlist: ReadonlyArray<{ id: string; agencyId: string }>,
): Array<{ id: string; pool: SeatPool }> {
  const quotas = new Map([...state.quotas].map(([k, v]) => [k, { ...v }]));
  const s = { ...state, quotas };
  const out: Array<{ id: string; pool: SeatPool }> = [];
  for (const w of waitlist) {
    if (s.seats !== null && s.taken >= s.seats) break;
    const pool = seatFor(s, w.agencyId);
    if (!pool) continue;
    out.push({ id: w.id, pool });
    s.taken++;
    if (pool === 'common') s.commonTaken++;
    else {
      const q = quotas.get(w.agencyId);
      if (q) q.taken++;
    }
  }
  return out;
}
