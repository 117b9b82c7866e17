import { Inject, Injectable, OnApplicationShutdown, type Provider } from '@nestjs/common';
import type IORedis from 'ioredis';
import { APP_CONFIG, createRedis, type AppConfig } from '@kompeten/server-core';

export const REDIS = Symbol('REDIS');

export const redisProvider: Provider = {
  provide: REDIS,
  inject: [APP_CONFIG],
  // One retry per command; the health check bounds each PING with its own timeout. On shutdown, a socket that never
  // connected (Redis down) gets no 'close' event, so ioredis's disconnect timer (2 s by default) would keep a stopping
  // process alive that long: 200 ms is plenty for a socket that is already gone.
  useFactory: (config: AppConfig) => createRedis(config.redisUrl, { maxRetriesPerRequest: 1, disconnectTimeout: 200 }),
};

@Injectable()
export class RedisCloser implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: IORedis) {}
  async onApplicationShutdown(): Promise<void> {
    // QUIT when connected (a clean close, no timer left behind); otherwise just drop the socket and stop reconnecting.
    if (this.redis.status === 'ready') await this.redis.quit().catch(() => this.redis.disconnect());
    else this.redis.disconnect();
  }
}
