import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import type { LoginResponse } from '@kompeten/shared-contracts';
import type { AppConfig } from '@kompeten/server-core';
import { createTestDatabase, openDataSource, type TestDatabase } from '../test-database';
import { testConfig } from '../test-config';

/** A booted HTTP app on its own test database, with a supertest client and cached logins. */
export interface TestApi {
  app: INestApplication;
  http: ReturnType<typeof request>;
  db: DataSource;
  config: AppConfig;
  database: TestDatabase;
  login(username: string, password?: string): Promise<LoginResponse>;
  /** Bearer header for a user (logs in once per username and caches the token). */
  auth(username: string): Promise<{ Authorization: string }>;
  close(): Promise<void>;
}

/**
 * What to boot: an app only the caller knows (a lib never imports an app, so apps/api/test/app.ts passes its own
 * factory, entities and demo seed here).
 */
export interface TestApiTarget {
  createApp(config: AppConfig): Promise<INestApplication>;
  entities: Parameters<typeof openDataSource>[1];
  /** Writes the world the tests log in to (skipped with `seed: false`). */
  seed?(db: DataSource): Promise<unknown>;
  /** The password `login` uses when none is given. */
  defaultPassword: string;
}

export interface BootTestApiOptions {
  seed?: boolean;
  /** Environment overrides on top of the test config (e.g. a small rate limit). */
  config?: Record<string, string>;
}

/** Boots the app on a fresh database (real PostgreSQL, real Redis), seeded unless `seed: false`. */
export async function bootTestApi(target: TestApiTarget, options: BootTestApiOptions = {}): Promise<TestApi> {
  const database = await createTestDatabase();
  const config = testConfig(database.url, options.config);
  const db = await openDataSource(database.url, target.entities);
  if (options.seed !== false && target.seed) await target.seed(db);
  const app = await target.createApp(config);
  await app.init();
  const http = request(app.getHttpServer());
  const tokens = new Map<string, string>();
  const login = async (username: string, password: string = target.defaultPassword) => {
    const res = await http.post('/api/auth/login').send({ username, password, returnRefreshToken: true });
    if (res.status !== 200) throw new Error(`Login ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as LoginResponse;
  };
  return {
    app,
    http,
    db,
    config,
    database,
    login,
    async auth(username: string) {
      if (!tokens.has(username)) tokens.set(username, (await login(username)).accessToken);
      return { Authorization: `Bearer ${tokens.get(username)}` };
    },
    async close() {
      await app.close();
      await db.destroy();
      await database.drop();
    },
  };
}
