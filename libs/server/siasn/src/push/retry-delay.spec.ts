import { retryDelayMs } from './retry-delay';

describe('retryDelayMs', () => {
  const o = { baseMs: 1000, maxMs: 60_000 };

  it('doubles per attempt within the upper half of the window', () => {
    expect(retryDelayMs(1, o, () => 0)).toBe(500);
    expect(retryDelayMs(1, o, () => 1)).toBe(1000);
    expect(retryDelayMs(4, o, () => 0)).toBe(4000);
    expect(retryDelayMs(4, o, () => 1)).toBe(8000);
  });

  it('never waits longer than the cap, however many attempts', () => {
    expect(retryDelayMs(40, o, () => 1)).toBe(60_000);
    expect(retryDelayMs(40, o, () => 0)).toBe(30_000);
  });

  it('honours a longer Retry-After, and ignores a shorter one', () => {
    expect(retryDelayMs(1, { ...o, retryAfterMs: 5000 }, () => 1)).toBe(5000);
    expect(retryDelayMs(4, { ...o, retryAfterMs: 100 }, () => 1)).toBe(8000);
  });
});
