import type { EntityManager } from 'typeorm';
import type { JpClaimStatus } from '@kompeten/shared-contracts';

/** What the notifications read of a decided claim (decision 0016: a reader, not the table). */
export interface ClaimDecisionFacts {
  id: string;
  employeeId: string;
  title: string;
  status: JpClaimStatus;
  decisionReason: string | null;
  creditedJp: number | null;
}

/** A JP claim by id, or null for an unknown id. */
export async function findClaimDecision(m: EntityManager, claimId: string): Promise<ClaimDecisionFacts | null> {
  const [row]: Array<{
    id: string;
    employee_id: string;
    title: string;
    status: JpClaimStatus;
    decision_reason: string | null;
    credited_jp: string | null;
  }> = await m.query(
    `SELECT id, employee_id, title, status, decision_reason, credited_jp FROM jp_claim WHERE id = $1`,
    [claimId],
  );
  return row
    ? {
        id: row.id,
        employeeId: row.employee_id,
        title: row.title,
        status: row.status,
        decisionReason: row.decision_reason,
        creditedJp: row.credited_jp === null ? null : Number(row.credited_jp),
      }
    : null;
}
