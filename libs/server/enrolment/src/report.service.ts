import { PassThrough, Readable } from 'node:stream';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import {
  COURSE_REPORT_COLUMNS,
  COURSE_REPORT_HEADERS,
  ErrorCode,
  TIME_ZONE_LABEL,
  type AgencyTimeZone,
  type CourseReportColumn,
  type CourseReportPage,
  type CourseReportRow,
  type CourseReportStatusFilter,
  type CourseReportTotals,
} from '@kompeten/shared-contracts';
import { CsvDigitsText, csvStringifier, notFound, toPage } from '@kompeten/server-core';
import { userTimeZone } from '@kompeten/server-identity';
import { PublishedVersions } from '@kompeten/server-learning';
import { displayName, localDateTimeOf } from '@kompeten/shared-util';
import { OrganisationService, type AccessScope } from '@kompeten/server-organisation';
import { quizLessonIds } from './completion-rule';
import type { ReportQueryDto } from './dto/enrolment.dto';
import { dueFields } from './due-date';
import { requireManagedCourse } from './managed-course';
import { countReportRows, reportRows, reportTotals } from './report-store';

const EXPORT_BATCH = 2000;

const STATUS_LABEL: Record<CourseReportRow['status'], string> = {
  pending_approval: 'Menunggu persetujuan',
  active: 'Aktif',
  completed: 'Selesai',
  withdrawn: 'Mengundurkan diri',
  rejected: 'Ditolak',
};

interface ReportContext {
  courseId: string;
  preIds: string[];
  postIds: string[];
  /** The viewer's zone: every time in the report is shown in it and the headers name it (decision 0015). */
  timeZone: AgencyTimeZone;
  slug: string;
  overdue?: boolean;
  unitPath?: string;
  status?: CourseReportStatusFilter;
  search?: string;
}

export interface ReportFile {
  stream: Readable;
  fileName: string;
  contentType: string;
}

/**
 * The course report: one row per learner with progress, pre-/post-test grades and the learning time credited (SQL in
 * report-store.ts; a report may cover every ASN of a province); exports stream in batches.
 */
@Injectable()
export class ReportService {
  private readonly logger = new Logger(ReportService.name);

  constructor(
    @InjectDataSource() @Inject(DataSource) private readonly db: DataSource,
    @Inject(PublishedVersions) private readonly versions: PublishedVersions,
    @Inject(OrganisationService) private readonly org: OrganisationService,
  ) {}

