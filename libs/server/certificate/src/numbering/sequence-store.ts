import type { EntityManager } from 'typeorm';

/**
 * The next sequence of an agency's certificates in a year, inside the caller's transaction: the row stays locked until
 * it commits, so concurrent issues wait their turn, and a rollback gives the value back — no duplicates, no gaps.
 * Call it last in the issuing transaction to hold the lock briefly.
 */
export async function allocateSequence(m: EntityManager, agencyId: string, year: number): Promise<number> {
  if (!m.queryRunner?.isTransactionActive) throw new Error('allocateSequence must run inside the issuing transaction');
  const rows: Array<{ last_value: number }> = await m.query(
    `INSERT INTO certificate_sequence (agency_id, year, last_value) VALUES ($1, $2, 1)
     ON CONFLICT (agency_id, year) DO UPDATE SET last_value = certificate_sequence.last_value + 1
     RETURNING last_value`,
    [agencyId, year],
  );
  return rows[0].last_value;
}

/** The last sequence used by an agency in a year (0 before the first): previews show the next number, never take it. */
export async function lastSequence(m: EntityManager, agencyId: string, year: number): Promise<number> {
  const [row]: Array<{ last_value: number }> = await m.query(
    `SELECT last_value FROM certificate_sequence WHERE agency_id = $1 AND year = $2`,
    [agencyId, year],
  );
  return row?.last_value ?? 0;
}
