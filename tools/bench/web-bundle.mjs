// `node tools/bench/web-bundle.mjs [--json]`: what each page of the built web app downloads before it can render, from
// the Vite manifest of the last build (dist/apps/web/.vite/manifest.json; build with `npx nx run web:build`).
// For the entry and for every lazy route module (a dynamic import of `features/*/components/*Page` or `*Layout`) it
// lists the JS chunks and CSS files reached through static imports, with their raw and gzip sizes, and flags heavy
// vendors (TipTap/ProseMirror, recharts/d3, Mantine dates/charts/dropzone) that a page loads. Decision 0027.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const ROOT = new URL('../..', import.meta.url).pathname.replace(/\/$/, '');
const DIST = join(ROOT, 'dist/apps/web');
const MANIFEST = join(DIST, '.vite/manifest.json');
if (!existsSync(MANIFEST)) {
  console.error(`No manifest at ${MANIFEST}: build the web app first (npx nx run web:build)`);
  process.exit(1);
}
const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8'));
const HEAVY = /@tiptap|prosemirror|recharts|d3-|victory-vendor|@mantine\/(dates|charts|dropzone|tiptap)|dayjs|exceljs/;

const sizes = new Map();
function size(file) {
  if (!sizes.has(file)) {
    const buf = readFileSync(join(DIST, file));
    sizes.set(file, { raw: buf.length, gzip: gzipSync(buf, { level: 9 }).length });
  }
  return sizes.get(file);
}

/** Files (JS and CSS) a manifest entry needs before its module runs: itself and its static imports, transitively. */
function closure(key, seen = new Set(), files = { js: new Set(), css: new Set(), heavy: new Set() }) {
  if (seen.has(key)) return files;
  seen.add(key);
  const chunk = manifest[key];
  files.js.add(chunk.file);
  for (const css of chunk.css ?? []) files.css.add(css);
  const map = join(DIST, `${chunk.file}.map`);
  if (existsSync(map))
    for (const src of JSON.parse(readFileSync(map, 'utf8')).sources) {
      const m = src.match(HEAVY);
      if (m) files.heavy.add(m[0]);
    }
  for (const dep of chunk.imports ?? []) closure(dep, seen, files);
  return files;
}

const entryKey = Object.keys(manifest).find((k) => manifest[k].isEntry);
const entry = closure(entryKey);
const total = (list) =>
  list.reduce((a, f) => ({ raw: a.raw + size(f).raw, gzip: a.gzip + size(f).gzip }), { raw: 0, gzip: 0 });
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const row = (name, files, extra = { js: new Set(), css: new Set() }) => {
  const ownJs = [...files.js].filter((f) => !extra.js.has(f));
  const ownCss = [...files.css].filter((f) => !extra.css.has(f));
  const js = total(ownJs);
  const css = total(ownCss);
  return {
    name,
    requests: ownJs.length + ownCss.length,
    js: `${kb(js.raw)} (${kb(js.gzip)} gz)`,
    css: `${kb(css.raw)} (${kb(css.gzip)} gz)`,
    heavy: [...files.heavy].join(' '),
  };
};

const rows = [row(`entry ${entryKey}`, entry)];

const routes = Object.keys(manifest)
  .filter((k) => manifest[k].isDynamicEntry && /(Page|Layout)\.tsx$/.test(k))
  .sort();
for (const key of routes) rows.push(row(key.replace(/^.*\/features\//, ''), closure(key), entry));
if (process.argv.includes('--json')) console.log(JSON.stringify(rows, null, 2));
else {
  console.log(`Entry: everything the first paint of any page needs. Routes: what each adds to the entry.\n`);
  for (const r of rows)
    console.log(
      `${r.name.padEnd(58)} ${String(r.requests).padStart(3)} files  JS ${r.js.padEnd(24)} CSS ${r.css.padEnd(22)} ${r.heavy}`,
    );
}
