// Keeps docs/architecture.md true (decision 0018): its `dependencies` block must list exactly the edges of the Nx
// project graph (production edges, and "(tests)" edges that only test files add), its `tables` block exactly the
// @Entity/@ViewEntity names each lib declares, and every domain lib must carry one domain tag that eslint.config.mjs
// places in a layer. `--write` rewrites both blocks from the code; `--doc=<path>` checks another copy of the document.
// Runs in `npm test` (lint step).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { createProjectGraphAsync } from '@nx/devkit';
import { fileDataDepTarget, readFileMapCache } from '@nx/devkit/internal';
import { domainLayers } from '../../eslint.config.mjs';
import { ROOT } from './infra.mjs';

const DOC = resolve(
  ROOT,
  process.argv.find((a) => a.startsWith('--doc='))?.slice('--doc='.length) ?? 'docs/architecture.md',
);
const TEST_FILE = /\.(spec|integration-spec|e2e-spec)\.tsx?$|(^|\/)test\//;
const ENTITY = /@(?:View)?Entity\(\s*(?:\{[^}]*?name:\s*)?'([a-z_][a-z0-9_]*)'/g;

/** `source -> target …` lines; a source written `name (tests)` lists edges that only its test files add. */
function parseDependencies(text) {
  const edges = new Set();
  for (const line of meaningfulLines(text)) {
    const m = /^([\w-]+)(\s+\(tests\))?\s*->\s*(.*)$/.exec(line);
    if (!m) throw new Error(`docs/architecture.md, dependencies block: cannot read "${line}"`);
    for (const target of m[3].split(/\s+/).filter(Boolean)) edges.add(`${m[1]} ${m[2] ? 'tests' : 'code'} ${target}`);
  }
  return edges;
}

/** `lib: table …` lines; a table listed twice is a problem of its own. */
function parseTables(text, problems) {
  const owners = new Map();
  for (const line of meaningfulLines(text)) {
    const m = /^([\w-]+):\s*(.*)$/.exec(line);
    if (!m) throw new Error(`docs/architecture.md, tables block: cannot read "${line}"`);
    for (const table of m[2].split(/\s+/).filter(Boolean)) {
      if (owners.has(table))
        problems.push(`${table} is listed twice in the tables block (${owners.get(table)}, ${m[1]})`);
      else owners.set(table, m[1]);
    }
  }
  return owners;
}

function meaningfulLines(text) {
  return text
    .split('\n')
    .map((l) => l.replace(/#.*$/, '').trim())
    .filter(Boolean);
}

function fencedBlock(doc, info) {
  const m = new RegExp('^```' + info + '\\n([\\s\\S]*?)^```', 'm').exec(doc);
  if (!m) throw new Error(`docs/architecture.md has no \`\`\`${info} block`);
  return { text: m[1], start: m.index, end: m.index + m[0].length };
}

function graphEdges(graph) {
  const fileMap = readFileMapCache().fileMap.projectFileMap;
  const edges = new Set();
  for (const [source, deps] of Object.entries(graph.dependencies)) {
    for (const { target } of deps) {
      if (!graph.nodes[target]) continue; // npm packages
      const files = (fileMap[source] ?? []).filter((f) => f.deps?.some((d) => fileDataDepTarget(d) === target));
      const onlyTests = files.length > 0 && files.every((f) => TEST_FILE.test(f.file));
      edges.add(`${source} ${onlyTests ? 'tests' : 'code'} ${target}`);
    }
  }
  return edges;
}

function entityOwners(graph) {
  const owners = new Map();
  const libs = Object.values(graph.nodes).filter((n) => n.type === 'lib');
  for (const lib of libs) {
    for (const file of walk(join(ROOT, lib.data.root))) {
      if (!file.endsWith('.ts') || TEST_FILE.test(file)) continue;
      for (const m of readFileSync(file, 'utf8').matchAll(ENTITY)) {
        if (owners.has(m[1])) throw new Error(`Table ${m[1]} is declared by ${owners.get(m[1])} and ${lib.name}`);
        owners.set(m[1], lib.name);
      }
    }
  }
  return owners;
}

function* walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else yield path;
  }
}

/** Every domain lib has exactly one `domain:` tag, placed in a layer of eslint.config.mjs; only domain libs have one. */
function domainTagProblems(graph) {
  const known = new Set(domainLayers.flat().map((d) => `domain:${d}`));
  const problems = [];
  for (const node of Object.values(graph.nodes)) {
    const tags = node.data.tags ?? [];
    const domainTags = tags.filter((t) => t.startsWith('domain:'));
    if (!tags.includes('type:domain')) {
      if (domainTags.length) problems.push(`${node.name} has ${domainTags.join(', ')} but is not tagged type:domain`);
      continue;
    }
    if (domainTags.length !== 1) problems.push(`${node.name} needs exactly one domain:<name> tag in its project.json`);
    else if (!known.has(domainTags[0]))
      problems.push(
        `${node.name}: ${domainTags[0]} has no layer in domainLayers (eslint.config.mjs), so lint cannot guard it`,
      );
  }
  return problems;
}

/** Sources in dependency order: contracts, util, core, the domains by layer, testing, apps. */
function rank(graph, name) {
  const tags = graph.nodes[name]?.data.tags ?? [];
  const types = ['type:contracts', 'type:util', 'type:core', 'type:domain', 'type:testing', 'type:app'];
  const type = types.findIndex((t) => tags.includes(t));
  const domain = tags.find((t) => t.startsWith('domain:'))?.slice('domain:'.length);
  const layer = domain ? domainLayers.findIndex((l) => l.includes(domain)) : 0;
  return [type < 0 ? types.length : type, layer];
}

function byRank(graph) {
  return (a, b) => {
    const [ra, rb] = [rank(graph, a), rank(graph, b)];
    return ra[0] - rb[0] || ra[1] - rb[1] || a.localeCompare(b);
  };
}

function renderDependencies(graph, edges) {
  const lines = new Map();
  for (const edge of edges) {
    const [source, kind, target] = edge.split(' ');
    const key = `${source}${kind === 'tests' ? ' (tests)' : ''}`;
    lines.set(key, [...(lines.get(key) ?? []), target]);
  }
  const order = byRank(graph);
  const keys = [...lines.keys()].sort((a, b) => order(a.split(' ')[0], b.split(' ')[0]) || a.length - b.length);
  const width = Math.max(...keys.map((k) => k.length));
  return keys.map((k) => `${k.padEnd(width)} -> ${lines.get(k).sort(order).join(' ')}`).join('\n') + '\n';
}

function renderTables(graph, owners) {
  const byLib = new Map();
  for (const [table, lib] of owners) byLib.set(lib, [...(byLib.get(lib) ?? []), table]);
  const libs = [...byLib.keys()].sort(byRank(graph));
  const width = Math.max(...libs.map((l) => l.length + 1));
  return libs.map((l) => `${`${l}:`.padEnd(width)} ${byLib.get(l).sort().join(' ')}`).join('\n') + '\n';
}

/**
 * The build (swc, `.swcrc`) resolves `@kompeten/*` imports with its own copy of the path aliases; a lib whose alias is
 * only in tsconfig.base.json typechecks and passes jest, then the built API cannot find it at start. Both lists must match,
 * except the test harness, which is never built.
 */
function aliasProblems() {
  const read = (file) => JSON.parse(readFileSync(join(ROOT, file), 'utf8'));
  const ts = read('tsconfig.base.json').compilerOptions.paths ?? {};
  const swc = read('.swcrc').jsc?.paths ?? {};
  const problems = [];
  for (const [alias, target] of Object.entries(ts))
    if (alias !== '@kompeten/server-testing' && JSON.stringify(swc[alias]) !== JSON.stringify(target))
      problems.push(`.swcrc's jsc.paths must map ${alias} to ${JSON.stringify(target)} as tsconfig.base.json does`);
  for (const alias of Object.keys(swc))
    if (!(alias in ts)) problems.push(`.swcrc maps ${alias}, which tsconfig.base.json does not`);
  return problems;
}

function difference(a, b) {
  return [...a].filter((x) => !b.has(x));
}

async function main() {
  const write = process.argv.includes('--write');
  const graph = await createProjectGraphAsync({ exitOnError: true });
  let doc = readFileSync(DOC, 'utf8');
  const problems = [...domainTagProblems(graph), ...aliasProblems()];

  const actualEdges = graphEdges(graph);
  const actualOwners = entityOwners(graph);
  const deps = fencedBlock(doc, 'dependencies');
  const tables = fencedBlock(doc, 'tables');
  const docEdges = parseDependencies(deps.text);
  const tableProblems = [];
  const docOwners = parseTables(tables.text, tableProblems);

  const show = (edge) => edge.replace(' code ', ' -> ').replace(/ tests (\S+)$/, ' (tests) -> $1');
  const edgeProblems = [
    ...difference(actualEdges, docEdges).map((e) => `missing from the dependencies block: ${show(e)}`),
    ...difference(docEdges, actualEdges).map((e) => `not in the Nx graph: ${show(e)}`),
  ];
  for (const [table, lib] of actualOwners)
    if (docOwners.get(table) !== lib)
      tableProblems.push(`${table} is declared by ${lib}; the tables block says ${docOwners.get(table) ?? 'nothing'}`);
  for (const table of docOwners.keys())
    if (!actualOwners.has(table))
      tableProblems.push(`${table} is in the tables block but no lib declares it with @Entity`);

  if (write) {
    // Later block first, so the earlier block's offsets stay valid.
    const blocks = [
      { ...deps, info: 'dependencies', body: renderDependencies(graph, actualEdges) },
      { ...tables, info: 'tables', body: renderTables(graph, actualOwners) },
    ].sort((a, b) => b.start - a.start);
    for (const b of blocks) doc = `${doc.slice(0, b.start)}\`\`\`${b.info}\n${b.body}\`\`\`${doc.slice(b.end)}`;
    writeFileSync(DOC, doc);
    console.log(`Rewrote the dependencies and tables blocks of ${relative(ROOT, DOC)}.`);
  } else {
    problems.push(...edgeProblems, ...tableProblems);
    if (edgeProblems.length)
      problems.push(`The dependencies block should read:\n${renderDependencies(graph, actualEdges)}`);
    if (tableProblems.length) problems.push(`The tables block should read:\n${renderTables(graph, actualOwners)}`);
  }

  if (problems.length) {
    console.error(`docs/architecture.md or the project tags disagree with the code:\n- ${problems.join('\n- ')}`);
    console.error('Fix the tags, or run `node tools/scripts/check-architecture.mjs --write` and review the diff.');
    process.exit(1);
  }
  console.log(`Architecture doc matches the code: ${actualEdges.size} dependency edges, ${actualOwners.size} tables.`);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
