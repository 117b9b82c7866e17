/**
 * The wait before attempt `attempt + 1`: exponential from `baseMs`, capped at `maxMs`, with jitter over the upper half
 * (so a crowd of pushes that failed together does not come back together). Retry-After wins when it is longer.
 */
export function retryDelayMs(
  attempt: number,
  o: { baseMs: number; maxMs: number; retryAfterMs?: number | null },
  random: () => number = Math.random,
): number {
  const exp = Math.min(o.maxMs, o.baseMs * 2 ** Math.max(0, Math.min(30, attempt - 1)));
  const jittered = Math.round(exp / 2 + (random() * exp) / 2);
  return Math.max(jittered, o.retryAfterMs ?? 0);
}
