import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Fan-out and guaranteed delivery (docs/decisions/0017-outbox-fan-out-and-deliveries.md):
 * - outbox_event.status: pending → sent (its deliveries are written) or parked (unknown type, no consumers, or a row
 *   the relay keeps failing on), with parked_at; rows already sent become `sent`.
 * - outbox_delivery: one row per consumer job (unique job id `<jobName>.<aggregateId>`), its status, runs, last error
 *   and times; the durable record of the job once BullMQ has trimmed it.
 */
export class OutboxDeliveries1797100000000 implements MigrationInterface {
  name = 'OutboxDeliveries1797100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE outbox_event ADD COLUMN status text NOT NULL DEFAULT 'pending', ADD COLUMN parked_at timestamptz`,
    );
    await q.query(`UPDATE outbox_event SET status = 'sent' WHERE sent_at IS NOT NULL`);
    await q.query(
      `ALTER TABLE outbox_event ADD CONSTRAINT outbox_event_status_check CHECK (status IN ('pending','sent','parked'))`,
    );
    await q.query(`DROP INDEX ix_outbox_event_pending`);
    await q.query(`CREATE INDEX ix_outbox_event_pending ON outbox_event (created_at) WHERE status = 'pending'`);
    await q.query(`CREATE INDEX ix_outbox_event_sent ON outbox_event (sent_at) WHERE status = 'sent'`);
    await q.query(`CREATE INDEX ix_outbox_event_parked ON outbox_event (parked_at) WHERE status = 'parked'`);
    await q.query(`
      CREATE TABLE outbox_delivery (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        event_id uuid NOT NULL,
        job_name text NOT NULL,
        job_id text NOT NULL,
        status text NOT NULL DEFAULT 'pending',
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        result text,
        created_at timestamptz NOT NULL DEFAULT now(),
        available_at timestamptz NOT NULL DEFAULT now(),
        queued_at timestamptz,
        finished_at timestamptz,
        CONSTRAINT outbox_delivery_event_id_fkey FOREIGN KEY (event_id) REFERENCES outbox_event(id) ON DELETE CASCADE,
        CONSTRAINT outbox_delivery_status_check CHECK (status IN ('pending','queued','done','failed','parked'))
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_outbox_delivery_job_id ON outbox_delivery (job_id)`);
    await q.query(`CREATE INDEX ix_outbox_delivery_event ON outbox_delivery (event_id)`);
    await q.query(`CREATE INDEX ix_outbox_delivery_pending ON outbox_delivery (available_at) WHERE status = 'pending'`);
    await q.query(`CREATE INDEX ix_outbox_delivery_queued ON outbox_delivery (queued_at) WHERE status = 'queued'`);
    await q.query(
      `CREATE INDEX ix_outbox_delivery_gave_up ON outbox_delivery (finished_at) WHERE status IN ('failed','parked')`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE outbox_delivery`);
    await q.query(`DROP INDEX ix_outbox_event_parked`);
    await q.query(`DROP INDEX ix_outbox_event_sent`);
    await q.query(`DROP INDEX ix_outbox_event_pending`);
    await q.query(`CREATE INDEX ix_outbox_event_pending ON outbox_event (created_at) WHERE sent_at IS NULL`);
    await q.query(`ALTER TABLE outbox_event DROP CONSTRAINT outbox_event_status_check`);
    await q.query(`ALTER TABLE outbox_event DROP COLUMN parked_at, DROP COLUMN status`);
  }
}
