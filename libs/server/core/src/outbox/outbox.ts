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

/**
 * `writeOutbox` as SQL text for a hot path that must stay one statement (decision 0034: a class registration takes its
 * seat and records its event in the same statement): an `INSERT … SELECT` of one event per row of `from` (a CTE or
 * a table expression of the caller's statement, with its WHERE), for use as a data-modifying CTE. The payload's keys
 * are checked against the event's payload type at compile time; each value is a SQL expression over `from`'s rows
 * (ids only). The outbox table stays core's: no other lib names it.
 */
export function outboxInsertSql<E extends OutboxEvent>(
  eventType: E,
  from: string,
  aggregateIdSql: string,
  payloadSql: { [K in keyof OutboxPayloadOf<E>]: string },
): string {
  const pairs = Object.entries(payloadSql as Record<string, string>)
    .map(([key, sql]) => `'${key.replace(/[^A-Za-z0-9_]/g, '')}', ${sql}`)
    .join(', ');
  return `INSERT INTO outbox_event (event_type, aggregate_id, payload)
          SELECT '${eventType.replace(/'/g, '')}', ${aggregateIdSql}, jsonb_build_object(${pairs}) FROM ${from}`;
}
