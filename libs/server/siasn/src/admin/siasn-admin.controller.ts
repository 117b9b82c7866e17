import { Body, Controller, Get, HttpCode, Inject, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags, ApiAcceptedResponse } from '@nestjs/swagger';
import type {
  Page,
  SiasnConnectionTest,
  SiasnCredentialsView,
  SiasnOfficialIpAsn,
  SiasnPushItem,
  SiasnReconciliationRun,
} from '@kompeten/shared-contracts';
import {
  ApiErrors,
  ApiPageResponse,
  CurrentPrincipal,
  PageQueryDto,
  uuidParam as uuid,
  type Principal,
} from '@kompeten/server-core';
import { OrganisationService } from '@kompeten/server-organisation';
import {
  PushListQueryDto,
  ResendAllResultDto,
  ResendResultDto,
  SaveCredentialsDto,
  SiasnConnectionTestDto,
  SiasnCredentialsViewDto,
  SiasnOfficialIpAsnDto,
  SiasnPushItemDto,
  SiasnReconciliationReportDto,
  SiasnReconciliationRunDto,
  SiasnSummaryDto,
} from './siasn-admin.dto';
import { SiasnAdminService } from './siasn-admin.service';

const AGENCY_ONLY =
  'The agency\u2019s admins (a province admin for its regencies) and platform admins; others 403/404.';

@ApiTags('siasn')
@ApiBearerAuth()
@ApiErrors(400, 401)
@Controller('siasn')
export class SiasnAdminController {
  constructor(
    @Inject(SiasnAdminService) private readonly siasn: SiasnAdminService,
    @Inject(OrganisationService) private readonly org: OrganisationService,
  ) {}

  @Get('agencies/:agencyId/summary')
  @ApiOperation({
    summary: 'SIASN pushes of the agency counted by status, and their document uploads',
    description: AGENCY_ONLY,
  })
  @ApiOkResponse({ type: SiasnSummaryDto })
  @ApiErrors(403, 404)
  async summary(@CurrentPrincipal() p: Principal, @Param('agencyId', uuid()) agencyId: string) {
    return this.siasn.summary(await this.org.scopeOf(p), agencyId);
  }

  @Get('agencies/:agencyId/pushes')
  @ApiOperation({ summary: 'SIASN pushes of the agency, newest first, by status and search', description: AGENCY_ONLY })
  @ApiPageResponse(SiasnPushItemDto)
  @ApiErrors(403, 404)
  async list(
    @CurrentPrincipal() p: Principal,
    @Param('agencyId', uuid()) agencyId: string,
    @Query() q: PushListQueryDto,
  ): Promise<Page<SiasnPushItem>> {
    return this.siasn.list(await this.org.scopeOf(p), agencyId, q);
  }

