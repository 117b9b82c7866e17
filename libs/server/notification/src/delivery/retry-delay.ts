/**
 * The wait before attempt `attempt + 1`: exponential from `baseMs`, capped at `maxMs`, with jitter over the upper half
 * so emails that failed together (the SMTP server was down) do not all come back in the same second.
 */
export function emailRetryDelayMs(
  attempt: number,
  o: { baseMs: number; maxMs: number },
  random: () => number = Math.random,
): number {
  const exp = Math.min(o.maxMs, o.baseMs * 2 ** Math.max(0, Math.min(30, attempt - 1)));
  return Math.round(exp / 2 + (random() * exp) / 2);
}
