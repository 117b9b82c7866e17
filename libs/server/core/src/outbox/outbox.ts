import type { EntityManager } from 'typeorm';
import type { OutboxEvent } from '@kompeten/shared-contracts';
import { OutboxEventEntity } from './outbox.entity';

/** Records an event in the caller's transaction. The worker's relay turns it into a job. */
export async function writeOutbox(
  manager: EntityManager,
  eventType: OutboxEvent,
  aggregateId: string | null,
  payload: Record<string, unknown>,
): Promise<OutboxEventEntity> {
  return manager.getRepository(OutboxEventEntity).save({ eventType, aggregateId, payload });
}
