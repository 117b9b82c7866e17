import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

// issue 14, "One owner per table": tools/scripts/table-ownership.mjs run against small fixture workspaces.
const SCRIPT = resolve(__dirname, '../../../../tools/scripts/table-ownership.mjs');

type Files = Record<string, string>;

const project = (name: string, tags = ['scope:server', 'type:domain']) => JSON.stringify({ name, tags });

/** Two libs: alpha owns `thing` and publishes the view `alpha_thing`; beta owns `gadget`. */
const BASE: Files = {
  'libs/server/alpha/project.json': project('server-alpha'),
  'libs/server/alpha/src/entities/thing.entity.ts': `import { Entity } from 'typeorm';\n@Entity('thing')\nexport class ThingEntity {}\n`,
  'libs/server/alpha/src/read-models.ts': `/** Published read models. */\nexport const ALPHA_READ_MODELS = { thing: 'alpha_thing' } as const;\n`,
  'libs/server/alpha/src/thing.store.ts': `export const own = \`SELECT id FROM thing WHERE id = $1\`;\n`,
  'libs/server/beta/project.json': project('server-beta'),
  'libs/server/beta/src/entities/gadget.entity.ts': `import { Entity } from 'typeorm';\n@Entity('gadget')\nexport class GadgetEntity {}\n`,
  'libs/server/core/project.json': project('server-core', ['scope:server', 'type:core']),
  'libs/server/core/src/database/migrations/1-Views.ts': `export const up = \`CREATE VIEW alpha_thing AS SELECT t.id, t.thing_id FROM thing t\`;\n`,
};

