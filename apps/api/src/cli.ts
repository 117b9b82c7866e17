import 'reflect-metadata';
import { ConfigError, loadConfig } from '@kompeten/server-core';
import { ensureInitialAdmin, runMigrations, withDataSource } from './bootstrap-tasks';
import { seedDemo } from './seed/demo-seed';

/** Operator commands: `migrate`, `migrate:revert`, `seed`, `ensure-admin`. */
async function main(cmd: string | undefined): Promise<void> {
  const config = loadConfig();
  switch (cmd) {
    case 'migrate': {
      const applied = await runMigrations(config);
      console.log(applied.length ? `Applied ${applied.join(', ')}` : 'Database schema is up to date');
      return;
    }
    case 'migrate:revert':
      await withDataSource(config, (ds) => ds.undoLastMigration({ transaction: 'each' }));
      console.log('Reverted the last migration');
      return;
    case 'seed': {
      await runMigrations(config);
      const seeded = await withDataSource(config, seedDemo);
      console.log(seeded ? 'Demo data seeded' : 'Demo data already present; nothing changed');
      return;
    }
    case 'ensure-admin':
      await ensureInitialAdmin(config);
      return;
    default:
      console.error('Usage: cli <migrate | migrate:revert | seed | ensure-admin>');
      process.exit(64);
  }
}

main(process.argv[2]).catch((e) => {
  console.error(e instanceof ConfigError ? e.message : e);
  process.exit(1);
});
