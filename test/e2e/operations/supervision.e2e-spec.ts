import { execFileSync } from 'node:child_process';
import { createServer } from 'node:net';
import { startPlatform, stopPlatform, type RunningPlatform } from '../support/platform';

// issue 13, "A crashed worker does not take the web down": `npm start` (tools/scripts/start.mjs) restarts a worker
// that dies, with back-off and a log line, while the API keeps answering; SIGTERM stops everything it started. Runs
// after the build, like the browser journeys, on a platform of its own.

/** A free port whose successor (the worker's health port) is free too. */
async function freePortPair(): Promise<number> {
  for (;;) {
    const port = await new Promise<number>((done) => {
      const s = createServer();
      s.listen(0, '127.0.0.1', () => {
        const p = (s.address() as { port: number }).port;
        s.close(() => done(p));
      });
    });
    const next = await new Promise<boolean>((done) => {
      const s = createServer();
      s.once('error', () => done(false));
      s.listen(port + 1, '127.0.0.1', () => s.close(() => done(true)));
    });
    if (next && port < 65000) return port;
  }
}

/** The pids of start.mjs's children running `main` (api or worker). */
function childPids(parent: number, app: 'api' | 'worker'): number[] {
  const out = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(parent)], { encoding: 'utf8' }).trim();
  return out
    .split('\n')
    .filter((l) => l.includes(`dist/apps/${app}/`))
    .map((l) => Number(l.trim().split(/\s+/)[0]));
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function until<T>(what: string, fn: () => Promise<T | undefined | false>, ms: number): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn().catch(() => undefined);
    if (v) return v;
    if (Date.now() > end) throw new Error(`${what} within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe('npm start supervises its processes', () => {
  let platform: RunningPlatform;
  let port: number;
  let log = '';
  const startPid = () => platform.child.pid ?? 0;

  beforeAll(async () => {
    port = await freePortPair();
    platform = await startPlatform(port, { SEED_DEMO: 'false' });
    platform.child.stdout?.on('data', (d) => (log += d));
    platform.child.stderr?.on('data', (d) => (log += d));
  }, 150_000);

  afterAll(async () => {
    if (platform) await stopPlatform(platform);
  });

  it('lists no demo logins with SEED_DEMO=false', () => {
    expect(platform.startOutput).toContain('Kompeten is running at');
    expect(platform.startOutput).not.toMatch(/Demo logins|Kompeten#2026|admin@kompeten\.go\.id/);
  });

  it('restarts a worker killed with SIGKILL while the API keeps answering', async () => {
    const [worker] = childPids(startPid(), 'worker');
    expect(worker).toBeGreaterThan(0);
    process.kill(worker, 'SIGKILL');
    const started = Date.now();
    // The API answers throughout.
    for (let i = 0; i < 5; i++) {
      expect((await fetch(`${platform.baseUrl}/api/health`)).status).toBe(200);
      await new Promise((r) => setTimeout(r, 200));
    }
    const health = await until(
      'the worker answers its health check again',
      async () => {
        const r = await fetch(`http://127.0.0.1:${port + 1}/health`);
        return r.ok && (await r.json());
      },
      60_000,
    );
    expect(health).toMatchObject({ status: 'ok' });
    const [again] = childPids(startPid(), 'worker');
    expect(again).not.toBe(worker);
    expect(log).toMatch(/The worker process stopped unexpectedly \(signal SIGKILL\); restarting it in 1 s/);
    // "within seconds" on an idle machine; generous here, where the worker's own start takes a few seconds under load.
    expect(Date.now() - started).toBeLessThan(60_000);
  }, 90_000);

  it('stops the API and the worker on SIGTERM, leaving nothing running', async () => {
    const pids = [...childPids(startPid(), 'api'), ...childPids(startPid(), 'worker')];
    expect(pids).toHaveLength(2);
    const exited = new Promise<number | null>((r) => platform.child.once('exit', (code) => r(code)));
    platform.child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(pids.filter(alive)).toEqual([]);
    await expect(fetch(`${platform.baseUrl}/api/health`)).rejects.toThrow();
  }, 60_000);
});
