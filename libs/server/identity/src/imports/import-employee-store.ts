import type { DataSource, EntityManager } from 'typeorm';
import type { ImportRow } from './import-columns';

/**
 * Hand-written SQL for what a CSV import writes to ASN records (`employee`): the stored records of a batch (locked),
 * the batch's inserts and updates in one statement, and the supervisor links made once every row is in. The import's
 * own rows are import-store.ts; which rows may be written is employee-import.runner.ts.
 */

/** A stored record as a batch compares it: where it sits and the compared columns (by column name). */
export type StoredEmployeeRow = Record<string, string | null> & {
  nip: string;
  agency_id: string;
  employee_type: string;
  unit_path: string | null;
};

/**
 * The stored records with these NIPs, locked in NIP order (two batches never wait on each other in a cycle), with
 * their unit's path and the `columns` the runner compares. `columns` are this lib's own column names, never input.
 */
export async function lockEmployeesByNip(
  m: EntityManager,
  nips: string[],
  columns: readonly string[],
): Promise<StoredEmployeeRow[]> {
  return m.query<StoredEmployeeRow[]>(
    `SELECT e.nip, e.agency_id, e.employee_type, u.path AS unit_path, ${columns.map((c) => `e.${c}`).join(', ')}
       FROM employee e LEFT JOIN organisation_work_unit u ON u.id = e.unit_id WHERE e.nip = ANY($1) ORDER BY e.nip FOR UPDATE OF e`,
    [nips],
  );
}

/**
 * Inserts new NIPs and updates changed ones in one statement (arrays unnested). An update never changes a record's
 * agency or employee type: the WHERE of the conflict branch leaves a record of another agency or type untouched.
 */
export async function upsertEmployees(
  m: EntityManager,
  agencyId: string,
  rows: ReadonlyArray<{ row: ImportRow; unitId: string | null }>,
): Promise<void> {
  const col = <K extends keyof ImportRow>(k: K) => rows.map((b) => b.row[k]);
  await m.query(
    `INSERT INTO employee (nip, agency_id, unit_id, employee_type, full_name, front_title, back_title, position_name, position_kind, rank, email, phone, birth_date, gender)
       SELECT t.nip, $1, t.unit_id, t.employee_type, t.full_name, t.front_title, t.back_title, t.position_name, t.position_kind, t.rank, t.email, t.phone, t.birth_date, t.gender
         FROM unnest($2::text[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::date[], $14::text[])
           AS t(nip, unit_id, employee_type, full_name, front_title, back_title, position_name, position_kind, rank, email, phone, birth_date, gender)
       ON CONFLICT (nip) DO UPDATE SET
         unit_id = EXCLUDED.unit_id, full_name = EXCLUDED.full_name,
         front_title = EXCLUDED.front_title, back_title = EXCLUDED.back_title, position_name = EXCLUDED.position_name,
         position_kind = EXCLUDED.position_kind, rank = EXCLUDED.rank, email = EXCLUDED.email, phone = EXCLUDED.phone, updated_at = now()
       WHERE employee.agency_id = EXCLUDED.agency_id AND employee.employee_type = EXCLUDED.employee_type`,
    [
      agencyId,
      col('nip'),
      rows.map((b) => b.unitId),
      col('employeeType'),
      col('fullName'),
      col('frontTitle'),
      col('backTitle'),
      col('positionName'),
      col('positionKind'),
      col('rank'),
      col('email'),
      col('phone'),
      col('birthDate'),
      col('gender'),
    ],
  );
}

/** The ASN record of the account that uploaded the import (none for an account without one). */
export async function selectUploaderEmployeeId(db: DataSource, userId: string): Promise<string | null | undefined> {
  const [uploader]: Array<{ employee_id: string | null }> = await db.query(
    `SELECT employee_id FROM user_account WHERE id = $1`,
    [userId],
  );
  return uploader?.employee_id;
}

/** One file row naming a supervisor: the ASN's NIP, the supervisor's NIP, and the line (for its entry). */
export interface SupervisorLink {
  nip: string;
  supervisorNip: string;
  line: number;
}

/**
 * Links one chunk of supervisors in one statement (so a retried import finds the links and warnings it already wrote).
 * A supervisor found in the agency (for an HR uploader, inside `unitScopePath`) is written unless the uploader would
 * appoint themself or set their own supervisor; a line whose stored record changed becomes `updated` with nip_atasan
 * among its changed fields. Otherwise the line gets a SUPERVISOR_NOT_FOUND or SUPERVISOR_SELF warning.
 */
export async function linkSupervisorsChunk(
  db: DataSource,
  imp: { id: string; agencyId: string; unitScopePath: string | null },
  chunk: readonly SupervisorLink[],
  uploaderEmployeeId: string | null,
): Promise<void> {
  await db.query(
    `WITH s(nip, sup_nip, line) AS (SELECT * FROM unnest($2::text[], $3::text[], $4::int[]))
         , j AS (
           SELECT s.nip, s.sup_nip, s.line, e.id AS emp_id, sup.id AS sup_id,
                  CASE WHEN sup.id IS NULL OR ($6::text IS NOT NULL AND (su.path IS NULL OR left(su.path, length($6)) <> $6)) THEN 'missing'
                       WHEN sup.id = $7::uuid OR e.id = $7::uuid THEN 'self'
                       ELSE 'ok' END AS verdict
             FROM s LEFT JOIN employee e ON e.nip = s.nip AND e.agency_id = $1
             LEFT JOIN employee sup ON sup.nip = s.sup_nip AND sup.agency_id = $1
             LEFT JOIN organisation_work_unit su ON su.id = sup.unit_id)
         , upd AS (
           UPDATE employee e SET supervisor_id = j.sup_id, updated_at = now()
             FROM j WHERE j.verdict = 'ok' AND e.id = j.emp_id AND e.supervisor_id IS DISTINCT FROM j.sup_id
           RETURNING e.nip)
         , changed AS (
           UPDATE employee_import_entry x
              SET outcome = CASE WHEN x.outcome = 'unchanged' THEN 'updated' ELSE x.outcome END,
                  changed_fields = array_append(coalesce(x.changed_fields, '{}'), 'nip_atasan')
             FROM s JOIN upd ON upd.nip = s.nip
            WHERE x.import_id = $5 AND x.line = s.line AND x.outcome IN ('updated', 'unchanged')
           RETURNING x.line)
         UPDATE employee_import_entry x
            SET warning_code = CASE WHEN j.verdict = 'self' THEN 'SUPERVISOR_SELF' ELSE 'SUPERVISOR_NOT_FOUND' END,
                warning = CASE WHEN j.verdict = 'self'
                               THEN 'Data pegawai tersimpan, tetapi atasan tidak diubah: pengunggah tidak dapat menunjuk dirinya sebagai atasan atau menetapkan atasannya sendiri'
                               ELSE 'Data pegawai tersimpan, tetapi nip_atasan ' || j.sup_nip || ' tidak ditemukan di instansi ini' END
           FROM j
          WHERE x.import_id = $5 AND x.line = j.line AND x.warning IS NULL AND j.verdict <> 'ok'`,
    [
      imp.agencyId,
      chunk.map((c) => c.nip),
      chunk.map((c) => c.supervisorNip),
      chunk.map((c) => c.line),
      imp.id,
      imp.unitScopePath,
      uploaderEmployeeId,
    ],
  );
}
