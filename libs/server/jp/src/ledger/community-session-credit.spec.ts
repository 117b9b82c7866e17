import { communitySessionBasis } from './community-session-credit';

describe('a community session’s basis follows the unit of the rule in force', () => {
  const session = { durationMinutes: 90, mode: 'online' as const };
  it.each([
    ['session', { basis: 'quantity', unit: 'session', quantity: 1, deliveryMode: 'online' }],
    ['hour', { basis: 'quantity', unit: 'hour', quantity: 1.5, deliveryMode: 'online' }],
    ['day', { basis: 'quantity', unit: 'day', quantity: 1, deliveryMode: 'online' }],
    ['activity', { basis: 'quantity', unit: 'activity', quantity: 1, deliveryMode: 'online' }],
  ] as const)('per %s', (unit, basis) => {
    expect(communitySessionBasis({ unit }, session)).toEqual(basis);
  });
  it('a meeting in person counts in classroom minutes', () => {
    expect(communitySessionBasis({ unit: 'hour' }, { durationMinutes: 45, mode: 'classroom' })).toEqual({
      basis: 'quantity',
      unit: 'hour',
      quantity: 0.75,
      deliveryMode: 'classroom',
    });
  });
});
