import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { IpAsnEstimate, IpAsnPerson, IpAsnScheme, IpAsnSummary, Page } from '@kompeten/shared-contracts';
import { ApiErrors, CurrentPrincipal, uuidParam as uuid, type Principal } from '@kompeten/server-core';
import { OrganisationService } from '@kompeten/server-organisation';
import { ReportFilterDto } from '../reports/dto/compliance.dto';
import {
  CreateIpAsnSchemeDto,
  IpAsnEstimateDto,
  IpAsnPeoplePageDto,
  IpAsnPeopleQueryDto,
  IpAsnSchemeDto,
  IpAsnSummaryDto,
  IpAsnYearQueryDto,
} from './dto/ip-asn.dto';
import { IpAsnService } from './ip-asn.service';

@ApiTags('jp-ip-asn')
@ApiBearerAuth()
@ApiErrors(400, 401)
@Controller('jp/ip-asn')
export class IpAsnController {
  constructor(
    @Inject(IpAsnService) private readonly ipAsn: IpAsnService,
    @Inject(OrganisationService) private readonly org: OrganisationService,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      'IP ASN competency dimension of a node: estimate from the JP ledger per unit/agency, official scores beside',
    description:
      'The same nodes and scope as /api/jp/compliance. The estimate (0–40) is shown as points and percent of the maximum; the category bands apply to the whole IP ASN (0–100), so only official scores are banded.',
  })
  @ApiOkResponse({ type: IpAsnSummaryDto })
  @ApiErrors(403, 404)
  async summary(@CurrentPrincipal() p: Principal, @Query() q: ReportFilterDto): Promise<IpAsnSummary> {
    return this.ipAsn.summary(await this.org.scopeOf(p), q);
  }

  @Get('people')
  @ApiOperation({
    summary: 'ASN of a node with their competency estimate per input (lowest first; search by name or NIP)',
  })
  @ApiOkResponse({ type: IpAsnPeoplePageDto })
  @ApiErrors(403, 404)
  async people(@CurrentPrincipal() p: Principal, @Query() q: IpAsnPeopleQueryDto): Promise<Page<IpAsnPerson>> {
    return this.ipAsn.people(await this.org.scopeOf(p), q);
  }

  @Get('employees/:employeeId')
  @ApiOperation({
    summary: 'One ASN\u2019s competency estimate: each input with its JP, the lines behind it and the points earned',
    description: 'The ASN themself, their supervisor, HR officers and admins of their unit or agency; anyone else 404.',
  })
  @ApiOkResponse({ type: IpAsnEstimateDto })
  @ApiErrors(404)
  async employee(
    @CurrentPrincipal() p: Principal,
    @Param('employeeId', uuid()) employeeId: string,
    @Query() q: IpAsnYearQueryDto,
  ): Promise<IpAsnEstimate> {
    return this.ipAsn.employee(await this.org.scopeOf(p), employeeId, q.year);
  }

  @Get('schemes')
  @ApiOperation({ summary: 'IP ASN scheme versions (newest first): inputs and points per job kind, category bands' })
  @ApiOkResponse({ type: [IpAsnSchemeDto] })
  async schemes(): Promise<IpAsnScheme[]> {
    return this.ipAsn.schemes();
  }

  @Post('schemes')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Add an IP ASN scheme version in force from its date (platform admins): a reformulation is data',
  })
  @ApiCreatedResponse({ type: IpAsnSchemeDto })
  @ApiErrors(403, 409)
  async createScheme(@CurrentPrincipal() p: Principal, @Body() dto: CreateIpAsnSchemeDto): Promise<IpAsnScheme> {
    return this.ipAsn.createScheme(await this.org.scopeOf(p), dto);
  }
}
