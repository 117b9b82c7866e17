import type { EntityManager } from 'typeorm';

export interface IpAsnRow {
  employeeId: string;
  score: Record<string, unknown> | null;
  error: string | null;
  fetchedAt: Date;
}

export async function findIpAsn(m: EntityManager, employeeId: string): Promise<IpAsnRow | null> {
  const [row]: IpAsnRow[] = await m.query(
    `SELECT employee_id AS "employeeId", score, error, fetched_at AS "fetchedAt" FROM siasn_ip_asn WHERE employee_id = $1`,
    [employeeId],
  );
  return row ?? null;
}

/** Keeps what SIASN answered (or why it could not); a failed read keeps the last score it had. */
export async function saveIpAsn(
  m: EntityManager,
  r: { employeeId: string; nip: string; score: Record<string, unknown> | null; error: string | null },
): Promise<void> {
  await m.query(
    `INSERT INTO siasn_ip_asn (employee_id, nip, score, error) VALUES ($1, $2, $3, $4)
     ON CONFLICT (employee_id) DO UPDATE SET nip = EXCLUDED.nip,
       score = CASE WHEN EXCLUDED.error IS NULL THEN EXCLUDED.score ELSE siasn_ip_asn.score END,
       error = EXCLUDED.error, fetched_at = CASE WHEN EXCLUDED.error IS NULL THEN now() ELSE siasn_ip_asn.fetched_at END`,
    [r.employeeId, r.nip, r.score === null ? null : JSON.stringify(r.score), r.error],
  );
}
