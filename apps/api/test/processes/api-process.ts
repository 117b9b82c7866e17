// A second API process for tests (started by spawnApiProcess in spawn-api.ts): the same code as main.ts, sharing only
// PostgreSQL and Redis with the test's own app. Gets its config from the parent and reports its port over IPC.
import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import type { AppConfig } from '@kompeten/server-core';
import { createApp } from '../../src/app.factory';

async function main(): Promise<void> {
  const config = JSON.parse(process.env.KOMPETEN_TEST_CONFIG ?? '') as AppConfig;
  const app = await createApp(config, { logger: false });
  await app.init();
  const server = app.getHttpServer();
  await new Promise<void>((resolve) => server.listen({ port: 0, host: '127.0.0.1' }, resolve));
  process.send?.({ port: (server.address() as AddressInfo).port, pid: process.pid });
  process.on('disconnect', () => void app.close().finally(() => process.exit(0)));
}

main().catch((e) => {
  console.error('Test API process failed:', e);
  process.exit(1);
});
