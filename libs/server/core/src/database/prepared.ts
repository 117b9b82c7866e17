import { createHash } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import { DataSource, QueryFailedError, type EntityManager } from 'typeorm';

const names = new Map<string, string>();

/** A stable name per statement text: the same text is parsed once per connection, whichever code path sends it. */
function nameOf(text: string): string {
  let name = names.get(text);
  if (!name) {
    name = `k_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
    names.set(text, name);
  }
  return name;
}

/**
 * Runs a hot-path statement as a named prepared statement on the caller's connection: in the manager's transaction
 * when it has one, otherwise on a pooled connection. PostgreSQL then parses and analyses it once per connection and,
 * after a few executions, reuses a generic plan — planning was more than half of the database's time on the
 * benchmark's hottest statements (docs/performance.md, docs/decisions/0009-hot-paths.md). Answers the rows (also for
 * INSERT/UPDATE … RETURNING); driver errors arrive as TypeORM's QueryFailedError, as from `manager.query`.
 * Only for statements whose text is fixed (values as parameters): every distinct text is a statement kept on each connection.
 */
export async function preparedQuery<T = Record<string, unknown>>(
  on: DataSource | EntityManager,
  text: string,
  values: readonly unknown[],
): Promise<T[]> {
  const config = { name: nameOf(text), text, values: values as unknown[] };
  const runner = on instanceof DataSource ? undefined : on.queryRunner;
  const client: Pool | PoolClient = runner
    ? ((await runner.connect()) as PoolClient)
    : ((on instanceof DataSource ? on : on.dataSource).driver as unknown as { master: Pool }).master;
  try {
    return (await client.query(config)).rows as T[];
  } catch (err) {
    throw new QueryFailedError(text, config.values, err as Error);
  }
}
