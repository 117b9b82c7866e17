import { choosePromotions, seatFor, type SeatState } from './promotion';

const state = (
  o: Partial<Omit<SeatState, 'quotas'>> & { quotas?: Record<string, [number, number]> } = {},
): SeatState => ({
  seats: 10,
  quotaSeats: 6,
  taken: 0,
  commonTaken: 0,
  released: false,
  ...o,
  quotas: new Map(
    Object.entries(o.quotas ?? { A: [3, 0], B: [3, 0] }).map(([k, [seats, taken]]) => [k, { seats, taken }]),
  ),
});

describe('seatFor', () => {
  it('takes the agency’s quota first, then the common seats', () => {
    expect(seatFor(state(), 'A')).toBe('quota');
    expect(seatFor(state({ quotas: { A: [3, 3], B: [3, 0] }, taken: 3 }), 'A')).toBe('common');
    expect(seatFor(state(), 'C')).toBe('common');
  });
  it('never gives another agency’s reserved seats before the release date', () => {
    const s = state({ quotas: { A: [3, 0], B: [3, 3] }, taken: 7, commonTaken: 4 });
    expect(seatFor(s, 'B')).toBeNull();
    expect(seatFor(s, 'C')).toBeNull();
    expect(seatFor(s, 'A')).toBe('quota');
  });
  it('after the release date every free seat is open to all', () => {
    const s = state({ quotas: { A: [3, 0], B: [3, 3] }, taken: 7, commonTaken: 4, released: true });
    expect(seatFor(s, 'C')).toBe('common');
    expect(seatFor({ ...s, taken: 10 }, 'A')).toBeNull();
  });
  it('an unlimited class always has a seat', () => {
    expect(seatFor(state({ seats: null, quotaSeats: 0, quotas: {} }), 'Z')).toBe('common');
  });
});

describe('choosePromotions', () => {
  const full = { quotas: { A: [3, 3], B: [3, 3] } as Record<string, [number, number]>, taken: 10, commonTaken: 4 };
  it('a freed common seat goes to the first waiter of any agency', () => {
    const s = state({ ...full, taken: 9, commonTaken: 3 });
    expect(
      choosePromotions(s, [
        { id: 'w1', agencyId: 'B' },
        { id: 'w2', agencyId: 'A' },
      ]),
    ).toEqual([{ id: 'w1', pool: 'common' }]);
  });
  it('a freed quota seat goes to that agency’s first waiter, passing others who may not take it', () => {
    const s = state({ ...full, quotas: { A: [3, 2], B: [3, 3] }, taken: 9 });
    const w = [
      { id: 'w1', agencyId: 'B' },
      { id: 'w2', agencyId: 'C' },
      { id: 'w3', agencyId: 'A' },
      { id: 'w4', agencyId: 'A' },
    ];
    expect(choosePromotions(s, w)).toEqual([{ id: 'w3', pool: 'quota' }]);
  });
  it('a freed quota seat with no waiter of its agency stays reserved', () => {
    const s = state({ ...full, quotas: { A: [3, 2], B: [3, 3] }, taken: 9 });
    expect(choosePromotions(s, [{ id: 'w1', agencyId: 'B' }])).toEqual([]);
  });
  it('after release, unused quota seats go to the waiters in arrival order', () => {
    const s = state({ quotas: { A: [3, 1], B: [3, 3] }, taken: 8, commonTaken: 4, released: true });
    const w = [
      { id: 'w1', agencyId: 'B' },
      { id: 'w2', agencyId: 'C' },
      { id: 'w3', agencyId: 'A' },
    ];
    expect(choosePromotions(s, w)).toEqual([
      { id: 'w1', pool: 'common' },
      { id: 'w2', pool: 'common' },
    ]);
  });
  it('promotes nobody when nothing is free, and never changes the state it was given', () => {
    const s = state(full);
    expect(choosePromotions(s, [{ id: 'w1', agencyId: 'A' }])).toEqual([]);
    const free = state({ quotas: { A: [3, 2] }, quotaSeats: 3, taken: 2 });
    choosePromotions(free, [{ id: 'w1', agencyId: 'A' }]);
    expect(free.quotas.get('A')).toEqual({ seats: 3, taken: 2 });
  });

  it('applied again without a waiter refused as double-booked, gives their seat to the next waiter of that pool', () => {
    // One quota seat of A free and one common seat: a1 (A) takes the quota, c1 the common seat.
    const s = state({ quotas: { A: [3, 2], B: [3, 3] }, taken: 8, commonTaken: 3 });
    const waitlist = [
      { id: 'a1', agencyId: 'A' },
      { id: 'c1', agencyId: 'C' },
      { id: 'a2', agencyId: 'A' },
      { id: 'c2', agencyId: 'C' },
    ];
    expect(choosePromotions(s, waitlist)).toEqual([
      { id: 'a1', pool: 'quota' },
      { id: 'c1', pool: 'common' },
    ]);
    // a1 holds an overlapping seat and is refused: A's quota seat goes to a2, not to c2; c1 keeps the common seat.
    expect(
      choosePromotions(
        s,
        waitlist.filter((w) => w.id !== 'a1'),
      ),
    ).toEqual([
      { id: 'c1', pool: 'common' },
      { id: 'a2', pool: 'quota' },
    ]);
    // c1 refused instead: the common seat goes to the next waiter of any agency in arrival order (a2, as common).
    expect(
      choosePromotions(
        s,
        waitlist.filter((w) => w.id !== 'c1'),
      ),
    ).toEqual([
      { id: 'a1', pool: 'quota' },
      { id: 'a2', pool: 'common' },
    ]);
  });
});
