import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { dataSourceOptions, type AppConfig } from '@kompeten/server-core';
import { ensurePlatformAdmin } from '@kompeten/server-identity';
import { ensureNationalRoot } from '@kompeten/server-organisation';
import { ALL_ENTITIES } from './entities';

const log = new Logger('Bootstrap');

export async function withDataSource<T>(config: AppConfig, fn: (ds: DataSource) => Promise<T>): Promise<T> {
  const ds = new DataSource(dataSourceOptions(config.databaseUrl, ALL_ENTITIES, 4));
  await ds.initialize();
  try {
    return await fn(ds);
  } finally {
    await ds.destroy();
  }
}

/** Applies pending migrations. Concurrent starters wait on an advisory lock instead of racing. */
export async function runMigrations(config: AppConfig): Promise<string[]> {
  return withDataSource(config, async (ds) => {
    const runner = ds.createQueryRunner();
    await runner.connect();
    try {
      await runner.query('SELECT pg_advisory_lock(7363001)');
      const applied = await ds.runMigrations({ transaction: 'each' });
      if (applied.length) log.log(`Applied migrations: ${applied.map((m) => m.name).join(', ')}`);
      return applied.map((m) => m.name);
    } finally {
      await runner.query('SELECT pg_advisory_unlock(7363001)').catch(() => undefined);
      await runner.release();
    }
  });
}

/** The national root agency every platform-wide role hangs from. */
export async function ensureRootAgency(ds: DataSource): Promise<string> {
  return ensureNationalRoot(ds.manager);
}

/** With ADMIN_EMAIL and ADMIN_PASSWORD set, makes sure a platform admin with exactly those credentials exists. */
export async function ensureInitialAdmin(config: AppConfig): Promise<void> {
  const admin = config.initialAdmin;
  if (!admin) return;
  await withDataSource(config, async (ds) => {
    const outcome = await ensurePlatformAdmin(ds.manager, admin, await ensureRootAgency(ds));
    if (outcome === 'created') log.log(`Created platform admin ${admin.email}`);
    if (outcome === 'reset') log.log(`Reset the password of platform admin ${admin.email} from ADMIN_PASSWORD`);
  });
}
