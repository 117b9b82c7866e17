import { createServer, type Server } from 'node:http';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bullmq';
import { ModuleRef } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { QueueName } from '@kompeten/shared-contracts';
import { APP_CONFIG, outboxSql, type AppConfig } from '@kompeten/server-core';

/** GET /health on the worker's own port: database, Redis and queue depths. 503 when a dependency is down. */
@Injectable()
export class WorkerHealthServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private server: Server | null = null;
  private readonly logger = new Logger(WorkerHealthServer.name);

  constructor(
    @InjectDataSource() @Inject(DataSource) private readonly db: DataSource,
    @Inject(ModuleRef) private readonly moduleRef: ModuleRef,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async status() {
    const database = await this.db.query('SELECT 1').then(
      () => 'up' as const,
      () => 'down' as const,
    );
    const queues: Record<string, unknown> = {};
    let redis: 'up' | 'down' = 'up';
    for (const name of Object.values(QueueName)) {
      try {
        const q = this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
        let timer: NodeJS.Timeout | undefined;
        // The timer is cleared once the counts arrive: a pending one would keep a stopping worker (or test) alive.
        const timeout = new Promise((_, r) => {
          timer = setTimeout(() => r(new Error('timeout')), 2000);
        });
        queues[name] = await Promise.race([q.getJobCounts('waiting', 'active', 'delayed', 'failed'), timeout]).finally(
          () => clearTimeout(timer),
        );
      } catch {
        redis = 'down';
      }
    }
    const outbox = await outboxSql.counts(this.db).catch(() => ({
      pending: null,
      parked: null,
      deliveriesPending: null,
      deliveriesFailed: null,
      deliveriesParked: null,
    }));
    return {
      status: database === 'up' && redis === 'up' ? 'ok' : 'error',
      database,
      redis,
      outboxPending: outbox.pending,
      // Not an outage (200), but each needs a person: an event nobody consumes, a job that gave up.
      outboxParked: outbox.parked,
      deliveries: {
        pending: outbox.deliveriesPending,
        failed: outbox.deliveriesFailed,
        parked: outbox.deliveriesParked,
      },
      queues,
    };
  }

  onApplicationBootstrap(): void {
    if (!this.config.workerHealthPort) return;
    this.server = createServer((req, res) => {
      if (req.url !== '/health') {
        res.writeHead(404).end();
        return;
      }
      this.status().then(
        (s) =>
          res.writeHead(s.status === 'ok' ? 200 : 503, { 'content-type': 'application/json' }).end(JSON.stringify(s)),
        () => res.writeHead(503).end(),
      );
    });
    this.server.listen(this.config.workerHealthPort, '127.0.0.1', () =>
      this.logger.log(`Worker health on http://127.0.0.1:${this.config.workerHealthPort}/health`),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await new Promise((r) => (this.server ? this.server.close(r) : r(undefined)));
  }
}
