import { describe, expect, it } from '@jest/globals';
import { importableCount } from './report';

describe('import report', () => {
  it('a commit creates the accepted questions, plus the duplicates only when the uploader includes them', () => {
    expect(importableCount({ accepted: 7, duplicates: 3 }, false)).toBe(7);
    expect(importableCount({ accepted: 7, duplicates: 3 }, true)).toBe(10);
    expect(importableCount({ accepted: 0, duplicates: 0 }, true)).toBe(0);
  });
});
