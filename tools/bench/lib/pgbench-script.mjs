// A custom pgbench script against a bench database, with durable commits (synchronous_commit on, as the app runs):
// the ceiling the calendar and webinar scenarios compare their HTTP rate with. `sql` is the script's text (pgbench
// meta-commands allowed); each client runs `transactions` of it.
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BENCH_TMP, pgbenchFigures, pgCommandLine } from './platform.mjs';

export function runPgbenchScript({ name, database, sql, clients, transactions }) {
  const { args: conn, env } = pgCommandLine({ durable: true });
  const script = join(BENCH_TMP, `${name}-ceiling-${randomUUID()}.sql`);
  writeFileSync(script, sql);
  const args = ['-n', '-M', 'prepared', '-c', String(clients), '-j', '2', '-t', String(transactions), '-f', script];
  const t0 = performance.now();
  const r = spawnSync('pgbench', [...conn, ...args, database], { encoding: 'utf8', env });
  const seconds = (performance.now() - t0) / 1000;
  rmSync(script, { force: true });
  if (r.status !== 0) throw new Error(`pgbench (${name}) failed (${r.status}): ${r.stderr}\n${r.stdout}`);
  return { ...pgbenchFigures(r.stdout), seconds };
}
