import { DataSource, QueryFailedError } from 'typeorm';
import { preparedQuery } from './prepared';

// Needs no schema: statements on the admin database, temporary tables inside transactions.
const ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

describe('preparedQuery', () => {
  let ds: DataSource;

  beforeAll(async () => {
    ds = await new DataSource({ type: 'postgres', url: ADMIN_URL, poolSize: 2 }).initialize();
  });
  afterAll(() => ds?.destroy());

  it('answers rows from the pool, the same for every call of one text', async () => {
    const text = 'SELECT $1::int + 1 AS n';
    expect(await preparedQuery(ds, text, [1])).toEqual([{ n: 2 }]);
    expect(await preparedQuery(ds.manager, text, [41])).toEqual([{ n: 42 }]);
  });

  it('runs on the transaction’s own connection, as a named statement, and sees its uncommitted writes', async () => {
    await ds.transaction(async (m) => {
      await m.query('CREATE TEMPORARY TABLE prepared_probe (id int PRIMARY KEY, label text) ON COMMIT DROP');
      const inserted = await preparedQuery(
        m,
        'INSERT INTO prepared_probe (id, label) VALUES ($1, $2) RETURNING id, label',
        [7, 'tujuh'],
      );
      expect(inserted).toEqual([{ id: 7, label: 'tujuh' }]);
      expect(await m.query('SELECT label FROM prepared_probe WHERE id = 7')).toEqual([{ label: 'tujuh' }]);
      const named: Array<{ statement: string }> = await m.query(
        `SELECT statement FROM pg_prepared_statements WHERE name LIKE 'k\\_%'`,
      );
      expect(named.map((r) => r.statement)).toContain(
        'INSERT INTO prepared_probe (id, label) VALUES ($1, $2) RETURNING id, label',
      );
    });
  });

  it('reports a driver error as QueryFailedError with the PostgreSQL code (so the API answers 400, not 500)', async () => {
    const failure = await preparedQuery(ds, 'SELECT $1::uuid AS id', ['not-a-uuid']).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(QueryFailedError);
    expect((failure as QueryFailedError & { code?: string }).code).toBe('22P02');
  });
});
