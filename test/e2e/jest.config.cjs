// Browser journeys: Playwright (playwright-core + Debian's Chromium) against the real platform started by `npm start`'s script.
const preset = require('../../jest.preset.cjs');

module.exports = {
  ...preset,
  displayName: 'browser',
  testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'],
  globalSetup: '<rootDir>/test/e2e/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/e2e/support/global-teardown.ts',
  testTimeout: 90_000,
  maxWorkers: 1,
};
