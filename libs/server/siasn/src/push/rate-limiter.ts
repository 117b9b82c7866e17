import type Redis from 'ioredis';

/**
 * At most `perSecond` calls per credential per second across every worker process (a counter per second in Redis):
 * SIASN documents no limit, so we keep ourselves to a few requests per second per agency credential (DOMAIN.md §6).
 * `acquire` waits for the next second when this one is used up.
 */
export class SiasnRateLimiter {
  constructor(
    private readonly redis: Redis,
    private readonly key: string,
    private readonly perSecond: number,
  ) {}

  async acquire(): Promise<void> {
    if (this.perSecond <= 0) return;
    for (;;) {
      const now = Date.now();
      const second = Math.floor(now / 1000);
      const k = `${this.key}:${second}`;
      const [[, count]] = (await this.redis.multi().incr(k).pexpire(k, 2000).exec()) as [[null, number], unknown];
      if (count <= this.perSecond) return;
      await new Promise((r) => setTimeout(r, (second + 1) * 1000 - now + Math.floor(Math.random() * 20)));
    }
  }
}