  private async context(scope: AccessScope, courseId: string, q: ReportQueryDto): Promise<ReportContext> {
    await requireManagedCourse(this.db.manager, scope, courseId);
    // The unit filter is an id the caller sends: one it may not read answers 404 like an unknown one.
    let unitPath: string | undefined;
    if (q.unitId) {
      const unit = await this.org.findReadableUnit(scope, q.unitId).catch(() => null);
      if (!unit) throw notFound(ErrorCode.ORG_UNIT_NOT_FOUND, 'Unit kerja tidak ditemukan');
      unitPath = unit.path;
    }
    const versions = await this.versions.ofCourse(this.db.manager, courseId);
    const title = versions.map((v) => v.snapshot?.title).find(Boolean) ?? 'pelatihan';
    return {
      courseId,
      preIds: [...new Set(versions.flatMap((v) => quizLessonIds(v.snapshot, 'pre_test')))],
      postIds: [...new Set(versions.flatMap((v) => quizLessonIds(v.snapshot, 'post_test')))],
      timeZone: await userTimeZone(this.db, scope.principal.userId),
      slug:
        title
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, '-')
          .replace(/^-|-$/g, '')
          .slice(0, 60) || 'pelatihan',
      overdue: q.overdue,
      unitPath,
      status: q.status,
      search: q.q || undefined,
    };
  }

  private async rows(ctx: ReportContext, limit: number, offset: number): Promise<CourseReportRow[]> {
    const rows = await reportRows(this.db, ctx, limit, offset);
    return rows.map((r) => {
      const pre = r.pre === null ? null : Number(r.pre);
      const post = r.post === null ? null : Number(r.post);
      return {
        enrolmentId: r.id as string,
        employeeId: r.employee_id as string,
        nip: r.nip as string,
        name: displayName(r.full_name as string, r.front_title, r.back_title),
        unitName: r.unit_name,
        status: r.status as CourseReportRow['status'],
        progressPercent: Number(r.progress_percent),
        preTestPercent: pre,
        postTestPercent: post,
        gain: pre !== null && post !== null ? Math.round((post - pre) * 100) / 100 : null,
        timeSpentMinutes: Math.floor(Number(r.seconds ?? 0) / 60),
        ...dueFields(r.due_at, r.due_time_zone),
        overdue: r.overdue,
        completedAt: r.completed_at ? new Date(r.completed_at).toISOString() : null,
      };
    });
  }

  async page(scope: AccessScope, courseId: string, q: ReportQueryDto): Promise<CourseReportPage> {
    const ctx = await this.context(scope, courseId, q);
    const total = await countReportRows(this.db, ctx);
    const t = await reportTotals(this.db, ctx);
    const totals: CourseReportTotals = {
      enrolled: t.enrolled,
      notStarted: t.not_started,
      inProgress: t.in_progress,
      completed: t.completed,
      passed: t.passed,
      overdue: t.overdue,
      averagePreTest: t.average_pre === null ? null : Number(t.average_pre),
      averagePostTest: t.average_post === null ? null : Number(t.average_post),
    };
    return {
      ...toPage(await this.rows(ctx, q.pageSize, (q.page - 1) * q.pageSize), total, q),
      timeZone: ctx.timeZone,
      totals,
    };
  }

  private async *allRows(ctx: ReportContext): AsyncGenerator<CourseReportRow> {
    for (let offset = 0; ; offset += EXPORT_BATCH) {
      const batch = await this.rows(ctx, EXPORT_BATCH, offset);
      yield* batch;
      if (batch.length < EXPORT_BATCH) return;
    }
  }

  /** The screen's column names (COURSE_REPORT_COLUMNS, shared with the web), times named with the viewer's zone. */
  private headers(ctx: ReportContext): string[] {
    const zone = TIME_ZONE_LABEL[ctx.timeZone];
    return COURSE_REPORT_COLUMNS.map((c) => COURSE_REPORT_HEADERS[c].replace('{zone}', zone));
  }

  /** Every learner's times in the viewer's zone, which the column header names: one zone per column, never a learner's time under another's label. */
  private localTime(ctx: ReportContext, iso: string | null): string {
    return iso ? localDateTimeOf(iso, ctx.timeZone) : '';
  }

  /** One cell per column of COURSE_REPORT_COLUMNS; `nip` as the caller wants it kept as text. */
  private cells(
    ctx: ReportContext,
    r: CourseReportRow,
    nip: (nip: string) => string | CsvDigitsText,
  ): Array<string | number | null | CsvDigitsText> {
    const value: Record<CourseReportColumn, string | number | null | CsvDigitsText> = {
      nip: nip(r.nip),
      name: r.name,
      unitName: r.unitName ?? '',
      status: STATUS_LABEL[r.status],
      progressPercent: r.progressPercent,
      preTestPercent: r.preTestPercent,
      postTestPercent: r.postTestPercent,
      gain: r.gain,
      timeSpentMinutes: r.timeSpentMinutes,
      dueAt: this.localTime(ctx, r.dueAt),
      overdue: r.overdue ? 'Ya' : '',
      completedAt: this.localTime(ctx, r.completedAt),
    };
    return COURSE_REPORT_COLUMNS.map((c) => value[c]);
  }

  async csv(scope: AccessScope, courseId: string, q: ReportQueryDto): Promise<ReportFile> {
    const ctx = await this.context(scope, courseId, q);
    // Every text cell is neutralised against formula injection (a name such as =HYPERLINK(…) is written as '=HYPERLINK(…)).
    const out = csvStringifier({ bom: true, header: true, columns: this.headers(ctx) });
    (async () => {
      for await (const r of this.allRows(ctx)) {
        // The NIP as ="…" so spreadsheets keep all 18 digits (CsvDigitsText, decision 0025).
        if (!out.write(this.cells(ctx, r, (nip) => new CsvDigitsText(nip)).map((c) => c ?? '')))
          await new Promise((resolve) => out.once('drain', resolve));
      }
      out.end();
    })().catch((e) => {
      this.logger.error({ err: e, courseId }, 'CSV report failed');
      out.destroy(e);
    });
    return { stream: out, fileName: `laporan-${ctx.slug}.csv`, contentType: 'text/csv; charset=utf-8' };
  }

  async xlsx(scope: AccessScope, courseId: string, q: ReportQueryDto): Promise<ReportFile> {
    const ctx = await this.context(scope, courseId, q);
    const out = new PassThrough();
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
    const sheet = workbook.addWorksheet('Laporan');
    sheet.columns = this.headers(ctx).map((header, i) => ({
      header,
      width: [20, 36, 32, 20, 12, 12, 12, 10, 14, 18, 10, 18][i],
    }));
    sheet.getRow(1).font = { bold: true };
    sheet.getRow(1).commit();
    (async () => {
      for await (const r of this.allRows(ctx)) {
        // NIP as a string cell formatted as text ('@'): 18 digits overflow a spreadsheet number.
        const row = sheet.addRow(this.cells(ctx, r, (nip) => nip) as Array<string | number | null>);
        row.getCell(COURSE_REPORT_COLUMNS.indexOf('nip') + 1).numFmt = '@';
        row.commit();
      }
      sheet.commit();
      await workbook.commit();
    })().catch((e) => {
      this.logger.error({ err: e, courseId }, 'XLSX report failed');
      out.destroy(e);
    });
    return {
      stream: out,
      fileName: `laporan-${ctx.slug}.xlsx`,
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    };
  }
}
