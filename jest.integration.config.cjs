// Integration tests: real PostgreSQL (a database per test file, cloned from a migrated template) and real Redis.
module.exports = {
  ...require('./jest.preset.cjs'),
  displayName: 'integration',
  // test/integration holds tests that span apps (API + worker); apps never import each other.
  testMatch: [
    '<rootDir>/{apps,libs}/**/*.integration-spec.ts',
    '<rootDir>/apps/*/test/**/*.e2e-spec.ts',
    '<rootDir>/test/integration/**/*.integration-spec.ts',
  ],
  globalSetup: '<rootDir>/libs/server/testing/src/global-setup.ts',
  globalTeardown: '<rootDir>/libs/server/testing/src/global-teardown.ts',
  testTimeout: 60_000,
  maxWorkers: 2,
};
