import { ceilingOf, standingOf } from './standing';

describe('a learner’s standing for a year (PNS owe 20 JP; PPPK are never below target)', () => {
  it.each([
    ['PNS', 20, true, 'met'],
    ['PNS', 19.5, true, 'in_progress'],
    ['PNS', 19.5, false, 'below_target'],
    ['PNS', 0, false, 'below_target'],
    ['PPPK', 24, false, 'met'],
    ['PPPK', 4, true, 'in_progress'],
    ['PPPK', 4, false, 'below_reference'],
    ['PPPK', 0, false, 'below_reference'],
  ] as const)('%s with %s JP (year running: %s) is %s', (type, jp, running, standing) => {
    expect(standingOf(type, jp, running)).toBe(standing);
  });

  it('only PPPK have a ceiling (24 JP)', () => {
    expect(ceilingOf('PPPK')).toBe(24);
    expect(ceilingOf('PNS')).toBeNull();
  });
});
