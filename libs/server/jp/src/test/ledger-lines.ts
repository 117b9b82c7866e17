import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { JENIS_DIKLAT, type CompetencyKind, type JpChannel } from '@kompeten/shared-contracts';
import { rebuildPersonYear } from '../consistency/person-year-store';

/** A ledger line as the reports' tests need it; the rest is filled in (national rule set, channel of the form). */
export interface TestLine {
  employeeId: string;
  agencyId: string;
  /** Local date the learning ended, YYYY-MM-DD (its year is the line's year). */
  occurredOn: string;
  jp: number;
  jenisDiklatId: number;
  competencyKind?: CompetencyKind | null;
  channel?: JpChannel;
  title?: string;
}

/**
 * Writes ledger lines straight into `jp_ledger_line` and recomputes the per-person-year aggregate of their ASN with
 * `rebuildPersonYear` — the reports' tests do not depend on the ledger's append (another change of issue 16).
 */
export async function writeLedgerLines(db: DataSource, lines: readonly TestLine[]): Promise<void> {
  const [{ id: ruleSetId }]: Array<{ id: string }> = await db.query(
    `SELECT id FROM jp_rule_set WHERE agency_id IS NULL ORDER BY effective_from DESC LIMIT 1`,
  );
  for (const l of lines) {
    const form = JENIS_DIKLAT.find((j) => j.id === l.jenisDiklatId);
    if (!form) throw new Error(`Unknown jenis diklat ${l.jenisDiklatId}`);
    await db.query(
      `INSERT INTO jp_ledger_line (employee_id, agency_id, year, occurred_on, jp, jenis_diklat_id, channel, competency_kind,
                                   source_type, source_id, title, rule_set_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'external_claim', $9, $10, $11)`,
      [
        l.employeeId,
        l.agencyId,
        Number(l.occurredOn.slice(0, 4)),
        l.occurredOn,
        l.jp,
        l.jenisDiklatId,
        l.channel ?? form.channel,
        l.competencyKind === undefined ? 'teknis' : l.competencyKind,
        randomUUID(),
        l.title ?? `${form.name} uji`,
        ruleSetId,
      ],
    );
  }
  await rebuildPersonYear(db.manager, { employeeIds: [...new Set(lines.map((l) => l.employeeId))] });
}
