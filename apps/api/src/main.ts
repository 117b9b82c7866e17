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
  await app.listen(config.port, '0.0.0.0');
  Logger.log(`Kompeten API listening on port ${config.port}`, 'Bootstrap');
}

main().catch((e) => {
  console.error('Kompeten API failed to start:', e instanceof Error ? e.message : e);
  process.exit(1);
});
