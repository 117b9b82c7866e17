// The worker as its own OS process for tests that kill it (SIGKILL) mid-way: the same module as apps/worker's main.ts,
// with its config from the parent (KOMPETEN_TEST_CONFIG). Reports readiness over IPC.
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { AppConfig } from '@kompeten/server-core';
import { WorkerModule } from '../../../apps/worker/src/worker.module';

async function main(): Promise<void> {
  const config = JSON.parse(process.env.KOMPETEN_TEST_CONFIG ?? '') as AppConfig;
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger: false });
  app.enableShutdownHooks();
  process.send?.({ ready: true, pid: process.pid });
  process.on('disconnect', () => void app.close().finally(() => process.exit(0)));
}

main().catch((e) => {
  console.error('Test worker process failed:', e);
  process.exit(1);
});
