import nx from '@nx/eslint-plugin';
import reactHooks from 'eslint-plugin-react-hooks';
import prettier from 'eslint-config-prettier/flat';

/**
 * The server domains in layers, lowest first (docs/architecture.md, decision 0018). A lib tagged `domain:<name>` may
 * import only domains of lower layers; two domains of one layer never import each other. Effects that flow upwards
 * (a completion → JP, certificate, SIASN) travel as outbox events, never as imports.
 * The last layer is planned: its tags are ready before its libs, so enrolment can never import them.
 * A new domain gets its place here first; tools/scripts/check-architecture.mjs refuses a domain lib whose tag is missing.
 */
export const domainLayers = [
  ['organisation'],
  ['identity'],
  ['learning'],
  ['enrolment'],
  ['assessment'],
  // The calendar sits below JP and certificates: a class completion is credited and certified by them through its
  // event and calendar's exported readers, as a course completion is through enrolment's (decision 0036).
  ['calendar'],
  // Discussions and communities of practice (decision 0039): they read courses, enrolments and classes; JP credits a
  // community session through their reader and notifications tell mentions, so both sit above them.
  ['discussion'],
  ['jp', 'certificate'],
  // SIASN pushes what certificates say (the certificate.issued event, the number and the PDF), so it sits above them.
  ['siasn'],
  // Tells people about what the layers below did (issue 17); it reads them, nothing reads it.
  ['notification'],
];

const TEST_FILES = ['**/*.spec.ts', '**/*.spec.tsx', '**/*.integration-spec.ts', '**/*.e2e-spec.ts', '**/test/**/*.ts'];

// A lib's tests import server-testing, whose helpers may import that lib: a cycle that exists in tests only.
// Production code importing server-testing is still refused by the constraints below.
const TESTS_ONLY_CYCLES = ['tag:type:app', 'tag:type:domain', 'tag:type:core'].map((tag) => ['server-testing', tag]);

/** The same constraints for production and test files, except that only test files may import `type:testing`. */
function depConstraints({ tests }) {
  // Tests may also start the local simulators of external systems (SIASN); production code never imports them.
  const testing = tests ? ['type:testing', 'type:simulator'] : [];
  const libs = ['type:core', 'type:contracts', 'type:util', ...testing];
  const domains = domainLayers.flatMap((layer, i) => {
    const lower = domainLayers.slice(0, i).flat();
    return layer.map((name) => ({
      sourceTag: `domain:${name}`,
      onlyDependOnLibsWithTags: [...lower.map((d) => `domain:${d}`), ...libs],
    }));
  });
  return [
    // The web never imports server code; the server never imports web code.
    { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['scope:web', 'scope:shared'] },
    { sourceTag: 'scope:server', onlyDependOnLibsWithTags: ['scope:server', 'scope:shared'] },
    { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
    // Layering: apps on top; domains on core; core on shared only; nothing imports an app.
    { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:domain', ...libs] },
    { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:domain', ...libs] },
    { sourceTag: 'type:core', onlyDependOnLibsWithTags: ['type:core', 'type:contracts', 'type:util', ...testing] },
    {
      sourceTag: 'type:testing',
      onlyDependOnLibsWithTags: ['type:domain', 'type:core', 'type:contracts', 'type:util'],
    },
    { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:contracts'] },
    // A simulator (lib and its app) stands alone: it speaks the external system's protocol, not ours.
    { sourceTag: 'type:simulator', onlyDependOnLibsWithTags: ['type:simulator', 'type:contracts', 'type:util'] },
    { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util', 'type:contracts'] },
    // Domains point down their layers only.
    ...domains,
  ];
}

const moduleBoundaries = (tests) => [
  'error',
  {
    enforceBuildableLibDependency: true,
    allow: [],
    ignoredCircularDependencies: TESTS_ONLY_CYCLES,
    depConstraints: depConstraints({ tests }),
  },
];

export default [
  {
    ignores: ['**/dist', '**/node_modules', '**/tmp', '**/.nx', '**/.data', '**/vite.config.*.timestamp*', 'coverage'],
  },
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      '@nx/enforce-module-boundaries': moduleBoundaries(false),
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      // Class properties keep their annotations: decorator metadata (validation, OpenAPI, TypeORM) reads them.
      '@typescript-eslint/no-inferrable-types': ['error', { ignoreProperties: true }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: TEST_FILES,
    rules: { '@nx/enforce-module-boundaries': moduleBoundaries(true) },
  },
  {
    files: ['apps/web/**/*.tsx', 'apps/web/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    files: ['tools/**/*', 'test/**/*', '**/*.spec.ts', '**/*.integration-spec.ts', '**/*.e2e-spec.ts', '**/cli.ts'],
    rules: { 'no-console': 'off' },
  },
  // Last: formatting belongs to Prettier, so ESLint rules that would fight it stay off.
  prettier,
];
