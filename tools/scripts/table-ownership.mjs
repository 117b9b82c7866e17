// `npm run check:tables`: each lib owns the tables its TypeORM entities declare (`@Entity('name')`); any other lib or
// app reads them only through what the owner exports — a typed reader, or a published read model (a SQL view listed
// in the owner's `src/read-models.ts`). This lists every place that names another lib's raw table and exits 1 if any.
//
// What counts as naming a table (in non-test source of every server project; the web app and `type:testing` libs hold
// no production SQL):
//   - in a string or template literal: FROM / JOIN / INTO / UPDATE / DELETE FROM / USING / TABLE / TRUNCATE /
//     REFERENCES followed by the table as a whole SQL identifier (comma lists after FROM too), and to_regclass('t');
//     a column such as `course_id` or `c.course` is never a match, and names of CTEs the same file defines are skipped;
//   - QueryBuilder calls with the table as a string (`.from('t')`, `.innerJoin('t', …)`, `.into('t')`, `.update('t')`);
//   - another lib's entity class as the first argument of a call (`getRepository(X)`, `InjectRepository(X)`, `m.find(X)`).
// Migrations (a `migrations/` directory) write every table by design and are not scanned for that; they are read for
// views instead: every `CREATE VIEW` must be declared in exactly one lib's read-models.ts, may read only that lib's
// tables and other published views, and every declared view must be created by some migration.
//
// SQL homes (issue 14): in a domain lib (`type:domain`), SQL that names a table or a published view lives only in a
// file whose name says it holds SQL — `*-store.ts` (or `*.store.ts`), `readers.ts` / `*-readers.ts` (exported readers), `read-models.ts`
// or `provisioning.ts` — so services keep the rules and stores keep the statements. Anything else is listed too.
//
// Usage: node tools/scripts/table-ownership.mjs [--root=<dir>]
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const KEYWORD = /\b(FROM|JOIN|INTO|UPDATE|DELETE\s+FROM|USING|TABLE|TRUNCATE|REFERENCES)\s+(?:ONLY\s+|LATERAL\s+)?/gi;
const IDENT = /^(?:public\.)?"?([a-z_][a-z0-9_]*)"?/;
const REGCLASS = /to_regclass\(\s*'(?:public\.)?([a-z_][a-z0-9_]*)'\s*\)|'(?:public\.)?([a-z_][a-z0-9_]*)'::regclass/gi;
const CTE = /(?:\bWITH(?:\s+RECURSIVE)?|,)\s*([a-z_][a-z0-9_]*)\s+AS\s+(?:(?:NOT\s+)?MATERIALIZED\s+)?\(/gi;
const CREATE_VIEW = /CREATE\s+(?:OR\s+REPLACE\s+)?VIEW\s+(?:public\.)?"?([a-z_][a-z0-9_]*)"?\s+AS\s+([\s\S]*)/i;
/** Words that may follow FROM/UPDATE/… without being a table (`FOR UPDATE OF`, `DO UPDATE SET`, `IS DISTINCT FROM`). */
const NOT_TABLES = new Set([
  'set',
  'of',
  'skip',
  'nowait',
  'select',
  'values',
  'default',
  'only',
  'lateral',
  'unnest',
  'nulls',
  'as',
  'where',
  'on',
]);
const QUERY_BUILDER = new Set([
  'from',
  'into',
  'update',
  'delete',
  'innerJoin',
  'leftJoin',
  'innerJoinAndSelect',
  'leftJoinAndSelect',
  'innerJoinAndMapOne',
  'innerJoinAndMapMany',
  'leftJoinAndMapOne',
  'leftJoinAndMapMany',
  'addFrom',
]);

const argv = process.argv.slice(2);
const here = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(argv.find((a) => a.startsWith('--root='))?.slice('--root='.length) ?? join(here, '../..'));

function walk(dir, out = []) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else out.push(p);
  }
  return out;
}

/** Every Nx project under apps/ and libs/ (a directory holding project.json), with its name and tags. */
function projects() {
  const found = [];
  for (const top of ['apps', 'libs']) {
    const base = join(ROOT, top);
    if (!existsSync(base)) continue;
    for (const file of walk(base).filter((f) => f.endsWith(`${sep}project.json`))) {
      const json = JSON.parse(readFileSync(file, 'utf8'));
      const dir = dirname(file);
      found.push({ name: json.name ?? relative(ROOT, dir), dir, tags: json.tags ?? [] });
    }
  }
  // The deepest project owns a file (none is nested today, but a nested one must not count twice).
  return found.sort((a, b) => b.dir.length - a.dir.length);
}

