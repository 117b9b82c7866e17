import type { EntityManager } from 'typeorm';
import type { SiasnDocumentStatus, SiasnPushStatusName } from '@kompeten/shared-contracts';

export interface PushListRow {
  id: string;
  employeeId: string;
  nip: string;
  personName: string | null;
  completion: { title: string; certificateNumber: string; jp: number };
  status: SiasnPushStatusName;
  attempts: number;
  lastError: string | null;
  siasnRecordId: string | null;
  documentStatus: SiasnDocumentStatus | null;
  documentError: string | null;
  createdAt: Date;
  acknowledgedAt: Date | null;
  total: string;
}

/** A page of an agency's pushes, newest first, by status and a search over NIP, name, course and certificate number. */
export async function listPushes(
  m: EntityManager,
  agencyId: string,
  o: { status: string | null; search: string | null; limit: number; offset: number },
): Promise<{ rows: PushListRow[]; total: number }> {
  const rows: PushListRow[] = await m.query(
    `SELECT id, employee_id AS "employeeId", nip, person_name AS "personName", completion, status, attempts,
            last_error AS "lastError", siasn_record_id AS "siasnRecordId", document_status AS "documentStatus",
            document_error AS "documentError", created_at AS "createdAt", acknowledged_at AS "acknowledgedAt",
            count(*) OVER () AS total
       FROM siasn_push
      WHERE agency_id = $1 AND ($2::text IS NULL OR status = $2)
        AND ($3::text IS NULL OR nip LIKE $3 || '%' OR person_name ILIKE '%' || $3 || '%'
             OR completion->>'title' ILIKE '%' || $3 || '%' OR completion->>'certificateNumber' ILIKE '%' || $3 || '%')
      ORDER BY created_at DESC, id LIMIT $4 OFFSET $5`,
    [agencyId, o.status, o.search, o.limit, o.offset],
  );
  return { rows, total: rows.length ? Number(rows[0].total) : 0 };
}

/** The agency a push belongs to, or null for an unknown id. */
export async function pushAgencyId(m: EntityManager, pushId: string): Promise<string | null> {
  const [row]: Array<{ agency_id: string }> = await m.query('SELECT agency_id FROM siasn_push WHERE id = $1', [pushId]);
  return row?.agency_id ?? null;
}

export async function documentCounts(m: EntityManager, agencyId: string): Promise<Record<SiasnDocumentStatus, number>> {
  const rows: Array<{ document_status: SiasnDocumentStatus; n: string }> = await m.query(
    `SELECT document_status, count(*) AS n FROM siasn_push WHERE agency_id = $1 AND document_status IS NOT NULL
      GROUP BY document_status`,
    [agencyId],
  );
  const counts = { pending: 0, uploaded: 0, failed: 0, parked: 0 };
  for (const r of rows) counts[r.document_status] = Number(r.n);
  return counts;
}
