import { PassThrough, type Readable } from 'node:stream';
import { Inject, Injectable, Logger } from '@nestjs/common';
import ExcelJS from 'exceljs';
import {
  COMPLIANCE_CHILD_COLUMNS,
  COMPLIANCE_CHILD_HEADERS,
  COMPLIANCE_PEOPLE_COLUMNS,
  COMPLIANCE_PEOPLE_HEADERS,
  type ComplianceChild,
  type ComplianceChildColumn,
  type ComplianceExportTable,
  type CompliancePeopleColumn,
  type CompliancePerson,
  type PositionKind,
} from '@kompeten/shared-contracts';
import { csvStringifier } from '@kompeten/server-core';
import type { AccessScope } from '@kompeten/server-organisation';
import type { PeopleQuery } from './compliance-store';
import { ComplianceService, type ReportFilter, type ResolvedReport } from './compliance.service';

const EXPORT_BATCH = 2000;

const POSITION_KIND_LABEL: Record<PositionKind, string> = {
  struktural: 'Struktural',
  fungsional: 'Fungsional',
  pelaksana: 'Pelaksana',
};

type Cell = string | number | null;

export interface ComplianceFile {
  stream: Readable;
  fileName: string;
  contentType: string;
}

/** One cell per column of the people table (COMPLIANCE_PEOPLE_COLUMNS); the NIP stays text. */
function personCells(p: CompliancePerson): Cell[] {
  const value: Record<CompliancePeopleColumn, Cell> = {
    nip: p.nip,
    name: p.name,
    employeeType: p.employeeType,
    agencyName: p.agencyName,
    unitName: p.unitName,
    positionName: p.positionName,
    positionKind: p.positionKind ? POSITION_KIND_LABEL[p.positionKind] : null,
    rank: p.rank,
    totalJp: p.totalJp,
    owedJp: p.owedJp,
    formalJp: p.formalJp,
    socialJp: p.socialJp,
    experientialJp: p.experientialJp,
  };
  return COMPLIANCE_PEOPLE_COLUMNS.map((c) => value[c]);
}

/** One cell per column of the breakdown table (COMPLIANCE_CHILD_COLUMNS). */
function childCells(c: ComplianceChild): Cell[] {
  const value: Record<ComplianceChildColumn, Cell> = {
    name: c.name,
    asnCount: c.asnCount,
    pnsCount: c.pnsCount,
    pppkCount: c.pppkCount,
    reachedCount: c.reachedCount,
    nonCompliantCount: c.nonCompliantCount,
    pnsCompliancePercent: c.pnsCompliancePercent,
    averageJp: c.averageJp,
    totalJp: c.totalJp,
    formalJp: c.mix.formalJp,
    socialJp: c.mix.socialJp,
    experientialJp: c.mix.experientialJp,
  };
  return COMPLIANCE_CHILD_COLUMNS.map((k) => value[k]);
}

const WIDTHS: Partial<Record<CompliancePeopleColumn | ComplianceChildColumn, number>> = {
  nip: 21,
  name: 36,
  agencyName: 34,
  unitName: 32,
  positionName: 30,
};

/**
 * The compliance exports (CSV and XLSX): the people table or the breakdown table of a node, with the same columns the
 * screen shows (from @kompeten/shared-contracts). CSV cells go through the one neutralising writer; in XLSX a NIP is
 * a text cell, so a spreadsheet keeps its 18 digits (a number would be rounded to 15 significant digits).
 */
@Injectable()
export class ComplianceExportService {
  private readonly logger = new Logger(ComplianceExportService.name);

  constructor(@Inject(ComplianceService) private readonly compliance: ComplianceService) {}

  private async *rows(
    scope: AccessScope,
    r: ResolvedReport,
    f: ReportFilter & Omit<PeopleQuery, 'year' | 'type'>,
    table: ComplianceExportTable,
  ): AsyncGenerator<Cell[]> {
    if (table === 'children') {
      const summary = await this.compliance.summary(scope, f);
      for (const c of summary.children) yield childCells(c);
      return;
    }
    for (let page = 1; ; page++) {
      const batch = await this.compliance.peoplePage(r, f, { page, pageSize: EXPORT_BATCH });
      for (const p of batch.items) yield personCells(p);
      if (batch.items.length < EXPORT_BATCH) return;
    }
  }

  private headers(table: ComplianceExportTable): string[] {
    return table === 'people'
      ? COMPLIANCE_PEOPLE_COLUMNS.map((c) => COMPLIANCE_PEOPLE_HEADERS[c])
      : COMPLIANCE_CHILD_COLUMNS.map((c) => COMPLIANCE_CHILD_HEADERS[c]);
  }

  private widths(table: ComplianceExportTable): number[] {
    const cols: ReadonlyArray<CompliancePeopleColumn | ComplianceChildColumn> =
      table === 'people' ? COMPLIANCE_PEOPLE_COLUMNS : COMPLIANCE_CHILD_COLUMNS;
    return cols.map((c) => WIDTHS[c] ?? (c === 'name' ? 40 : 14));
  }

  async export(
    scope: AccessScope,
    f: ReportFilter & Omit<PeopleQuery, 'year' | 'type'>,
    table: ComplianceExportTable,
    format: 'csv' | 'xlsx',
  ): Promise<ComplianceFile> {
    // Resolved before the response starts: an id outside the scope is a 404, not a broken download.
    const r = await this.compliance.resolve(scope, f);
    const level = { all: 'semua', province: 'provinsi', agency: 'instansi', unit: 'unit', team: 'tim' }[r.node.level];
    const base = `kepatuhan-jp-${r.year}-${table === 'people' ? 'asn' : 'rekap'}-${level}`;
    const rows = this.rows(scope, r, f, table);
    if (format === 'csv') {
      const out = csvStringifier({ bom: true, header: true, columns: this.headers(table) });
      (async () => {
        for await (const cells of rows) {
          if (!out.write(cells.map((c) => c ?? ''))) await new Promise((resolve) => out.once('drain', resolve));
        }
        out.end();
      })().catch((e) => {
        this.logger.error({ err: e }, 'JP compliance CSV export failed');
        out.destroy(e);
      });
      return { stream: out, fileName: `${base}.csv`, contentType: 'text/csv; charset=utf-8' };
    }
    const out = new PassThrough();
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
    const sheet = workbook.addWorksheet(table === 'people' ? 'ASN' : 'Rekap');
    const widths = this.widths(table);
    sheet.columns = this.headers(table).map((header, i) => ({ header, width: widths[i] }));
    sheet.getRow(1).font = { bold: true };
    sheet.getRow(1).commit();
    (async () => {
      for await (const cells of rows) sheet.addRow(cells).commit();
      sheet.commit();
      await workbook.commit();
    })().catch((e) => {
      this.logger.error({ err: e }, 'JP compliance XLSX export failed');
      out.destroy(e);
    });
    return {
      stream: out,
      fileName: `${base}.xlsx`,
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    };
  }
}
