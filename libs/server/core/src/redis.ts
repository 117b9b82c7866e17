import IORedis, { type RedisOptions } from 'ioredis';

/** One Redis connection factory for the API (health, rate limits) and BullMQ. */
export function createRedis(url: string, options: RedisOptions = {}): IORedis {
  return new IORedis(url, { maxRetriesPerRequest: null, enableReadyCheck: true, lazyConnect: false, ...options });
}

/** BullMQ connection options from a redis:// URL (BullMQ builds its ioredis clients from these). */
export function bullConnection(url: string): { url: string; maxRetriesPerRequest: null } {
  return { url, maxRetriesPerRequest: null };
}
