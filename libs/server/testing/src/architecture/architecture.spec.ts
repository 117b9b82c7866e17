import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

// The guards of decision 0018: lint refuses imports against the domain layers, and check-architecture.mjs refuses a
// docs/architecture.md that disagrees with the code. Both run as child processes (they are ES modules using Nx).
const ROOT = resolve(__dirname, '../../../../..');
const RULE = '@nx/enforce-module-boundaries';
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' };

interface Fixture {
  name: string;
  file: string;
  code: string;
  /** What the tags say on their own; undefined for an import that must pass. */
  refusedBy?: RegExp;
}

const reexport = (name: string, from: string) => `export { ${name} } from '${from}';\n`;

const wrong: Fixture[] = [
  {
    name: 'organisation → enrolment (a lower domain importing a higher one)',
    file: 'libs/server/organisation/src/lint-fixture.ts',
    code: reexport('EnrolmentModule', '@kompeten/server-enrolment'),
    refusedBy: /tagged with "domain:organisation" can only depend on/,
  },
  {
    name: 'learning → assessment',
    file: 'libs/server/learning/src/lint-fixture.ts',
    code: reexport('AssessmentModule', '@kompeten/server-assessment'),
    refusedBy: /tagged with "domain:learning" can only depend on/,
  },
  {
    name: 'enrolment → assessment',
    file: 'libs/server/enrolment/src/lint-fixture.ts',
    code: reexport('AssessmentModule', '@kompeten/server-assessment'),
    refusedBy: /tagged with "domain:enrolment" can only depend on/,
  },
  {
    name: 'core → a domain',
    file: 'libs/server/core/src/lint-fixture.ts',
    code: reexport('AccessScope', '@kompeten/server-organisation'),
    refusedBy: /tagged with "type:core" can only depend on/,
  },
  {
    name: 'production code of a domain → server-testing',
    file: 'libs/server/identity/src/lint-fixture.ts',
    code: reexport('createTestDatabase', '@kompeten/server-testing'),
    refusedBy: /tagged with "type:domain" can only depend on/,
  },
  {
    name: 'production code of an app → server-testing',
    file: 'apps/api/src/lint-fixture.ts',
    code: reexport('createTestDatabase', '@kompeten/server-testing'),
    refusedBy: /tagged with "type:app" can only depend on/,
  },
  {
    name: 'a lib → an app',
    file: 'libs/server/learning/src/lint-fixture.ts',
    code: reexport('AppModule', '../../../../apps/api/src/app.module'),
    refusedBy: /Projects cannot be imported by a relative or absolute path/,
  },
  {
    name: 'the web → server code',
    file: 'apps/web/src/lint-fixture.ts',
    code: reexport('DomainError', '@kompeten/server-core'),
    refusedBy: /tagged with "scope:web" can only depend on/,
  },
];

const right: Fixture[] = [
  {
    name: 'enrolment → learning',
    file: 'libs/server/enrolment/src/lint-fixture.ts',
    code: reexport('CourseEntity', '@kompeten/server-learning'),
  },
  {
    name: 'assessment → enrolment',
    file: 'libs/server/assessment/src/lint-fixture.ts',
    code: reexport('EnrolmentModule', '@kompeten/server-enrolment'),
  },
  {
    name: 'identity → organisation',
    file: 'libs/server/identity/src/lint-fixture.ts',
    code: reexport('AccessScope', '@kompeten/server-organisation'),
  },
  {
    name: "a domain's integration test → server-testing",
    file: 'libs/server/identity/src/lint-fixture.integration-spec.ts',
    code: reexport('createTestDatabase', '@kompeten/server-testing'),
  },
  {
    name: "an app's test folder → server-testing",
    file: 'apps/api/test/lint-fixture.ts',
    code: reexport('createTestDatabase', '@kompeten/server-testing'),
  },
  {
    name: 'the worker → assessment',
    file: 'apps/worker/src/lint-fixture.ts',
    code: reexport('AssessmentModule', '@kompeten/server-assessment'),
  },
];

interface ProbeResult {
  results: { name: string; repoConfig: string[]; tagsOnly: string[] }[];
  domainLayers: string[][];
  matrix: { source: string; target: string; allowed: boolean }[];
}

