import type { DataSource, EntityManager } from 'typeorm';

/** Looks up a row id by a simple query (`SELECT id FROM … WHERE …`); throws when there is none. */
export async function idOf(db: DataSource | EntityManager, sql: string, params: unknown[] = []): Promise<string> {
  const rows = await db.query(sql, params);
  if (!rows[0]?.id) throw new Error(`No row for ${sql} ${JSON.stringify(params)}`);
  return rows[0].id;
}
