import { Controller, Get, Inject, Query, StreamableFile } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import {
  ErrorCode,
  type CompliancePerson,
  type ComplianceSummary,
  type ComplianceTrend,
  type JpConsistencyReport,
  type Page,
} from '@kompeten/shared-contracts';
import { ApiErrors, CurrentPrincipal, forbidden, type Principal } from '@kompeten/server-core';
import { OrganisationService } from '@kompeten/server-organisation';
import { checkJpConsistency } from '../consistency/person-year-store';
import { ComplianceExportService } from './compliance-export.service';
import { ComplianceService } from './compliance.service';
import {
  ComplianceExportQueryDto,
  CompliancePeoplePageDto,
  CompliancePeopleQueryDto,
  ComplianceSummaryDto,
  ComplianceTrendDto,
  JpConsistencyReportDto,
  ReportFilterDto,
} from './dto/compliance.dto';

@ApiTags('jp-compliance')
@ApiBearerAuth()
@ApiErrors(400, 401, 403)
@Controller('jp/compliance')
export class ComplianceController {
  constructor(
    @Inject(ComplianceService) private readonly compliance: ComplianceService,
    @Inject(ComplianceExportService) private readonly exports: ComplianceExportService,
    @Inject(OrganisationService) private readonly org: OrganisationService,
    @InjectDataSource() @Inject(DataSource) private readonly db: DataSource,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      'JP compliance of a node of the caller\u2019s scope: totals, distribution, 10:20:70 mix, kinds, ranks, months, children',
    description:
      'Supervisor: direct reports (team=true); HR officer: the agency or unit subtree; agency admin: the agency; province admin: the province and its regencies/cities; platform admin: all. Without agencyId/unitId the caller\u2019s top node. PNS below 20 JP are non-compliant; PPPK are shown toward 20 with their ceiling of 24 and never counted as non-compliant. The children\u2019s counts add up to the totals.',
  })
  @ApiOkResponse({ type: ComplianceSummaryDto })
  @ApiErrors(404)
  async summary(@CurrentPrincipal() p: Principal, @Query() q: ReportFilterDto): Promise<ComplianceSummary> {
    return this.compliance.summary(await this.org.scopeOf(p), q);
  }

  @Get('trend')
  @ApiOperation({
    summary: 'Month-by-month JP of a node: credited per month, running total and running average per ASN',
  })
  @ApiOkResponse({ type: ComplianceTrendDto })
  @ApiErrors(404)
  async trend(@CurrentPrincipal() p: Principal, @Query() q: ReportFilterDto): Promise<ComplianceTrend> {
    return this.compliance.trend(await this.org.scopeOf(p), q);
  }

  @Get('people')
  @ApiOperation({
    summary: 'ASN of a node with their JP of the year and what they still owe (paginated, search by name or NIP)',
  })
  @ApiOkResponse({ type: CompliancePeoplePageDto })
  @ApiErrors(404)
  async people(
    @CurrentPrincipal() p: Principal,
    @Query() q: CompliancePeopleQueryDto,
  ): Promise<Page<CompliancePerson>> {
    return this.compliance.people(await this.org.scopeOf(p), q);
  }

  @Get('export')
  @ApiOperation({
    summary: 'Download the people table or the breakdown table of a node as CSV or XLSX (the columns of the screen)',
    description: 'NIPs are text cells in XLSX (all 18 digits). CSV cells are neutralised against formulas.',
  })
  @ApiProduces('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOkResponse({ description: 'The file', schema: { type: 'string', format: 'binary' } })
  @ApiErrors(404)
  async export(@CurrentPrincipal() p: Principal, @Query() q: ComplianceExportQueryDto): Promise<StreamableFile> {
    const file = await this.exports.export(await this.org.scopeOf(p), q, q.table, q.format);
    return new StreamableFile(file.stream, {
      type: file.contentType,
      disposition: `attachment; filename="${file.fileName}"`,
    });
  }

  @Get('consistency')
  @ApiOperation({
    summary: 'Check that every per-person-year JP aggregate equals its ledger lines (platform admins)',
    description:
      'Compares totals, channels, months, forms and competency kinds in one snapshot; lists the first 100 mismatches.',
  })
  @ApiOkResponse({ type: JpConsistencyReportDto })
  async consistency(@CurrentPrincipal() p: Principal): Promise<JpConsistencyReport> {
    const scope = await this.org.scopeOf(p);
    if (!scope.global)
      throw forbidden(ErrorCode.AUTH_FORBIDDEN, 'Hanya admin platform yang dapat memeriksa konsistensi JP');
    return checkJpConsistency(this.db.manager);
  }
}
