import { Inject, Injectable, OnApplicationShutdown, type Provider } from '@nestjs/common';
import type IORedis from 'ioredis';
import { APP_CONFIG, createRedis, type AppConfig } from '@kompeten/server-core';

export const REDIS = Symbol('REDIS');

export const redisProvider: Provider = {
  provide: REDIS,
  inject: [APP_CONFIG],
  // One retry per command; the health check bounds each PING with its own timeout.
  useFactory: (config: AppConfig) => createRedis(config.redisUrl, { maxRetriesPerRequest: 1 }),
};

@Injectable()
export class RedisCloser implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: IORedis) {}
  async onApplicationShutdown(): Promise<void> {
    this.redis.disconnect();
  }
}
