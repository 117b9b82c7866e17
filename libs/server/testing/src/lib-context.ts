import { rmSync } from 'node:fs';
import {
  Global,
  Module,
  type DynamicModule,
  type INestApplicationContext,
  type Provider,
  type Type,
} from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { APP_CONFIG, FILE_STORAGE, LocalDiskStorage, type AppConfig } from '@kompeten/server-core';
import { testConfig } from './test-config';
import { createTestDatabase, openDataSource, type TestDatabase } from './test-database';

/** A lib's own Nest modules booted without HTTP on a fresh test database: what a lib's integration test calls. */
export interface LibTestContext {
  app: INestApplicationContext;
  db: DataSource;
  database: TestDatabase;
  config: AppConfig;
  /** A provider of the booted modules (exported or not). */
  get<T>(token: Type<T> | string | symbol): T;
  close(): Promise<void>;
}

export interface LibTestOptions {
  /** Entities the modules' repositories use (raw SQL needs none). */
  entities: Parameters<typeof openDataSource>[1];
  /** The lib's module(s), e.g. [EnrolmentModule]. */
  imports: Array<Type<unknown> | DynamicModule>;
  /** Extra global providers (a port another lib would bind). */
  providers?: Provider[];
  /** Environment overrides on top of the test config. */
  config?: Record<string, string>;
}

/**
 * Boots `imports` as the API would, minus HTTP, Redis and tokens: the core's globals a domain lib injects (the
 * DataSource, APP_CONFIG, FILE_STORAGE on a local temporary folder) come from one global module.
 */
export async function bootLibTest(o: LibTestOptions): Promise<LibTestContext> {
  const database = await createTestDatabase();
  const db = await openDataSource(database.url, o.entities);
  const config = testConfig(database.url, o.config);
  const globals: Provider[] = [
    { provide: DataSource, useValue: db },
    { provide: APP_CONFIG, useValue: config },
    { provide: FILE_STORAGE, useValue: new LocalDiskStorage(config.storageDir) },
    ...(o.providers ?? []),
  ];
  @Global()
  @Module({ providers: globals, exports: globals.map((p) => (typeof p === 'function' ? p : p.provide)) })
  class TestCoreModule {}
  @Module({ imports: [TestCoreModule, ...o.imports] })
  class LibTestModule {}
  let app: INestApplicationContext;
  try {
    app = await NestFactory.createApplicationContext(LibTestModule, { logger: false, abortOnError: false });
  } catch (e) {
    await db.destroy();
    await database.drop();
    throw e;
  }
  return {
    app,
    db,
    database,
    config,
    get: <T>(token: Type<T> | string | symbol) => app.get<T>(token, { strict: false }),
    async close() {
      await app.close();
      await db.destroy();
      await database.drop();
      rmSync(config.storageDir, { recursive: true, force: true });
    },
  };
}
