import { describe, expect, it } from '@jest/globals';
import { formName, shares } from './labels';

describe('JP labels', () => {
  it('shares add up to 100', () => {
    expect(shares([14, 3, 0])).toEqual([82, 18, 0]);
    expect(shares([1, 1, 1])).toEqual([34, 33, 33]);
    expect(shares([0, 0, 0])).toEqual([0, 0, 0]);
    expect(shares([10, 20, 70])).toEqual([10, 20, 70]);
  });

  it('names forms by their SIASN code', () => {
    expect(formName(16)).toBe('E-Learning');
    expect(formName(99)).toBe('99');
  });
});
