import type { EntityManager } from 'typeorm';
import type { OutboxEvent, OutboxPayloadOf } from '@kompeten/shared-contracts';
import { OutboxEventEntity } from './outbox.entity';

/**
 * Records an event in the caller's transaction. The worker's relay fans it out to the event's consumers.
 * `aggregateId` is the entity its jobs act on (one job per consumer and entity).
 */
export async function writeOutbox<E extends OutboxEvent>(
  manager: EntityManager,
  eventType: E,
  aggregateId: string | null,
  payload: OutboxPayloadOf<E>,
): Promise<OutboxEventEntity> {
  return manager
    .getRepository(OutboxEventEntity)
    .save({ eventType, aggregateId, payload: payload as unknown as Record<string, unknown> });
}
