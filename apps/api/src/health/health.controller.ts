import { Controller, Get, Inject, Res } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type IORedis from 'ioredis';
import { DataSource } from 'typeorm';
import type { HealthStatus } from '@kompeten/shared-contracts';
import { NoRateLimit, Public, REDIS, SessionStore } from '@kompeten/server-core';

class HealthDto {
  @ApiProperty({ enum: ['ok', 'error'] }) status: 'ok' | 'error';
  @ApiProperty({ enum: ['up', 'down'] }) database: 'up' | 'down';
  @ApiProperty({ enum: ['up', 'down'] }) redis: 'up' | 'down';
  @ApiProperty({
    enum: ['subscribed', 'direct'],
    description:
      'subscribed: session and rate-limit checks answered from memory kept current by Redis announcements; direct: one Redis call per request (starting or reconnecting)',
  })
  sessionChecks: 'subscribed' | 'direct';
  @ApiProperty({ example: '0.1.0' }) version: string;
}

/** `p`, or a rejection after `ms`; the timer is cleared either way, so no health call leaves a pending timer behind. */
const withTimeout = <T>(p: Promise<T>, ms: number): Promise<T> => {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timeout')), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
};

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() @Inject(DataSource) private readonly db: DataSource,
    @Inject(REDIS) private readonly redis: IORedis,
    @Inject(SessionStore) private readonly sessions: SessionStore,
  ) {}

  @Public()
  @NoRateLimit()
  @Get()
  @ApiOperation({ summary: 'Database and Redis status; 503 when either is down' })
  @ApiOkResponse({ type: HealthDto })
  @ApiServiceUnavailableResponse({ type: HealthDto })
  async health(@Res({ passthrough: true }) res: Response): Promise<HealthStatus> {
    const [database, redis] = await Promise.all([
      withTimeout(this.db.query<unknown>('SELECT 1'), 2000).then(
        () => 'up' as const,
        () => 'down' as const,
      ),
      withTimeout(this.redis.ping(), 2000).then(
        () => 'up' as const,
        () => 'down' as const,
      ),
    ]);
    const ok = database === 'up' && redis === 'up';
    res.status(ok ? 200 : 503);
    return {
      status: ok ? 'ok' : 'error',
      database,
      redis,
      sessionChecks: this.sessions.subscribed ? 'subscribed' : 'direct',
      version: process.env.npm_package_version ?? '0.1.0',
    };
  }
}
