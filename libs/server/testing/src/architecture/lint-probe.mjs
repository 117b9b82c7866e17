// Lints import fixtures (JSON on stdin) with the repository's ESLint config and prints what the module-boundary rule
// says, for architecture.spec.ts: jest's CommonJS sandbox cannot load eslint.config.mjs, so the spec runs this instead.
// Nothing is written to disk: ESLint lints each fixture's text as if it were the file at its path.
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createProjectGraphAsync } from '@nx/devkit';
import { ESLint } from 'eslint';
import config, { domainLayers } from '../../../../../eslint.config.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../..');
const RULE = '@nx/enforce-module-boundaries';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const fixtures = JSON.parse(Buffer.concat(chunks).toString('utf8'));

// The rule reads Nx's cached project graph (and skips itself without one): bring it up to date first.
await createProjectGraphAsync({ exitOnError: true });

const repoConfig = new ESLint({ cwd: ROOT });
// The same config with cycle detection off. Nx reports a cycle before it looks at tags, so for an import against an
// existing edge (organisation → enrolment) only this run shows that the tags refuse it on their own.
const ignoringCycles = (block) =>
  block.rules?.[RULE]
    ? {
        ...block,
        rules: {
          ...block.rules,
          [RULE]: [block.rules[RULE][0], { ...block.rules[RULE][1], ignoredCircularDependencies: [['*', '*']] }],
        },
      }
    : block;
const tagsOnly = new ESLint({ cwd: ROOT, overrideConfigFile: true, overrideConfig: config.map(ignoringCycles) });

const lint = async (eslint, { file, code }) => {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, file) });
  return result.messages.map((m) => `${m.ruleId ?? 'eslint'}: ${m.message.split('\n')[0]}`);
};

const results = [];
for (const fixture of fixtures) {
  results.push({
    name: fixture.name,
    repoConfig: await lint(repoConfig, fixture),
    tagsOnly: await lint(tagsOnly, fixture),
  });
}

// Which domain tags, planned ones included, may import which: Nx's own tag matching over the effective constraints of
// a production file (every constraint matching the source's tags must accept the target, as the rule requires).
const nxUtils = createRequire(import.meta.url)(
  join(dirname(createRequire(import.meta.url).resolve('@nx/eslint-plugin')), 'utils/runtime-lint-utils.js'),
);
const effective = await repoConfig.calculateConfigForFile(join(ROOT, 'libs/server/enrolment/src/index.ts'));
const { depConstraints } = effective.rules[RULE][1];
const domainLib = (name) => ({ name, type: 'lib', data: { tags: ['scope:server', 'type:domain', `domain:${name}`] } });
const domains = domainLayers.flat();
const matrix = domains.flatMap((source) =>
  domains
    .filter((target) => target !== source)
    .map((target) => {
      const constraints = nxUtils.findConstraintsFor(depConstraints, domainLib(source));
      const refused = constraints.some(
        (c) =>
          c.onlyDependOnLibsWithTags?.length &&
          nxUtils.hasNoneOfTheseTags(domainLib(target), c.onlyDependOnLibsWithTags),
      );
      return { source, target, allowed: constraints.length > 0 && !refused };
    }),
);

process.stdout.write(JSON.stringify({ results, domainLayers, matrix }));
