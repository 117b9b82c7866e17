import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
// Jest runs globalSetup without moduleNameMapper, so the path alias cannot resolve here.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { dataSourceOptions } from '../../core/src/database/data-source-options';
import { assertTestName, RUN_ENV, TEMPLATE_ENV, urlFor, withAdmin } from './test-env';

/** Migrates a template database once per run; each test file clones it (milliseconds) — immich's pattern. */
export default async function globalSetup(): Promise<void> {
  const run = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  const template = `kompeten_test_tpl_${run}`;
  assertTestName(template);
  await withAdmin(async (c) => {
    await c.query(`CREATE DATABASE ${template}`);
  });
  const ds = new DataSource(dataSourceOptions(urlFor(template), [], 2));
  await ds.initialize();
  await ds.runMigrations({ transaction: 'each' });
  await ds.destroy();
  process.env[TEMPLATE_ENV] = template;
  process.env[RUN_ENV] = run;
}
