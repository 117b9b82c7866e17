// A custom pgbench script against a bench database, with durable commits (synchronous_commit on, as the app runs):
// the ceiling the calendar and webinar scenarios compare their HTTP rate with. `sql` is the script's text (pgbench
// meta-commands allowed); each client runs `transactions` of it.
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ADMIN_PG, BENCH_TMP } from './platform.mjs';

export function runPgbenchScript({ name, database, sql, clients, transactions }) {
  const admin = new URL(ADMIN_PG);
  const conn = [
    '-h',
    admin.searchParams.get('host') || admin.hostname,
    '-p',
    admin.port || '5432',
    '-U',
    decodeURIComponent(admin.username || 'postgres'),
  ];
  const env = { ...process.env, PGOPTIONS: '-c synchronous_commit=on' };
  if (admin.password) env.PGPASSWORD = decodeURIComponent(admin.password);
  const script = join(BENCH_TMP, `${name}-ceiling-${randomUUID()}.sql`);
  writeFileSync(script, sql);
  const args = ['-n', '-M', 'prepared', '-c', String(clients), '-j', '2', '-t', String(transactions), '-f', script];
  const t0 = performance.now();
  const r = spawnSync('pgbench', [...conn, ...args, database], { encoding: 'utf8', env });
  const seconds = (performance.now() - t0) / 1000;
  rmSync(script, { force: true });
  if (r.status !== 0) throw new Error(`pgbench (${name}) failed (${r.status}): ${r.stderr}\n${r.stdout}`);
  return {
    perSecond: Number(
      r.stdout.match(/tps = ([\d.]+) \(without initial connection time\)/)?.[1] ??
        r.stdout.match(/tps = ([\d.]+)/)?.[1],
    ),
    processed: Number(r.stdout.match(/number of transactions actually processed: (\d+)/)?.[1]),
    failed: Number(r.stdout.match(/number of failed transactions: (\d+)/)?.[1] ?? 0),
    latencyMs: Number(r.stdout.match(/latency average = ([\d.]+) ms/)?.[1]),
    seconds,
  };
}
