import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  ErrorCode,
  JP_ANNUAL_TARGET,
  type JpLedgerLine,
  type JpNextCourse,
  type JpYearSummary,
  type JpYearTotal,
  type Page,
} from '@kompeten/shared-contracts';
import { notFound, toPage, type PageQueryDto } from '@kompeten/server-core';
import { viewerOf } from '@kompeten/server-learning';
import { AgencyTree, type AccessScope } from '@kompeten/server-organisation';
import { localDateOf } from '@kompeten/shared-util';
import type { LinesQueryDto } from '../dto/jp.dto';
import { findJpEmployee, type JpEmployee } from '../employee-store';
import { jenisDiklatName } from '../labels';
import { LedgerService } from '../ledger/ledger.service';
import { round2 } from '../rules/rule-arithmetic';
import { findPersonYear, nextCourses, personYears } from './learner-store';
import { ceilingOf, standingOf } from './standing';

/** The learner's own JP: the year against the target, the ledger lines, previous years, and what to take next. */
@Injectable()
export class LearnerJpService {
  constructor(
    @InjectDataSource() @Inject(DataSource) private readonly db: DataSource,
    @Inject(AgencyTree) private readonly agencies: AgencyTree,
    @Inject(LedgerService) private readonly ledger: LedgerService,
  ) {}

  private async me(scope: AccessScope): Promise<JpEmployee> {
    const id = scope.principal.employeeId;
    const employee = id ? await findJpEmployee(this.db.manager, id) : null;
    if (!employee)
      throw notFound(ErrorCode.JP_NO_EMPLOYEE, 'Akun ini tidak memiliki data ASN, sehingga tidak memiliki JP');
    return employee;
  }

  private thisYear(employee: JpEmployee): number {
    return Number(localDateOf(new Date(), employee.timeZone).slice(0, 4));
  }

  async summary(scope: AccessScope, year: number | undefined): Promise<JpYearSummary> {
    const employee = await this.me(scope);
    const current = this.thisYear(employee);
    const y = year ?? current;
    const row = await findPersonYear(this.db.manager, employee.id, y);
    const total = Number(row?.total_jp ?? 0);
    const entries = (o: Record<string, number | string> | undefined) =>
      Object.entries(o ?? {})
        .map(([k, v]) => [k, Number(v)] as const)
        .filter(([, v]) => v !== 0)
        .sort((a, b) => b[1] - a[1]);
    return {
      year: y,
      employeeType: employee.employeeType,
      totalJp: total,
      targetJp: JP_ANNUAL_TARGET,
      ceilingJp: ceilingOf(employee.employeeType),
      remainingJp: Math.max(0, round2(JP_ANNUAL_TARGET - total)),
      standing: standingOf(employee.employeeType, total, y >= current),
      currentYear: y === current,
      channels: {
        formal: Number(row?.formal_jp ?? 0),
        social: Number(row?.social_jp ?? 0),
        experiential: Number(row?.experiential_jp ?? 0),
      },
      byForm: entries(row?.by_form).map(([id, jp]) => ({
        jenisDiklatId: Number(id),
        name: jenisDiklatName(Number(id)),
        jp,
      })),
      byCompetencyKind: entries(row?.by_competency_kind).map(([kind, jp]) => ({ kind, jp })),
      monthlyJp: row ? row.monthly_jp.map(Number) : Array.from({ length: 12 }, () => 0),
    };
  }

  async years(scope: AccessScope, q: PageQueryDto): Promise<Page<JpYearTotal>> {
    const employee = await this.me(scope);
    const current = this.thisYear(employee);
    const { total, rows } = await personYears(this.db.manager, employee.id, {
      limit: q.pageSize,
      offset: (q.page - 1) * q.pageSize,
    });
    return toPage(
      rows.map((y) => ({
        year: y.year,
        totalJp: y.total,
        standing: standingOf(employee.employeeType, y.total, y.year >= current),
      })),
      total,
      q,
    );
  }

  async lines(scope: AccessScope, q: LinesQueryDto): Promise<Page<JpLedgerLine>> {
    const employee = await this.me(scope);
    return this.ledger.lines(scope, employee.id, q);
  }

  async next(scope: AccessScope, q: PageQueryDto): Promise<Page<JpNextCourse>> {
    const employee = await this.me(scope);
    const viewer = viewerOf(employee.agencyId, await this.agencies.current());
    const { total, rows } = await nextCourses(this.db.manager, employee.id, viewer, {
      limit: q.pageSize,
      offset: (q.page - 1) * q.pageSize,
    });
    return toPage(
      rows.map((r) => ({
        courseId: r.course_id,
        title: r.title,
        jp: Number(r.jp),
        enrolmentMode: r.enrolment_mode,
        enrolmentId: r.enrolment_id,
        enrolmentStatus: r.enrolment_status,
      })),
      total,
      q,
    );
  }
}
