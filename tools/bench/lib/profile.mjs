// Takes CPU profiles (and SQL statement counts) of the API through tools/bench/cpu-profile-preload.cjs, and says where
// the time went: self time by package (pg, typeorm, @nestjs, …, the app's own libs, GC) and the hottest functions,
// each native function named by its JavaScript caller (a bare `writev` or `init` says little).
import { existsSync, readFileSync } from 'node:fs';
import { kill } from 'node:process';
import { sleep } from './http.mjs';

export class Profiler {
  constructor(pid, dir) {
    this.pid = pid;
    this.dir = dir;
    this.n = 0;
  }

  start() {
    kill(this.pid, 'SIGWINCH');
  }

  /** Stops the profile and returns its summary (null when it did not appear). */
  async stop() {
    kill(this.pid, 'SIGWINCH');
    const file = `${this.dir}/api-${++this.n}.cpuprofile`;
    for (let i = 0; i < 100 && !existsSync(file); i++) await sleep(100);
    if (!existsSync(file)) return null;
    const sqlFile = file.replace(/\.cpuprofile$/, '.sql.json');
    const sql = existsSync(sqlFile) ? JSON.parse(readFileSync(sqlFile, 'utf8')).sort((a, b) => b.n - a.n) : [];
    return {
      file,
      ...summarise(JSON.parse(readFileSync(file, 'utf8'))),
      sql,
      sqlTotal: sql.reduce((a, x) => a + x.n, 0),
    };
  }
}

const OVERHEAD = 'bench profiler (overhead)';
const SPECIAL = new Set(['(garbage collector)', '(idle)', '(program)', '(root)']);
const isPackageUrl = (url) => !!url && !url.startsWith('node:');
const shortUrl = (url) =>
  url
    .replace(/^.*node_modules\//, '')
    .replace(/^.*\/dist\/apps\/[^/]+\//, '')
    .replace(/^file:\/\//, '');

function categoryOf(url) {
  if (!url) return 'native (no JS caller)';
  if (url.includes('tools/bench/')) return OVERHEAD;
  if (url.startsWith('node:')) return 'node core';
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + 'node_modules/'.length).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  const lib = url.match(/libs\/(server|shared)\/([^/]+)\//);
  if (lib) return `app: ${lib[1]}-${lib[2]}`;
  if (url.includes('/apps/')) return 'app: apps';
  return 'other';
}

/**
 * Self time by package and by function. Time in native code and node core is charged to the nearest caller that is a
 * package or the app (a socket `writev` under pg's query submit counts for pg), so the packages add up to the whole.
 */
export function summarise(profile) {
  const { nodes, samples, timeDeltas } = profile;
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map();
  let total = 0;
  for (let i = 0; i < samples.length; i++) {
    const dt = Math.max(0, timeDeltas[i] ?? 0);
    total += dt;
    self.set(samples[i], (self.get(samples[i]) ?? 0) + dt);
  }
  const owner = (id) => {
    for (let c = id; c !== undefined; c = parent.get(c))
      if (isPackageUrl(byId.get(c).callFrame.url)) return byId.get(c).callFrame;
    return null;
  };
  const byCat = new Map();
  const byFn = new Map();
  let idle = 0;
  for (const [id, t] of self) {
    const { functionName, url, lineNumber } = byId.get(id).callFrame;
    const fn = functionName || '(anonymous)';
    if (fn === '(idle)') {
      idle += t;
      continue;
    }
    let cat;
    let key;
    if (SPECIAL.has(fn)) {
      cat = fn === '(garbage collector)' ? 'GC' : 'V8 (program)';
      key = fn;
    } else {
      const o = isPackageUrl(url) ? byId.get(id).callFrame : owner(id);
      cat = o ? categoryOf(o.url) : categoryOf(url);
      const here = url ? `${fn} ${shortUrl(url)}:${lineNumber + 1}` : `${fn} (native)`;
      key =
        o && o.url !== url
          ? `${here} ← ${o.functionName || '(anonymous)'} ${shortUrl(o.url)}:${o.lineNumber + 1}`
          : here;
    }
    byCat.set(cat, (byCat.get(cat) ?? 0) + t);
    byFn.set(key, (byFn.get(key) ?? 0) + t);
  }
  // Stopping the profile (serialising it) happens inside the window: leave that out of the API's busy time.
  const overhead = byCat.get(OVERHEAD) ?? 0;
  byCat.delete(OVERHEAD);
  for (const k of [...byFn.keys()]) if (k.includes('cpu-profile-preload')) byFn.delete(k);
  const busy = total - idle - overhead;
  const pct = (t, of) => Math.round((t / Math.max(1, of)) * 1000) / 10;
  return {
    seconds: total / 1e6,
    busyShare: pct(busy, total - overhead),
    profilerOverheadShare: pct(overhead, total),
    categories: [...byCat]
      .sort((x, y) => y[1] - x[1])
      .slice(0, 16)
      .map(([c, t]) => ({ name: c, pctOfBusy: pct(t, busy) })),
    functions: [...byFn]
      .sort((x, y) => y[1] - x[1])
      .slice(0, 20)
      .map(([k, t]) => ({ name: k, pctOfBusy: pct(t, busy) })),
  };
}