function run(files: Files): { status: number | null; lines: string[] } {
  const root = mkdtempSync(join(tmpdir(), 'table-ownership-'));
  try {
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    }
    const r = spawnSync(process.execPath, [SCRIPT, `--root=${root}`], { encoding: 'utf8', timeout: 30_000 });
    return { status: r.status, lines: `${r.stdout}${r.stderr}`.split('\n').filter(Boolean) };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

const withBeta = (source: string, extra: Files = {}): Files => ({
  ...BASE,
  'libs/server/beta/src/gadget-store.ts': source,
  ...extra,
});

describe('table-ownership script', () => {
  it('passes a workspace where each lib reads only its own tables and published views', () => {
    const r = run(
      withBeta(`const sql = \`SELECT g.id, a.thing_id FROM gadget g JOIN alpha_thing a ON a.id = g.thing_id\`;\n`),
    );
    expect(r.status).toBe(0);
    expect(r.lines.at(-1)).toMatch(
      /^Table ownership: no lib or app names another lib's raw table \(2 tables: server-alpha 1, server-beta 1; 1 published view\(s\)\); domain libs keep their SQL in store files\.$/,
    );
  });

  it('names each offence as "lib file:line table (owner)" and exits 1', () => {
    const source = [
      'const a = `SELECT g.id',
      '  FROM gadget g',
      '  JOIN thing t ON t.id = g.thing_id`;',
      "const b = 'INSERT INTO thing (id) VALUES ($1)';",
      'const c = `UPDATE thing SET x = 1`; const d = \'DELETE FROM "thing" WHERE id = $1\';',
      'const e = `SELECT 1 FROM gadget g, thing t`;',
      "const f = `SELECT to_regclass('thing') IS NOT NULL`;",
      '',
    ].join('\n');
    const r = run(withBeta(source));
    expect(r.status).toBe(1);
    expect(r.lines.slice(0, -1)).toEqual([
      'server-beta libs/server/beta/src/gadget-store.ts:3 thing (server-alpha)',
      'server-beta libs/server/beta/src/gadget-store.ts:4 thing (server-alpha)',
      'server-beta libs/server/beta/src/gadget-store.ts:5 thing (server-alpha)',
      'server-beta libs/server/beta/src/gadget-store.ts:5 thing (server-alpha)',
      'server-beta libs/server/beta/src/gadget-store.ts:6 thing (server-alpha)',
      'server-beta libs/server/beta/src/gadget-store.ts:7 thing (server-alpha)',
    ]);
    expect(r.lines.at(-1)).toBe(
      "6 place(s) name another lib's raw table. Read it through the owner's reader or a view in its read-models.ts.",
    );
  });

  it("finds QueryBuilder table names and another lib's entity class, in apps too", () => {
    const r = run(
      withBeta(
        "import { ThingEntity } from '@x/alpha';\nexport const q = (m: any) => m.createQueryBuilder().select('x').from('thing', 't');\nexport const r = (m: any) => m.getRepository(ThingEntity);\n",
        {
          'apps/api/project.json': project('api', ['scope:server', 'type:app']),
          'apps/api/src/boot.ts': 'export const sql = `SELECT id FROM gadget WHERE code = $1`;\n',
        },
      ),
    );
    expect(r.status).toBe(1);
    expect(r.lines.slice(0, -1)).toEqual([
      'api apps/api/src/boot.ts:1 gadget (server-beta)',
      'server-beta libs/server/beta/src/gadget-store.ts:2 thing (server-alpha)',
      'server-beta libs/server/beta/src/gadget-store.ts:3 thing (server-alpha) — entity ThingEntity',
    ]);
  });

  it('does not flag columns, aliases, CTEs, comments, prose, tests or the web app', () => {
    const source = [
      '// reads the thing table through alpha_thing',
      'const a = `WITH thing AS (SELECT 1 AS thing_id) SELECT g.thing_id, g.thing, thing_count FROM gadget g JOIN thing ON true WHERE g.thing_id IS DISTINCT FROM $1`;',
      "const b = `SELECT id FROM gadget FOR UPDATE OF gadget`; const c = 'Data thing tidak ditemukan';",
      'const d = `SELECT extract(epoch FROM thing_at) FROM unnest($1::uuid[]) AS x(id)`;',
      '',
    ].join('\n');
    const r = run(
      withBeta(source, {
        'libs/server/beta/src/gadget-store.spec.ts': 'const sql = `SELECT * FROM thing`;\n',
        'libs/server/beta/src/gadget.integration-spec.ts': 'const sql = `DELETE FROM thing`;\n',
        'apps/web/project.json': project('web', ['scope:web', 'type:app']),
        'apps/web/src/i18n/en.ts': "export const en = { leave: 'Remove from thing' };\n",
        'libs/server/testing/project.json': project('server-testing', ['scope:server', 'type:testing']),
        'libs/server/testing/src/factories.ts': 'export const sql = `INSERT INTO thing (id) VALUES ($1)`;\n',
      }),
    );
    expect(r.lines).toEqual([expect.stringMatching(/^Table ownership: no lib or app names/)]);
    expect(r.status).toBe(0);
  });

  it("allows a published view only when its owner declares it and it reads only the owner's tables", () => {
    const undeclared = run({
      ...BASE,
      'libs/server/core/src/database/migrations/2-More.ts':
        'export const up = `CREATE OR REPLACE VIEW beta_gadget AS SELECT id FROM gadget`;\n',
    });
    expect(undeclared.status).toBe(1);
    expect(undeclared.lines[0]).toBe(
      'server-core libs/server/core/src/database/migrations/2-More.ts:1 beta_gadget (none) — view not declared in any read-models.ts',
    );

    const leaky = run({
      ...BASE,
      'libs/server/beta/src/read-models.ts': "export const BETA_READ_MODELS = { gadget: 'beta_gadget' } as const;\n",
      'libs/server/core/src/database/migrations/2-More.ts':
        'export const up = `CREATE VIEW beta_gadget AS SELECT g.id, a.thing_id FROM gadget g JOIN thing t ON t.id = g.thing_id JOIN alpha_thing a ON a.id = t.id`;\n',
    });
    expect(leaky.status).toBe(1);
    expect(leaky.lines[0]).toBe(
      "server-beta libs/server/core/src/database/migrations/2-More.ts:1 thing (server-alpha) — a published view reads another lib's table",
    );

    const missing = run({
      ...BASE,
      'libs/server/beta/src/read-models.ts': "export const BETA_READ_MODELS = { gadget: 'beta_gadget' } as const;\n",
    });
    expect(missing.status).toBe(1);
    expect(missing.lines[0]).toBe(
      'server-beta -:0 beta_gadget (server-beta) — declared view is created by no migration',
    );
  });

  it('lists a domain lib file that holds SQL outside a store file, once per file, and only in domain libs', () => {
    const own = 'export const a = `SELECT id FROM gadget`;\nexport const b = `UPDATE gadget SET x = 1`;\n';
    const r = run({
      ...BASE,
      'libs/server/beta/src/gadget.service.ts': own,
      'libs/server/beta/src/gadget-readers.ts': own,
      'libs/server/beta/src/readers.ts': own,
      'libs/server/beta/src/provisioning.ts': own,
      'libs/server/beta/src/gadget.store.ts': own,
      'libs/server/beta/src/rules.ts':
        "export const message = 'Gadget tidak ditemukan'; export const q = `SELECT 1`;\n",
      'libs/server/core/src/audit.ts': 'export const sql = `INSERT INTO audit_log (id) VALUES ($1)`;\n',
      'apps/api/project.json': project('api', ['scope:server', 'type:app']),
      'apps/api/src/health.ts': 'export const sql = `SELECT count(*) FROM alpha_thing`;\n',
    });
    expect(r.status).toBe(1);
    expect(r.lines).toEqual([
      'server-beta libs/server/beta/src/gadget.service.ts:1 gadget (server-beta) — SQL outside a store file: move it to a *-store.ts (or readers.ts) next to this file',
      '1 file(s) of a domain lib hold SQL outside a store file.',
    ]);
  });
});
