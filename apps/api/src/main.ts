import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { loadConfigOrExit } from '@kompeten/server-core';
import { createApp } from './app.factory';
import { ensureInitialAdmin, runMigrations } from './bootstrap-tasks';

async function main(): Promise<void> {
  const config = loadConfigOrExit('Kompeten API');
  if (config.runMigrations) await runMigrations(config);
  await ensureInitialAdmin(config);
  const app = await createApp(config);
  await app.init();
  // A deep accept queue: an exam start brings thousands of connections in the same second (Node's default is 511).
  await new Promise<void>((resolve) =>
    app.getHttpServer().listen({ port: config.port, host: '0.0.0.0', backlog: 4096 }, resolve),
  );
  Logger.log(`Kompeten API listening on port ${config.port}`, 'Bootstrap');
}

main().catch((e) => {
  console.error('Kompeten API failed to start:', e instanceof Error ? e.message : e);
  process.exit(1);
});
