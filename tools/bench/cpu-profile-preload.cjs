// Loaded into the bench's API only (NODE_OPTIONS=--require …, set by tools/bench/run.mjs for its profile pass):
//  - V8 CPU profiles of the running API on demand. Node 20 refuses --cpu-prof in NODE_OPTIONS, and `--cpu-prof` writes
//    its file only on a normal exit (Nest re-raises SIGTERM), so this drives the same V8 profiler through node:inspector;
//  - a client-side stand-in for pg_stat_statements (not loadable on the shared server): every SQL statement the API
//    sends through node-postgres, counted by text, with its time from send to result.
// The first SIGWINCH starts both; the next writes $BENCH_CPU_PROF_DIR/api-<n>.cpuprofile (Chrome DevTools format) and
// api-<n>.sql.json. SIGWINCH because Nest's enableShutdownHooks() shuts the app down on SIGUSR2 (and most other
// signals), and a process without this preload ignores SIGWINCH. Nothing here changes what the API does.
// With $BENCH_MEM_FILE it also writes process.memoryUsage() there twice a second (the V8 heap behind the RSS).
'use strict';
const isApi = /apps\/api\/src\/main\.js$/.test(process.argv[1] || '');
if (isApi && process.env.BENCH_MEM_FILE) {
  const fs = require('node:fs');
  const file = process.env.BENCH_MEM_FILE;
  setInterval(() => {
    try {
      fs.writeFileSync(`${file}.tmp`, JSON.stringify({ t: Date.now(), ...process.memoryUsage() }));
      fs.renameSync(`${file}.tmp`, file);
    } catch {
      /* the bench is gone */
    }
  }, 500).unref();
}
if (isApi && process.env.BENCH_CPU_PROF_DIR) {
  const inspector = require('node:inspector');
  const fs = require('node:fs');
  const path = require('node:path');
  const session = new inspector.Session();
  session.connect();

  // The API resolves `pg` from the same node_modules, so this is the Client class it uses.
  const pg = require('pg');
  const original = pg.Client.prototype.query;
  let sql = null;
  pg.Client.prototype.query = function query(config, values, callback) {
    const text = typeof config === 'string' ? config : config && config.text;
    if (!sql || typeof text !== 'string') return original.apply(this, arguments);
    const key = text.replace(/\s+/g, ' ').trim().slice(0, 200);
    let s = sql.get(key);
    if (!s) sql.set(key, (s = { n: 0, ms: 0 }));
    s.n++;
    const t0 = performance.now();
    const done = () => {
      s.ms += performance.now() - t0;
    };
    const result = original.apply(this, arguments);
    if (result && typeof result.then === 'function') result.then(done, done);
    else if (typeof values === 'function' || typeof callback === 'function') done();
    return result;
  };

  let running = false;
  let n = 0;
  process.on('SIGWINCH', () => {
    if (!running) {
      running = true;
      sql = new Map();
      session.post('Profiler.enable', () =>
        session.post(
          'Profiler.setSamplingInterval',
          { interval: Number(process.env.BENCH_CPU_PROF_INTERVAL_US || 1000) },
          () => session.post('Profiler.start'),
        ),
      );
      return;
    }
    const statements = [...sql].map(([text, s]) => ({ text, n: s.n, ms: Math.round(s.ms) }));
    sql = null;
    session.post('Profiler.stop', (err, result) => {
      running = false;
      const file = path.join(process.env.BENCH_CPU_PROF_DIR, `api-${++n}`);
      fs.writeFileSync(`${file}.sql.json`, JSON.stringify(statements));
      fs.writeFileSync(`${file}.tmp`, JSON.stringify(err ? { error: String(err) } : result.profile));
      fs.renameSync(`${file}.tmp`, `${file}.cpuprofile`);
    });
  });
}
