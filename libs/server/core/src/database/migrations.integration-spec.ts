import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';
import { MIGRATIONS } from './migrations';

// This spec sits below every other server lib, so it cannot import the test harness (which depends on core) or the
// entity lists of the domain libs. It makes its own empty database (named so the run's global teardown drops it)
// and loads every entity file of the server libs by glob, so a new entity is checked without being listed here.
const ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const ENTITY_GLOB = join(__dirname, '../../../../../libs/server/*/src/**/*.entity.ts');
const TABLES = [
  'account_event',
  'account_reset_request',
  'account_setup_link',
  'agency',
  'assignment_submission',
  'audience_assignment',
  'audit_log',
  'calendar_feed_token',
  'certificate',
  'certificate_key',
  'certificate_logo',
  'certificate_sequence',
  'certificate_template',
  'class_attendance',
  'class_completion',
  'class_quota',
  'class_registration',
  'community',
  'community_member',
  'community_session',
  'community_session_attendee',
  'course',
  'course_author',
  'course_author_invitation',
  'course_completion',
  'course_draft_editor',
  'course_file',
  'course_module',
  'course_review_event',
  'course_version',
  'discussion_mention',
  'discussion_post',
  'discussion_read_marker',
  'discussion_report',
  'discussion_space',
  'discussion_thread',
  'email_delivery',
  'employee',
  'employee_import',
  'employee_import_entry',
  'enrolment',
  'jp_claim',
  'jp_ip_asn_official_score',
  'jp_ip_asn_scheme',
  'jp_ledger_line',
  'jp_person_year',
  'jp_report_build',
  'jp_report_group',
  'jp_rule',
  'jp_rule_set',
  'lesson',
  'lesson_progress',
  'notification',
  'notification_preference',
  'outbox_delivery',
  'outbox_event',
  'presence_check',
  'presence_check_answer',
  'question',
  'question_category',
  'quiz',
  'quiz_answer',
  'quiz_attempt',
  'refresh_token',
  'role_assignment',
  'siasn_credential',
  'siasn_ip_asn',
  'siasn_push',
  'siasn_reconciliation_item',
  'siasn_reconciliation_run',
  'training_class',
  'training_offering',
  'user_account',
  'webinar_join',
  'webinar_session',
  'work_unit',
];
/** The published read models (decision 0016), each declared in its owner lib's read-models.ts. */
const VIEWS = [
  'enrolment_state',
  'identity_employee',
  'identity_user_account',
  'learning_course',
  'learning_course_version',
  'organisation_agency',
  'organisation_work_unit',
];

async function admin<T>(fn: (c: Client) => Promise<T>): Promise<T> {
  const c = new Client({ connectionString: ADMIN_URL });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

async function userTables(ds: DataSource): Promise<string[]> {
  const rows: Array<{ table_name: string }> = await ds.query(
    `SELECT table_name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name NOT IN ('typeorm_migrations', 'typeorm_metadata') ORDER BY table_name`,
  );
  return rows.map((r) => r.table_name);
}

async function userViews(ds: DataSource): Promise<string[]> {
  const rows: Array<{ table_name: string }> = await ds.query(
    `SELECT table_name FROM information_schema.views WHERE table_schema = 'public' ORDER BY table_name`,
  );
  return rows.map((r) => r.table_name);
}

const pendingSchemaChanges = async (ds: DataSource) =>
  (await ds.driver.createSchemaBuilder().log()).upQueries.map((q) => q.query);

describe('database migrations', () => {
  let name: string;
  let ds: DataSource;

  beforeAll(async () => {
    const run = process.env.KOMPETEN_TEST_RUN;
    if (!run)
      throw new Error('Run integration tests through jest.integration.config.cjs (its global setup names the run)');
    name = `kompeten_test_mig_${randomBytes(4).toString('hex')}_${run}`;
    if (!/^kompeten_test_[a-z0-9_]+$/.test(name)) throw new Error(`Refusing to use "${name}"`);
    await admin((c) => c.query(`CREATE DATABASE ${name}`));
    const url = new URL(ADMIN_URL);
    url.pathname = `/${name}`;
    ds = new DataSource(dataSourceOptions(url.toString(), [ENTITY_GLOB], 2));
    await ds.initialize();
  });

  afterAll(async () => {
    if (ds?.isInitialized) await ds.destroy();
    if (name) await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  });

  it('loads every entity of the server libs', () => {
    expect(ds.entityMetadatas.map((m) => m.tableName).sort()).toEqual(TABLES);
  });

  it('migrates an empty database, recording each migration once', async () => {
    const ran = await ds.runMigrations({ transaction: 'each' });
    expect(ran.map((m) => m.name)).toEqual(MIGRATIONS.map((m) => new m().name));
    expect(await userTables(ds)).toEqual(TABLES);
    expect(await userViews(ds)).toEqual(VIEWS);
    expect(await ds.showMigrations()).toBe(false);
    expect(await ds.runMigrations({ transaction: 'each' })).toEqual([]);
  });

  it('builds exactly the schema the entities describe (no pending schema changes)', async () => {
    expect(await pendingSchemaChanges(ds)).toEqual([]);
  });

  it("keeps the migration's constraints and the trigram search index", async () => {
    const checks: Array<{ conname: string }> = await ds.query(
      `SELECT conname FROM pg_constraint WHERE contype IN ('c', 'f') ORDER BY conname`,
    );
    expect(checks.map((c) => c.conname)).toEqual(
      expect.arrayContaining([
        'employee_nip_check',
        'employee_supervisor_id_fkey',
        'role_assignment_user_id_fkey',
        'employee_import_status_check',
      ]),
    );
    const [search] = await ds.query(`SELECT indexdef FROM pg_indexes WHERE indexname = 'ix_employee_search'`);
    expect(search.indexdef).toMatch(/gin_trgm_ops/);
  });

  it('undoes every migration down to an empty schema, and migrates again cleanly', async () => {
    for (let i = 0; i < MIGRATIONS.length; i++) await ds.undoLastMigration({ transaction: 'each' });
    expect(await userTables(ds)).toEqual([]);
    expect(await userViews(ds)).toEqual([]);
    const [{ metadata }] = await ds.query(`SELECT to_regclass('typeorm_metadata')::text AS metadata`);
    expect(metadata).toBeNull();
    expect(await ds.query(`SELECT name FROM typeorm_migrations`)).toEqual([]);

    const ran = await ds.runMigrations({ transaction: 'each' });
    expect(ran.map((m) => m.name)).toEqual(MIGRATIONS.map((m) => new m().name));
    expect(await userTables(ds)).toEqual(TABLES);
    expect(await pendingSchemaChanges(ds)).toEqual([]);

    // A second cycle behaves the same: down leaves nothing behind that up trips over.
    for (let i = 0; i < MIGRATIONS.length; i++) await ds.undoLastMigration({ transaction: 'each' });
    expect(await userTables(ds)).toEqual([]);
    await ds.runMigrations({ transaction: 'each' });
    expect(await userTables(ds)).toEqual(TABLES);
    expect(await userViews(ds)).toEqual(VIEWS);
  });
});
