import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { dataSourceOptions, type AppConfig } from '@kompeten/server-core';
import { hashPassword, verifyPassword } from '@kompeten/server-identity';
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
  const [existing] = await ds.query(`SELECT id FROM agency WHERE level = 'nasional' AND parent_id IS NULL ORDER BY created_at LIMIT 1`);
  if (existing) return existing.id;
  const [row] = await ds.query(
    `INSERT INTO agency (code, name, level, time_zone, hr_body_name) VALUES ('nasional', 'Kompeten Nasional', 'nasional', 'Asia/Jakarta', NULL)
     ON CONFLICT (code) DO UPDATE SET code = EXCLUDED.code RETURNING id`,
  );
  return row.id;
}

/** With ADMIN_EMAIL and ADMIN_PASSWORD set, makes sure a platform admin with exactly those credentials exists. */
export async function ensureInitialAdmin(config: AppConfig): Promise<void> {
  const admin = config.initialAdmin;
  if (!admin) return;
  await withDataSource(config, async (ds) => {
    const rootId = await ensureRootAgency(ds);
    const [user] = await ds.query(`SELECT id, password_hash FROM user_account WHERE email = $1`, [admin.email]);
    let userId: string = user?.id;
    if (!user) {
      const [row] = await ds.query(`INSERT INTO user_account (email, password_hash, password_changed_at) VALUES ($1, $2, now()) RETURNING id`, [admin.email, await hashPassword(admin.password)]);
      userId = row.id;
      log.log(`Created platform admin ${admin.email}`);
    } else if (!(await verifyPassword(user.password_hash, admin.password))) {
      await ds.query(`UPDATE user_account SET password_hash = $2, failed_login_count = 0, locked_until = NULL, password_changed_at = now(), active = true WHERE id = $1`, [userId, await hashPassword(admin.password)]);
      log.log(`Reset the password of platform admin ${admin.email} from ADMIN_PASSWORD`);
    }
    await ds.query(
      `INSERT INTO role_assignment (user_id, role, agency_id) VALUES ($1, 'platform_admin', $2) ON CONFLICT (user_id, role, agency_id, unit_key) DO NOTHING`,
      [userId, rootId],
    );
  });
}
