import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import type { Response as SuperagentResponse } from 'superagent';
import type { DataSource } from 'typeorm';
import type { LoginResponse } from '@kompeten/shared-contracts';
import type { AppConfig } from '@kompeten/server-core';
import { createTestDatabase, openDataSource, testConfig, type TestDatabase } from '@kompeten/server-testing';
import { createApp } from '../src/app.factory';
import { ALL_ENTITIES } from '../src/entities';
import { seedDemo } from '../src/seed/demo-seed';
import { DEMO_PASSWORD } from '../src/seed/demo-world';

/** Demo logins (see README). */
export const DEMO = {
  platformAdmin: 'admin@kompeten.go.id',
  provinceAdmin: 'bpsdm@ntbprov.go.id',
  agencyAdmin: 'bkpsdm@mataramkota.go.id',
  hrOfficer: 'pengelola@mataramkota.go.id',
  supervisor: '197501012000031003',
  widyaiswara: '197803152005012002',
  learner: '198609262015051001',
  pppkLearner: '199203152022011002',
  kendalLearner: '199004172019032005',
  password: DEMO_PASSWORD,
} as const;

export interface TestApi {
  app: INestApplication;
  http: ReturnType<typeof request>;
  db: DataSource;
  config: AppConfig;
  database: TestDatabase;
  login(username: string, password?: string): Promise<LoginResponse>;
  /** Bearer header for a demo user (logs in once per username and caches the token). */
  auth(username: string): Promise<{ Authorization: string }>;
  close(): Promise<void>;
}

/** Boots the real API (real PostgreSQL with the demo world, real Redis) on a fresh database. */
export async function bootApi(options: { seed?: boolean; config?: Record<string, string> } = {}): Promise<TestApi> {
  const database = await createTestDatabase();
  const config = testConfig(database.url, options.config);
  const db = await openDataSource(database.url, ALL_ENTITIES);
  if (options.seed !== false) await seedDemo(db);
  const app = await createApp(config, { logger: false });
  await app.init();
  const http = request(app.getHttpServer());
  const tokens = new Map<string, string>();
  const login = async (username: string, password: string = DEMO.password) => {
    const res = await http.post('/api/auth/login').send({ username, password, returnRefreshToken: true });
    if (res.status !== 200) throw new Error(`Login ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as LoginResponse;
  };
  return {
    app, http, db, config, database, login,
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

/** Looks up a seeded row id by a simple query. */
export async function idOf(db: DataSource, sql: string, params: unknown[] = []): Promise<string> {
  const rows = await db.query(sql, params);
  if (!rows[0]?.id) throw new Error(`No row for ${sql} ${JSON.stringify(params)}`);
  return rows[0].id;
}

/** supertest parser that keeps a binary answer (XLSX, PDF, uploaded files) as one Buffer in `res.body`. */
export function binaryBody(res: SuperagentResponse, done: (err: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (d: Buffer) => chunks.push(d));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}
