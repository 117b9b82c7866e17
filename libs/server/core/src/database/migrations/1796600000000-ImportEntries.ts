import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 13, ASN records.
 * 1. employee_import_entry: one row per data line of an import (its outcome, the fields an update changed, why a row was
 *    refused, a warning), keyed by (import, line) so a retried import after a worker crash records each line once and
 *    the counts are computed from it. Replaces the `errors` JSON that stopped at 1,000 entries; old imports' entries are
 *    moved over (a saved row with a warning is recorded as outcome `saved`: those imports never recorded created/updated per row).
 * 2. Golongan spelled the canonical way (III/a, IX): harmless variants already stored (`iii/a`, `III / a`, `III/A`, `ix`) are
 *    normalised. Values that do not exist for the employee type (PNS `IX`, PPPK `III/a`, `II/e`) are left untouched so no
 *    data is lost; the API shows them without a pangkat name, and docs/records.md gives the query that lists them.
 */
export class ImportEntries1796600000000 implements MigrationInterface {
  name = 'ImportEntries1796600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE employee_import_entry (
        import_id uuid NOT NULL,
        line integer NOT NULL,
        nip text,
        outcome text NOT NULL,
        reason_code text,
        reason text,
        changed_fields text[],
        warning_code text,
        warning text,
        CONSTRAINT employee_import_entry_pkey PRIMARY KEY (import_id, line),
        CONSTRAINT employee_import_entry_import_id_fkey FOREIGN KEY (import_id) REFERENCES employee_import(id) ON DELETE CASCADE,
        CONSTRAINT employee_import_entry_outcome_check CHECK (outcome IN ('created','updated','unchanged','failed','saved'))
      )`);
    await q.query(`ALTER TABLE employee_import ADD COLUMN warning_count integer NOT NULL DEFAULT 0`);
    await q.query(`
      INSERT INTO employee_import_entry (import_id, line, nip, outcome, reason_code, reason, warning_code, warning)
      SELECT DISTINCT ON (i.id, (e->>'row')::int) i.id, (e->>'row')::int, e->>'nip',
             CASE WHEN e->>'reason' LIKE 'Data pegawai tersimpan%' THEN 'saved' ELSE 'failed' END,
             CASE WHEN e->>'reason' LIKE 'Data pegawai tersimpan%' THEN NULL ELSE 'LEGACY' END,
             CASE WHEN e->>'reason' LIKE 'Data pegawai tersimpan%' THEN NULL ELSE e->>'reason' END,
             CASE WHEN e->>'reason' LIKE 'Data pegawai tersimpan, tetapi atasan tidak diubah%' THEN 'SUPERVISOR_SELF'
                  WHEN e->>'reason' LIKE 'Data pegawai tersimpan%' THEN 'SUPERVISOR_NOT_FOUND' END,
             CASE WHEN e->>'reason' LIKE 'Data pegawai tersimpan%' THEN e->>'reason' END
        FROM employee_import i, jsonb_array_elements(i.errors) e`);
    await q.query(
      `UPDATE employee_import i SET warning_count = (SELECT count(*) FROM employee_import_entry x WHERE x.import_id = i.id AND x.warning IS NOT NULL)`,
    );
    await q.query(`ALTER TABLE employee_import DROP COLUMN errors`);

    await q.query(`
      UPDATE employee SET rank = upper(substring(regexp_replace(rank, '\\s', '', 'g') FROM '^([IiVv]+)')) || '/' || lower(right(regexp_replace(rank, '\\s', '', 'g'), 1))
       WHERE employee_type = 'PNS'
         AND regexp_replace(rank, '\\s', '', 'g') ~* '^(i{1,3}|iv)/[a-e]$'
         AND upper(substring(regexp_replace(rank, '\\s', '', 'g') FROM '^([IiVv]+)')) || '/' || lower(right(regexp_replace(rank, '\\s', '', 'g'), 1))
             IN ('I/a','I/b','I/c','I/d','II/a','II/b','II/c','II/d','III/a','III/b','III/c','III/d','IV/a','IV/b','IV/c','IV/d','IV/e')
         AND rank <> upper(substring(regexp_replace(rank, '\\s', '', 'g') FROM '^([IiVv]+)')) || '/' || lower(right(regexp_replace(rank, '\\s', '', 'g'), 1))`);
    await q.query(`
      UPDATE employee SET rank = upper(btrim(rank))
       WHERE employee_type = 'PPPK' AND rank <> upper(btrim(rank))
         AND upper(btrim(rank)) IN ('I','II','III','IV','V','VI','VII','VIII','IX','X','XI','XII','XIII','XIV','XV','XVI','XVII')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE employee_import ADD COLUMN errors jsonb NOT NULL DEFAULT '[]'`);
    await q.query(`
      UPDATE employee_import i SET errors = coalesce((
        SELECT jsonb_agg(jsonb_build_object('row', x.line, 'nip', x.nip, 'reason', coalesce(x.reason, x.warning)) ORDER BY x.line)
          FROM (SELECT * FROM employee_import_entry WHERE import_id = i.id AND (outcome = 'failed' OR warning IS NOT NULL) ORDER BY line LIMIT 1000) x), '[]')`);
    await q.query(`ALTER TABLE employee_import DROP COLUMN warning_count`);
    await q.query(`DROP TABLE employee_import_entry`);
    // The golongan normalisation is not undone: the canonical spelling is the same value.
  }
}
