import { EVENT_CONSUMERS, JOB_QUEUE, type QueueName } from '@kompeten/shared-contracts';

/** Which jobs consume each outbox event and which queue each job runs on (the contracts; tests add their own jobs). */
export interface OutboxRoutes {
  consumers: Readonly<Record<string, readonly string[]>>;
  queues: Readonly<Record<string, QueueName>>;
}

export const OUTBOX_ROUTES = Symbol('OUTBOX_ROUTES');

export const CONTRACT_ROUTES: OutboxRoutes = { consumers: EVENT_CONSUMERS, queues: JOB_QUEUE };
