import type { DeliveryMode, JpRule } from '@kompeten/shared-contracts';
import { applyCaps, creditFor, daysInclusive, quantityLimit, rawJp, round2 } from './rule-arithmetic';

const MINUTES: Record<DeliveryMode, number> = { classroom: 45, online: 60, blended: 50, self_paced: 90 };
const rule = (o: Partial<JpRule> = {}): JpRule => ({
  jenisDiklatId: 9,
  channel: 'formal',
  unit: 'hour',
  jpPerUnit: null,
  capPerActivity: null,
  capPerYear: null,
  evidence: 'certificate',
  enabled: true,
  ...o,
});
const hours = (quantity: number, deliveryMode: DeliveryMode = 'classroom') =>
  ({ basis: 'quantity', unit: 'hour', quantity, deliveryMode }) as const;

describe('JP recognition arithmetic (DOMAIN.md §3)', () => {
  describe('rawJp: before caps', () => {
    it.each([
      // [hours, mode, expected JP]: hours × 60 ÷ minutes per JP of the mode
      [3, 'classroom', 4],
      [1, 'classroom', 1.33],
      [6, 'online', 6],
      [2.5, 'blended', 3],
      [3, 'self_paced', 2],
      [0.75, 'classroom', 1],
    ] as const)('%s hours %s by minutes is %s JP', (h, mode, jp) => {
      expect(rawJp(rule(), hours(h, mode), MINUTES)).toEqual({ rawJp: jp, minutes: MINUTES[mode] });
    });

    it('counts a class’s attended minutes at its own minutes per JP, at most the training’s JP (decision 0037)', () => {
      const attended = (minutes: number, maxJp = 24) =>
        ({ basis: 'attended_minutes', minutes, minutesPerJp: 45, maxJp }) as const;
      // The rule's unit and JP per unit do not apply: the class's rule decided the minutes per JP.
      expect(rawJp(rule({ unit: 'day', jpPerUnit: 8 }), attended(1000), MINUTES)).toEqual({
        rawJp: 22.22,
        minutes: 45,
      });
      expect(rawJp(rule(), attended(1200, 20), MINUTES).rawJp).toBe(20);
      expect(rawJp(rule(), attended(0), MINUTES).rawJp).toBe(0);
      const line = creditFor(rule({ capPerActivity: 16 }), attended(1000), MINUTES, 0);
      expect(line).toMatchObject({
        jp: 16,
        calculation: {
          basis: 'attended_minutes',
          quantity: 1000,
          minutesPerJp: 45,
          rawJp: 22.22,
          cappedBy: 'activity',
        },
      });
    });

    it('counts JP per unit when the rule gives one, whatever the unit', () => {
      expect(rawJp(rule({ unit: 'hour', jpPerUnit: 1 }), hours(3), MINUTES).rawJp).toBe(3);
      const days = { basis: 'quantity', unit: 'day', quantity: 2.5, deliveryMode: 'classroom' } as const;
      expect(rawJp(rule({ unit: 'day', jpPerUnit: 8 }), days, MINUTES)).toEqual({ rawJp: 20, minutes: null });
      const sessions = { basis: 'quantity', unit: 'session', quantity: 3, deliveryMode: 'online' } as const;
      expect(rawJp(rule({ unit: 'session', jpPerUnit: 1.5 }), sessions, MINUTES).rawJp).toBe(4.5);
    });

    it('a course counts the JP its version declares, whatever the rule’s unit', () => {
      expect(rawJp(rule({ unit: 'day', jpPerUnit: 8 }), { basis: 'declared_jp', jp: 12.5 }, MINUTES)).toEqual({
        rawJp: 12.5,
        minutes: null,
      });
    });

    it('a non-hour unit without JP per unit earns nothing (validation refuses such a rule)', () => {
      const days = { basis: 'quantity', unit: 'day', quantity: 2, deliveryMode: 'classroom' } as const;
      expect(rawJp(rule({ unit: 'day', jpPerUnit: null }), days, MINUTES).rawJp).toBe(0);
    });
  });

  describe('applyCaps', () => {
    it('leaves JP alone without caps', () => {
      expect(applyCaps(rule(), 7.5, 100)).toEqual({ jp: 7.5, cappedBy: null });
    });

    it('a disabled form earns nothing', () => {
      expect(applyCaps(rule({ enabled: false }), 7.5, 0)).toEqual({ jp: 0, cappedBy: 'disabled' });
    });

    it('caps one activity', () => {
      expect(applyCaps(rule({ capPerActivity: 4 }), 7.5, 0)).toEqual({ jp: 4, cappedBy: 'activity' });
      expect(applyCaps(rule({ capPerActivity: 8 }), 7.5, 0)).toEqual({ jp: 7.5, cappedBy: null });
    });

    it('the per-year cap counts what the form already earned that year', () => {
      expect(applyCaps(rule({ capPerYear: 10 }), 4, 0)).toEqual({ jp: 4, cappedBy: null });
      expect(applyCaps(rule({ capPerYear: 10 }), 4, 8)).toEqual({ jp: 2, cappedBy: 'year' });
      expect(applyCaps(rule({ capPerYear: 10 }), 4, 10)).toEqual({ jp: 0, cappedBy: 'year' });
      // Earned above the cap (a version with a lower cap came later): nothing more, never negative.
      expect(applyCaps(rule({ capPerYear: 10 }), 4, 12)).toEqual({ jp: 0, cappedBy: 'year' });
    });

    it('a reversal frees room under the yearly cap (earned is net)', () => {
      expect(applyCaps(rule({ capPerYear: 10 }), 4, 10 - 4)).toEqual({ jp: 4, cappedBy: null });
    });

    it('applies the activity cap first, then the year cap on what is left', () => {
      expect(applyCaps(rule({ capPerActivity: 6, capPerYear: 10 }), 9, 0)).toEqual({ jp: 6, cappedBy: 'activity' });
      expect(applyCaps(rule({ capPerActivity: 6, capPerYear: 10 }), 9, 7)).toEqual({ jp: 3, cappedBy: 'year' });
    });

    it('keeps two decimals', () => {
      expect(applyCaps(rule({ capPerYear: 10 }), 1.33, 8.67)).toEqual({ jp: 1.33, cappedBy: null });
      expect(applyCaps(rule({ capPerYear: 10 }), 5, 8.667)).toEqual({ jp: 1.33, cappedBy: 'year' });
    });
  });

  describe('creditFor: the amount and the calculation a line keeps', () => {
    it('a claim by minutes, capped by the year', () => {
      expect(creditFor(rule({ capPerYear: 10 }), hours(9, 'classroom'), MINUTES, 6)).toEqual({
        jp: 4,
        calculation: {
          basis: 'quantity',
          unit: 'hour',
          quantity: 9,
          jpPerUnit: null,
          minutesPerJp: 45,
          deliveryMode: 'classroom',
          rawJp: 12,
          earnedBefore: 6,
          cappedBy: 'year',
        },
      });
    });

    it('a course’s declared JP', () => {
      expect(creditFor(rule({ jenisDiklatId: 16 }), { basis: 'declared_jp', jp: 8 }, MINUTES, 0)).toEqual({
        jp: 8,
        calculation: {
          basis: 'declared_jp',
          unit: null,
          quantity: null,
          jpPerUnit: null,
          minutesPerJp: null,
          deliveryMode: null,
          rawJp: 8,
          earnedBefore: 0,
          cappedBy: null,
        },
      });
    });
  });

  describe('dates and believable quantities', () => {
    it('counts days with both ends included', () => {
      expect(daysInclusive('2026-09-14', '2026-09-14')).toBe(1);
      expect(daysInclusive('2026-12-30', '2027-01-02')).toBe(4);
      expect(daysInclusive('2028-02-28', '2028-03-01')).toBe(3);
    });

    it('bounds days by the dates and hours by 24 a day; sessions and activities are not bounded', () => {
      expect(quantityLimit('day', '2026-09-14', '2026-09-16')).toBe(3);
      expect(quantityLimit('hour', '2026-09-14', '2026-09-15')).toBe(48);
      expect(quantityLimit('session', '2026-09-14', '2026-09-14')).toBeNull();
      expect(quantityLimit('activity', '2026-09-14', '2026-09-14')).toBeNull();
    });

    it('rounds half up to two decimals', () => {
      expect(round2(1.005)).toBe(1.01);
      expect(round2(4 / 3)).toBe(1.33);
    });
  });
});
