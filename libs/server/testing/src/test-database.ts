import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@kompeten/server-core';
import { assertTestName, RUN_ENV, TEMPLATE_ENV, urlFor, withAdmin } from './test-env';

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** A fresh, migrated, empty database for one test file, cloned from the run's template. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const template = process.env[TEMPLATE_ENV];
  const run = process.env[RUN_ENV];
  if (!template || !run)
    throw new Error(
      'Run integration tests through jest.integration.config.cjs (its global setup makes the template database)',
    );
  const name = `kompeten_test_${randomBytes(4).toString('hex')}_${run}`;
  assertTestName(name);
  await withAdmin((c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${template}`));
  return {
    name,
    url: urlFor(name),
    drop: () => withAdmin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

/** A TypeORM data source on a test database with the given entities. */
export async function openDataSource(
  url: string,
  entities: Parameters<typeof dataSourceOptions>[1],
): Promise<DataSource> {
  const ds = new DataSource(dataSourceOptions(url, entities, 5));
  await ds.initialize();
  return ds;
}
