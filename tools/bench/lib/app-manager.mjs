// The bench calls the app's own compiled SQL functions (rebuilds, checks, issuing, delivery) on its pg connections;
// they need only an EntityManager's `query`, answering as TypeORM's PostgreSQL driver does.

/** An EntityManager-shaped wrapper over a pg Client or Pool: UPDATE/DELETE answer `[rows, affected]`, others rows. */
export const managerOf = (db) => ({
  queryRunner: { isTransactionActive: true },
  query: async (sql, params) => {
    const r = await db.query(sql, params);
    return r.command === 'UPDATE' || r.command === 'DELETE' ? [r.rows, r.rowCount] : r.rows;
  },
});

/** Runs `fn(manager)` in one transaction on the pg Client `db`; answers what it answers and its wall time in seconds. */
export async function inAppTransaction(db, fn) {
  const t0 = performance.now();
  await db.query('BEGIN');
  try {
    const result = await fn(managerOf(db));
    await db.query('COMMIT');
    return { result, seconds: (performance.now() - t0) / 1000 };
  } catch (e) {
    await db.query('ROLLBACK');
    throw e;
  }
}
