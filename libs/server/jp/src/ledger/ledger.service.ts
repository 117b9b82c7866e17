import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { ErrorCode, type JpLedgerLine, type Page } from '@kompeten/shared-contracts';
import { conflict, forbidden, notFound, recordAudit, toPage } from '@kompeten/server-core';
import type { AccessScope } from '@kompeten/server-organisation';
import type { LinesQueryDto } from '../dto/jp.dto';
import { findJpEmployee, type JpEmployee } from '../employee-store';
import { toLedgerLine } from './ledger.mapper';
import { appendLedgerLine, findLine, listLines, lockPersonYear } from './ledger-store';

const lineNotFound = () => notFound(ErrorCode.JP_LINE_NOT_FOUND, 'Baris JP tidak ditemukan');

/**
 * Reading an ASN's ledger and correcting it. A correction is a reversing line, never an edit (decision 0022): an
 * agency admin or HR officer whose scope holds the ASN reverses a line with a reason; the reversal carries the
 * opposite JP on the same day, form and channel, so the line, the year's aggregate and every report net to zero.
 */
@Injectable()
export class LedgerService {
  constructor(@InjectDataSource() @Inject(DataSource) private readonly db: DataSource) {}

  /** An ASN the caller may see (themself, their reports as supervisor, their HR or admin scope); 404 otherwise. */
  async visibleEmployee(m: EntityManager, scope: AccessScope, employeeId: string): Promise<JpEmployee> {
    const employee = await findJpEmployee(m, employeeId);
    if (!employee || !scope.canReadEmployee(employee))
      throw notFound(ErrorCode.JP_EMPLOYEE_NOT_FOUND, 'ASN tidak ditemukan');
    return employee;
  }

  async lines(scope: AccessScope, employeeId: string, q: LinesQueryDto): Promise<Page<JpLedgerLine>> {
    const m = this.db.manager;
    await this.visibleEmployee(m, scope, employeeId);
    const { total, rows } = await listLines(m, employeeId, q.year ?? null, {
      limit: q.pageSize,
      offset: (q.page - 1) * q.pageSize,
    });
    return toPage(rows.map(toLedgerLine), total, q);
  }

  async reverse(scope: AccessScope, lineId: string, reason: string): Promise<JpLedgerLine> {
    return this.db.transaction(async (m) => {
      const line = await findLine(m, lineId, true);
      if (!line) throw lineNotFound();
      const employee = await findJpEmployee(m, line.employee_id);
      if (!employee || !scope.canReadEmployee(employee)) throw lineNotFound();
      if (!scope.canManageEmployeesAt(employee.agencyId, employee.unitPath))
        throw forbidden(
          ErrorCode.AUTH_FORBIDDEN,
          'Hanya admin instansi atau pengelola kepegawaian ASN ini yang dapat mengoreksi JP',
        );
      if (line.reverses_id)
        throw conflict(
          ErrorCode.JP_REVERSAL_NOT_REVERSIBLE,
          'Baris ini adalah koreksi; koreksi tidak dapat dibatalkan lagi (ajukan kredit baru bila perlu)',
        );
      if (line.reversed_by_id) throw conflict(ErrorCode.JP_ALREADY_REVERSED, 'Baris JP ini sudah dikoreksi');
      await lockPersonYear(m, line.employee_id, line.year);
      const reversalId = await appendLedgerLine(m, {
        employeeId: line.employee_id,
        agencyId: line.agency_id,
        year: line.year,
        occurredOn: line.occurred_on,
        jp: -Number(line.jp),
        jenisDiklatId: line.jenis_diklat_id,
        channel: line.channel,
        competencyKind: line.competency_kind,
        sourceType: line.source_type,
        sourceId: line.source_id,
        title: line.title,
        organiser: line.organiser,
        ruleSetId: line.rule_set_id,
        calculation: null,
        reversesId: line.id,
        reason,
        recordedBy: scope.principal.userId,
      });
      if (!reversalId) throw conflict(ErrorCode.JP_ALREADY_REVERSED, 'Baris JP ini sudah dikoreksi');
      await recordAudit(
        m,
        { userId: scope.principal.userId, correlationId: scope.principal.correlationId },
        {
          action: 'jp_ledger_line.reverse',
          entityType: 'jp_ledger_line',
          entityId: line.id,
          agencyId: employee.agencyId,
          before: { jp: Number(line.jp), sourceType: line.source_type, sourceId: line.source_id },
          after: { reversalId, jp: -Number(line.jp), reason },
        },
      );
      const saved = await findLine(m, reversalId);
      if (!saved) throw new Error(`Reversal ${reversalId} not found after insert`);
      return toLedgerLine(saved);
    });
  }
}
