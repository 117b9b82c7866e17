// The PostgreSQL ceiling: tools/bench/attempt.pgbench.sql under pgbench (16 clients, durable commits) against its own
// small tables in its own database. What PostgreSQL alone can do for one quiz attempt on this machine, right now.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import pg from 'pg';
import { dbUrl, freshDatabase, dropDatabase, pgbenchFigures, pgCommandLine, ROOT, RUN_ID } from './platform.mjs';

const SCRIPT = join(ROOT, 'tools/bench/attempt.pgbench.sql');
const SETUP = join(ROOT, 'tools/bench/attempt.pgbench-setup.sql');
export const CEILING_DB = `kompeten_bench_ceiling_${RUN_ID}`;

export const hasPgbench = () => spawnSync('pgbench', ['--version'], { encoding: 'utf8' }).status === 0;

export async function measureCeiling({ seconds = 20, clients = 16 } = {}) {
  await freshDatabase(CEILING_DB);
  const { args: connArgs, env } = pgCommandLine({ durable: true });
  const setup = spawnSync('psql', [...connArgs, '-q', '-v', 'ON_ERROR_STOP=1', '-f', SETUP, CEILING_DB], {
    encoding: 'utf8',
    env,
  });
  if (setup.status !== 0) throw new Error(`ceiling setup failed: ${setup.stderr}`);
  const busy0 = machine();
  const t0 = performance.now();
  const args = [
    ...connArgs,
    '-n',
    '-M',
    'prepared',
    '-c',
    String(clients),
    '-j',
    '2',
    '-T',
    String(seconds),
    '-f',
    SCRIPT,
    CEILING_DB,
  ];
  const r = spawnSync('pgbench', args, { encoding: 'utf8', env });
  const wall = (performance.now() - t0) / 1000;
  const busy1 = machine();
  if (r.status !== 0) throw new Error(`pgbench failed (${r.status}): ${r.stderr}\n${r.stdout}`);
  const { perSecond: tps, processed, failed, latencyMs } = pgbenchFigures(r.stdout);
  // The same checks as the app's rows: one graded attempt per transaction, 20 answers each, percent from the keys.
  const c = new pg.Client({ connectionString: dbUrl(CEILING_DB) });
  await c.connect();
  const {
    rows: [v],
  } = await c.query(`
    SELECT (SELECT count(*) FROM ceiling_attempt)::int AS attempts,
           (SELECT count(*) FROM ceiling_attempt WHERE status = 'graded')::int AS graded,
           (SELECT count(*) FROM ceiling_answer)::int AS answers,
           (SELECT count(*) FROM ceiling_attempt a WHERE a.percent = round((SELECT coalesce(sum(CASE WHEN an.response = q.key THEN q.points ELSE 0 END), 0)
                FROM ceiling_answer an JOIN ceiling_question q ON q.id = an.question_id WHERE an.attempt_id = a.id) * 100 / a.max_score, 2))::int AS right`);
  const {
    rows: [sc],
  } = await c.query(`SHOW synchronous_commit`);
  const {
    rows: [fs],
  } = await c.query(`SHOW fsync`);
  await c.end();
  await dropDatabase(CEILING_DB);
  const busyShare = 1 - (busy1.idle - busy0.idle) / Math.max(1, busy1.total - busy0.total);
  return {
    attemptsPerSecond: tps,
    commitsPerSecond: tps * 3,
    answersPerSecond: tps * 20,
    processed,
    failed,
    latencyMs,
    clients,
    seconds,
    wallSeconds: wall,
    synchronousCommit: sc.synchronous_commit,
    fsync: fs.fsync,
    machineBusyShare: busyShare,
    command: `PGOPTIONS='-c synchronous_commit=on' pgbench ${args.join(' ')}`,
    checks: [
      {
        name: 'ceiling: one graded attempt per pgbench transaction',
        ok: v.attempts === processed && v.graded === processed,
        detail: `${v.graded} graded, ${processed} transactions`,
      },
      {
        name: 'ceiling: 20 answers per attempt, percent right',
        ok: v.answers === processed * 20 && v.right === processed,
        detail: `${v.answers} answers, ${v.right} right`,
      },
      {
        name: 'ceiling: durable commits (synchronous_commit on, fsync on)',
        ok: sc.synchronous_commit === 'on' && fs.fsync === 'on',
        detail: `${sc.synchronous_commit}/${fs.fsync}`,
      },
    ],
  };
}

function machine() {
  const cpu = spawnSync('cat', ['/proc/stat'], { encoding: 'utf8' })
    .stdout.split('\n')[0]
    .trim()
    .split(/\s+/)
    .slice(1)
    .map(Number);
  return { total: cpu.reduce((a, b) => a + b, 0), idle: cpu[3] + cpu[4] };
}
