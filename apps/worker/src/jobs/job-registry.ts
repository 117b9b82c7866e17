import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import type { QueueName } from '@kompeten/shared-contracts';
import { JobHandlerProvider, type JobHandler } from '@kompeten/server-core';
import { OUTBOX_ROUTES, type OutboxRoutes } from '../outbox/outbox-routes';

export interface RegisteredJob {
  handler: JobHandler;
  queue: QueueName;
}

/**
 * The worker refuses to start unless every job has exactly one handler, every handler is for a known job, and every
 * event's consumers are known jobs (each named once).
 */
export function indexHandlers(handlers: readonly JobHandler[], routes: OutboxRoutes): Map<string, RegisteredJob> {
  const byName = new Map<string, RegisteredJob>();
  const problems: string[] = [];
  for (const handler of handlers) {
    const queue = routes.queues[handler.jobName];
    if (!queue) problems.push(`handler for unknown job ${handler.jobName}`);
    else if (byName.has(handler.jobName)) problems.push(`two handlers for job ${handler.jobName}`);
    else byName.set(handler.jobName, { handler, queue });
  }
  for (const name of Object.keys(routes.queues)) if (!byName.has(name)) problems.push(`no handler for job ${name}`);
  for (const [event, consumers] of Object.entries(routes.consumers)) {
    for (const name of consumers) if (!routes.queues[name]) problems.push(`event ${event} names unknown job ${name}`);
    if (new Set(consumers).size !== consumers.length) problems.push(`event ${event} names a consumer twice`);
  }
  if (problems.length) throw new Error(`Worker job handlers are wrong: ${problems.join('; ')}`);
  return byName;
}

/**
 * The job handlers of the modules the worker imports: every provider marked `@JobHandlerProvider()` (the domain libs'
 * `jobs/` folders), found with Nest's DiscoveryService when the modules are initialised.
 */
@Injectable()
export class JobRegistry implements OnModuleInit {
  private byName = new Map<string, RegisteredJob>();

  constructor(
    @Inject(DiscoveryService) private readonly discovery: DiscoveryService,
    @Inject(OUTBOX_ROUTES) private readonly routes: OutboxRoutes,
  ) {}

  onModuleInit(): void {
    const handlers = this.discovery
      .getProviders({ metadataKey: JobHandlerProvider.KEY })
      .map((w) => w.instance as JobHandler);
    this.byName = indexHandlers(handlers, this.routes);
  }

  get(name: string): RegisteredJob | undefined {
    return this.byName.get(name);
  }

  all(): RegisteredJob[] {
    return [...this.byName.values()];
  }
}