const isTest = (f) =>
  /\.(spec|integration-spec|e2e-spec)\.tsx?$/.test(f) ||
  f.split(sep).includes('test') ||
  f.split(sep).includes('__fixtures__');
const isMigration = (f) => f.split(sep).includes('migrations');
/** File names that say they hold SQL (see the header). */
const SQL_HOME = /(?:[.-]store|(?:^|-)readers|^read-models|^provisioning)\.ts$/;

function sourceFiles(project) {
  return walk(project.dir).filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.d.ts') && !isTest(f));
}

const parse = (file) =>
  ts.createSourceFile(
    file,
    readFileSync(file, 'utf8'),
    ts.ScriptTarget.Latest,
    true,
    file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );

/** Visits every string and template text of a file: (text, position of its first character in the file). */
function eachLiteral(sf, fn) {
  const visit = (node) => {
    if (
      ts.isStringLiteral(node) ||
      ts.isNoSubstitutionTemplateLiteral(node) ||
      ts.isTemplateHead(node) ||
      ts.isTemplateMiddle(node) ||
      ts.isTemplateTail(node)
    ) {
      fn(node.getText(sf), node.getStart(sf));
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
}

/** Table names referenced by one SQL text: [{ table, index }]. */
export function sqlTables(text) {
  const refs = [];
  for (const m of text.matchAll(KEYWORD)) {
    let at = m.index + m[0].length;
    const listed = /^FROM$/i.test(m[1]);
    for (;;) {
      const id = IDENT.exec(text.slice(at));
      if (!id) break;
      const after = text.slice(at + id[0].length);
      if (/^\s*\(/.test(after) && !/^(TABLE|REFERENCES|INTO)$/i.test(m[1])) break; // a function call: unnest(…), jsonb_to_recordset(…)
      if (!NOT_TABLES.has(id[1].toLowerCase())) refs.push({ table: id[1], index: at });
      if (!listed) break;
      // FROM a x, b y: the next item of a comma list (an alias, then a comma).
      const next = /^\s*(?:(?:AS\s+)?[a-z_][a-z0-9_]*\s*)?,\s*/i.exec(after);
      if (!next) break;
      at += id[0].length + next[0].length;
    }
  }
  for (const m of text.matchAll(REGCLASS)) refs.push({ table: m[1] ?? m[2], index: m.index });
  return refs;
}

function lineOf(sf, pos) {
  return sf.getLineAndCharacterOfPosition(pos).line + 1;
}

function main() {
  const all = projects();
  const ownerOf = (file) => all.find((p) => file.startsWith(p.dir + sep));
  const scanned = all.filter((p) => !p.tags.includes('scope:web') && !p.tags.includes('type:testing'));

  // 1. Owners: every entity class and its table, by the project that declares it.
  const tables = new Map(); // table -> project name
  const entityClasses = new Map(); // class name -> { table, owner }
  const files = new Map(scanned.map((p) => [p, sourceFiles(p)]));
  const parsed = new Map();
  const sfOf = (f) => parsed.get(f) ?? parsed.set(f, parse(f)).get(f);
  for (const [project, list] of files) {
    for (const file of list) {
      const text = readFileSync(file, 'utf8');
      if (!text.includes('@Entity(')) continue;
      const sf = sfOf(file);
      sf.forEachChild(function visit(node) {
        if (ts.isClassDeclaration(node) && node.name) {
          for (const d of ts.getDecorators(node) ?? []) {
            const call = d.expression;
            if (
              ts.isCallExpression(call) &&
              call.expression.getText(sf) === 'Entity' &&
              call.arguments[0] &&
              ts.isStringLiteralLike(call.arguments[0])
            ) {
              const table = call.arguments[0].text;
              tables.set(table, project.name);
              entityClasses.set(node.name.text, { table, owner: project.name });
            }
          }
        }
        ts.forEachChild(node, visit);
      });
    }
  }

  // 2. Published read models: view names a lib declares in src/read-models.ts.
  const views = new Map(); // view -> project name
  const offences = [];
  const rel = (f) => relative(ROOT, f).split(sep).join('/');
  for (const project of scanned) {
    const registry = join(project.dir, 'src', 'read-models.ts');
    if (!existsSync(registry)) continue;
    const sf = sfOf(registry);
    eachLiteral(sf, (raw, pos) => {
      const name = raw.slice(1, -1);
      if (!/^[a-z_][a-z0-9_]*$/.test(name)) return;
      if (tables.has(name))
        offences.push({
          project: project.name,
          file: rel(registry),
          line: lineOf(sf, pos),
          table: name,
          owner: tables.get(name),
          why: 'declared as a view but is a table',
        });
      else if (views.has(name) && views.get(name) !== project.name)
        offences.push({
          project: project.name,
          file: rel(registry),
          line: lineOf(sf, pos),
          table: name,
          owner: views.get(name),
          why: 'view declared by two libs',
        });
      else views.set(name, project.name);
    });
  }

  // 3. Every source file: raw tables of another owner.
  const createdViews = new Set();
  for (const [project, list] of files) {
    for (const file of list) {
      const sf = sfOf(file);
      const migration = isMigration(file);
      const source = sf.getFullText();
      const ctes = new Set([...source.matchAll(CTE)].map((m) => m[1]));
      const sqlHome = !project.tags.includes('type:domain') || SQL_HOME.test(file.split(sep).pop());
      let homeless = false;
      const homeOffence = (pos, table) => {
        if (sqlHome || homeless) return;
        homeless = true; // once per file is enough to say where to move it
        offences.push({
          project: project.name,
          file: rel(file),
          line: lineOf(sf, pos),
          table,
          owner: project.name,
          why: 'SQL outside a store file: move it to a *-store.ts (or readers.ts) next to this file',
        });
      };
      const flag = (table, pos, who = project.name, why) => {
        if (tables.has(table) || views.has(table)) homeOffence(pos, table);
        const owner = tables.get(table);
        if (!owner || owner === who) return;
        offences.push({ project: who, file: rel(file), line: lineOf(sf, pos), table, owner, why });
      };
      eachLiteral(sf, (raw, pos) => {
        if (migration) {
          const view = CREATE_VIEW.exec(raw);
          if (!view) return;
          const [, name, body] = view;
          createdViews.add(name);
          const owner = views.get(name);
          if (!owner) {
            offences.push({
              project: project.name,
              file: rel(file),
              line: lineOf(sf, pos),
              table: name,
              owner: 'none',
              why: 'view not declared in any read-models.ts',
            });
            return;
          }
          const bodyAt = raw.length - body.length;
          for (const r of sqlTables(body))
            if (!ctes.has(r.table))
              flag(r.table, pos + bodyAt + r.index, owner, "a published view reads another lib's table");
          return;
        }
        for (const r of sqlTables(raw)) if (!ctes.has(r.table)) flag(r.table, pos + r.index);
      });
      if (migration) continue;
      sf.forEachChild(function visit(node) {
        if (ts.isCallExpression(node)) {
          const callee = node.expression;
          const name = ts.isPropertyAccessExpression(callee)
            ? callee.name.text
            : ts.isIdentifier(callee)
              ? callee.text
              : '';
          const [first] = node.arguments;
          if (
            first &&
            QUERY_BUILDER.has(name) &&
            ts.isPropertyAccessExpression(callee) &&
            ts.isStringLiteralLike(first)
          )
            flag(first.text, first.getStart(sf));
          if (first && ts.isIdentifier(first) && entityClasses.has(first.text)) {
            const { table, owner } = entityClasses.get(first.text);
            if (owner !== project.name)
              offences.push({
                project: project.name,
                file: rel(file),
                line: lineOf(sf, first.getStart(sf)),
                table,
                owner,
                why: `entity ${first.text}`,
              });
          }
        }
        ts.forEachChild(node, visit);
      });
    }
  }
  for (const [view, owner] of views) {
    if (!createdViews.has(view))
      offences.push({
        project: owner,
        file: '-',
        line: 0,
        table: view,
        owner,
        why: 'declared view is created by no migration',
      });
  }

  offences.sort((a, b) => a.project.localeCompare(b.project) || a.file.localeCompare(b.file) || a.line - b.line);
  for (const o of offences)
    console.log(`${o.project} ${o.file}:${o.line} ${o.table} (${o.owner})${o.why ? ` — ${o.why}` : ''}`);
  const owned = [...tables.values()].reduce((acc, p) => acc.set(p, (acc.get(p) ?? 0) + 1), new Map());
  const summary = [...owned]
    .sort()
    .map(([p, n]) => `${p} ${n}`)
    .join(', ');
  if (offences.length) {
    const homeless = offences.filter((o) => o.why?.startsWith('SQL outside')).length;
    const foreign = offences.length - homeless;
    if (foreign)
      console.log(
        `\n${foreign} place(s) name another lib's raw table. Read it through the owner's reader or a view in its read-models.ts.`,
      );
    if (homeless) console.log(`\n${homeless} file(s) of a domain lib hold SQL outside a store file.`);
    process.exit(1);
  }
  console.log(
    `Table ownership: no lib or app names another lib's raw table (${tables.size} tables: ${summary}; ${views.size} published view(s)); domain libs keep their SQL in store files.`,
  );
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