function runNode(args: string[], input?: string) {
  const r = spawnSync(process.execPath, args, { cwd: ROOT, env, input, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  if (r.error) throw r.error;
  return r;
}

describe('module boundaries (eslint.config.mjs)', () => {
  let probe: ProbeResult;
  const resultOf = (name: string) => {
    const found = probe.results.find((r) => r.name === name);
    if (!found) throw new Error(`no lint result for ${name}`);
    return found;
  };

  beforeAll(() => {
    const r = runNode([join(__dirname, 'lint-probe.mjs')], JSON.stringify([...wrong, ...right]));
    if (r.status !== 0) throw new Error(`lint-probe.mjs failed:\n${r.stderr}`);
    probe = JSON.parse(r.stdout) as ProbeResult;
  }, 120_000);

  it.each(wrong.map((f) => [f.name, f] as const))('refuses %s', (name, fixture) => {
    const { repoConfig, tagsOnly } = resultOf(name);
    // With the repository's config exactly as `npm run lint` runs it, the import is an error of the boundary rule
    // (a cycle is reported first where the opposite edge already exists)…
    expect(repoConfig.length).toBeGreaterThan(0);
    expect(repoConfig.every((m) => m.startsWith(`${RULE}: `))).toBe(true);
    // …and the tags alone refuse it with the expected constraint.
    expect(tagsOnly).toHaveLength(1);
    expect(tagsOnly[0]).toMatch(fixture.refusedBy as RegExp);
  });

  it.each(right.map((f) => [f.name] as const))('lets %s through', (name) => {
    expect(resultOf(name)).toEqual({ name, repoConfig: [], tagsOnly: [] });
  });

  it('lets a domain import exactly the domains of lower layers, planned domains included', () => {
    const layerOf = (domain: string) => probe.domainLayers.findIndex((layer) => layer.includes(domain));
    expect(probe.matrix.length).toBeGreaterThan(0);
    for (const { source, target, allowed } of probe.matrix) {
      expect({ source, target, allowed }).toEqual({ source, target, allowed: layerOf(target) < layerOf(source) });
    }
  });

  it('keeps enrolment below the planned consumers of its events, and them apart', () => {
    const allowed = (source: string, target: string) =>
      probe.matrix.find((m) => m.source === source && m.target === target)?.allowed;
    expect(allowed('enrolment', 'jp')).toBe(false);
    expect(allowed('assessment', 'certificate')).toBe(false);
    expect(allowed('jp', 'enrolment')).toBe(true);
    // SIASN pushes what certificates say (decision 0031): it sits above them, and nothing imports it.
    expect(allowed('siasn', 'certificate')).toBe(true);
    expect(allowed('certificate', 'siasn')).toBe(false);
    expect(allowed('jp', 'siasn')).toBe(false);
  });
});

describe('tools/scripts/check-architecture.mjs', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'kompeten-architecture-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('names every difference between docs/architecture.md and the code', () => {
    const doc = readFileSync(join(ROOT, 'docs/architecture.md'), 'utf8')
      .replace(/^server-organisation\s+->.*\n/m, '')
      .replace(/^```dependencies\n/m, '```dependencies\nshared-contracts -> server-enrolment\n')
      .replace(/^(server-core:.*) outbox_event/m, '$1')
      .replace(/^```tables\n/m, '```tables\nserver-learning: outbox_event ghost_table\nserver-core: agency\n');
    const copy = join(dir, 'architecture.md');
    writeFileSync(copy, doc);

    const r = runNode(['tools/scripts/check-architecture.mjs', `--doc=${copy}`]);

    expect(r.status).toBe(1);
    expect(r.stderr).toContain('missing from the dependencies block: server-organisation -> server-core');
    expect(r.stderr).toContain('not in the Nx graph: shared-contracts -> server-enrolment');
    expect(r.stderr).toContain('outbox_event is declared by server-core; the tables block says server-learning');
    expect(r.stderr).toContain('ghost_table is in the tables block but no lib declares it');
    expect(r.stderr).toContain('agency is listed twice in the tables block (server-core, server-organisation)');
    expect(readFileSync(copy, 'utf8')).toBe(doc);
  }, 120_000);

  it('passes on a faithful copy and rewrites a stale one with --write', () => {
    const stale = readFileSync(join(ROOT, 'docs/architecture.md'), 'utf8').replace(
      /^```tables\n[\s\S]*?^```/m,
      '```tables\n```',
    );
    const copy = join(dir, 'stale.md');
    writeFileSync(copy, stale);

    const written = runNode(['tools/scripts/check-architecture.mjs', '--write', `--doc=${copy}`]);
    const checked = runNode(['tools/scripts/check-architecture.mjs', `--doc=${copy}`]);

    expect(written.status).toBe(0);
    expect(checked.stderr).toBe('');
    expect(checked.status).toBe(0);
    expect(readFileSync(copy, 'utf8')).toMatch(/^server-core:.*\boutbox_event\b/m);
  }, 120_000);
});