  @Post('agencies/:agencyId/pushes/:pushId/resend')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Send a parked or failed push (or its document) again, now',
    description: `Idempotent: a push already in SIASN is never sent twice (409 when there is nothing to resend). ${AGENCY_ONLY}`,
  })
  @ApiOkResponse({ type: ResendResultDto })
  @ApiErrors(403, 404, 409)
  async resend(
    @CurrentPrincipal() p: Principal,
    @Param('agencyId', uuid()) agencyId: string,
    @Param('pushId', uuid()) pushId: string,
  ) {
    return this.siasn.resend(await this.org.scopeOf(p), agencyId, pushId);
  }

  @Post('agencies/:agencyId/pushes/resend')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Send every parked and failed push of the agency again (the worker delivers them within seconds)',
    description: AGENCY_ONLY,
  })
  @ApiOkResponse({ type: ResendAllResultDto })
  @ApiErrors(403, 404)
  async resendAll(@CurrentPrincipal() p: Principal, @Param('agencyId', uuid()) agencyId: string) {
    return this.siasn.resendAll(await this.org.scopeOf(p), agencyId);
  }

  @Get('agencies/:agencyId/credentials')
  @ApiOperation({
    summary: 'The agency\u2019s SIASN credentials (secrets only as set / not set) and which connection its pushes use',
    description: AGENCY_ONLY,
  })
  @ApiOkResponse({ type: SiasnCredentialsViewDto })
  @ApiErrors(403, 404)
  async credentials(
    @CurrentPrincipal() p: Principal,
    @Param('agencyId', uuid()) agencyId: string,
  ): Promise<SiasnCredentialsView> {
    return this.siasn.credentials(await this.org.scopeOf(p), agencyId);
  }

  @Put('agencies/:agencyId/credentials')
  @ApiOperation({
    summary:
      'Store the agency\u2019s SIASN credentials (secrets encrypted with AES-256-GCM; empty secrets keep the stored ones)',
    description: `409 when the server has no SIASN_CREDENTIALS_KEY. ${AGENCY_ONLY}`,
  })
  @ApiOkResponse({ type: SiasnCredentialsViewDto })
  @ApiErrors(403, 404, 409)
  async saveCredentials(
    @CurrentPrincipal() p: Principal,
    @Param('agencyId', uuid()) agencyId: string,
    @Body() dto: SaveCredentialsDto,
  ): Promise<SiasnCredentialsView> {
    return this.siasn.saveCredentials(await this.org.scopeOf(p), agencyId, dto);
  }

  @Post('agencies/:agencyId/credentials/test')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Fetch both SIASN tokens with the agency\u2019s connection and say what happened',
    description: AGENCY_ONLY,
  })
  @ApiOkResponse({ type: SiasnConnectionTestDto })
  @ApiErrors(403, 404)
  async test(
    @CurrentPrincipal() p: Principal,
    @Param('agencyId', uuid()) agencyId: string,
  ): Promise<SiasnConnectionTest> {
    return this.siasn.testConnection(await this.org.scopeOf(p), agencyId);
  }

  @Get('agencies/:agencyId/reconciliation')
  @ApiOperation({
    summary: 'The latest reconciliation of what the agency sent with what SIASN reports, with its differences',
    description: AGENCY_ONLY,
  })
  @ApiOkResponse({ type: SiasnReconciliationReportDto })
  @ApiErrors(403, 404)
  async report(
    @CurrentPrincipal() p: Principal,
    @Param('agencyId', uuid()) agencyId: string,
    @Query() q: PageQueryDto,
  ) {
    return this.siasn.report(await this.org.scopeOf(p), agencyId, q);
  }

  @Post('agencies/:agencyId/reconciliation')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Run a reconciliation now (the worker runs it within seconds; a waiting one is answered as it is)',
    description: AGENCY_ONLY,
  })
  @ApiAcceptedResponse({ type: SiasnReconciliationRunDto })
  @ApiErrors(403, 404)
  async reconcile(
    @CurrentPrincipal() p: Principal,
    @Param('agencyId', uuid()) agencyId: string,
  ): Promise<SiasnReconciliationRun> {
    return this.siasn.requestReconciliation(await this.org.scopeOf(p), agencyId);
  }

  @Get('employees/:employeeId/ip-asn')
  @ApiOperation({
    summary: 'The official IP ASN of an ASN as last read from SIASN (/pns/nilaiipasn), with when it was read',
    description: 'The ASN themself, their supervisor, HR officers and admins of their unit or agency; anyone else 404.',
  })
  @ApiOkResponse({ type: SiasnOfficialIpAsnDto })
  @ApiErrors(404)
  async ipAsn(
    @CurrentPrincipal() p: Principal,
    @Param('employeeId', uuid()) employeeId: string,
  ): Promise<SiasnOfficialIpAsn> {
    return this.siasn.officialIpAsn(await this.org.scopeOf(p), employeeId);
  }

  @Post('employees/:employeeId/ip-asn/refresh')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Read the official IP ASN from SIASN now and keep it',
    description: 'The ASN themself, their supervisor, HR officers and admins of their unit or agency; anyone else 404.',
  })
  @ApiOkResponse({ type: SiasnOfficialIpAsnDto })
  @ApiErrors(404)
  async refreshIpAsn(
    @CurrentPrincipal() p: Principal,
    @Param('employeeId', uuid()) employeeId: string,
  ): Promise<SiasnOfficialIpAsn> {
    return this.siasn.refreshIpAsn(await this.org.scopeOf(p), employeeId);
  }
}
