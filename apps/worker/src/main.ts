import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { loadConfigOrExit } from '@kompeten/server-core';
import { WorkerModule } from './worker.module';

async function main(): Promise<void> {
  const config = loadConfigOrExit('Kompeten worker');
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  // On SIGTERM/SIGINT Nest closes the BullMQ workers, which wait for in-flight jobs to finish.
  app.enableShutdownHooks();
  app.get(Logger).log('Kompeten worker started');
}

main().catch((e) => {
  console.error('Kompeten worker failed to start:', e instanceof Error ? e.message : e);
  process.exit(1);
});
