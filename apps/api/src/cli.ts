import 'reflect-metadata';
import { ConfigError, loadConfig } from '@kompeten/server-core';
import { builtYears, checkJpConsistency, rebuildPersonYear, rebuildReportGroups } from '@kompeten/server-jp';
import { ensureInitialAdmin, runMigrations, withDataSource } from './bootstrap-tasks';
import { seedDemo } from './seed/demo-seed';

/**
 * Operator commands: `migrate`, `migrate:revert`, `seed`, `ensure-admin`; `jp:check` (is every JP per-person-year
 * aggregate equal to its ledger lines? exit 1 when not) and `jp:rebuild` (recompute the aggregate from the ledger, then
 * the province-level report aggregate of every year built before).
 */
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
    case 'jp:check': {
      const report = await withDataSource(config, (ds) => checkJpConsistency(ds.manager));
      console.log(JSON.stringify(report, null, 1));
      if (!report.consistent) process.exitCode = 1;
      return;
    }
    case 'jp:rebuild': {
      const t0 = Date.now();
      const r = await withDataSource(config, (ds) => rebuildPersonYear(ds.manager));
      console.log(
        `JP per-person-year aggregate rebuilt: ${r.upserted} written, ${r.removed} removed in ${Date.now() - t0} ms`,
      );
      await withDataSource(config, async (ds) => {
        for (const year of await builtYears(ds.manager)) {
          const b = await rebuildReportGroups(ds.manager, year);
          console.log(
            `JP report aggregate ${year} rebuilt: ${b.groups} groups over ${b.asn} ASN in ${b.durationMs} ms`,
          );
        }
      });
      return;
    }
    default:
      console.error('Usage: cli <migrate | migrate:revert | seed | ensure-admin | jp:check | jp:rebuild>');
      process.exit(64);
  }
}

main(process.argv[2]).catch((e) => {
  console.error(e instanceof ConfigError ? e.message : e);
  process.exit(1);
});
