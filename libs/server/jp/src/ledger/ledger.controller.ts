import { Body, Controller, Get, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { JpLedgerLine, Page } from '@kompeten/shared-contracts';
import { ApiErrors, ApiPageResponse, CurrentPrincipal, uuidParam as uuid, type Principal } from '@kompeten/server-core';
import { OrganisationService } from '@kompeten/server-organisation';
import { EmployeeLinesQueryDto, JpLedgerLineDto, ReverseLineDto } from '../dto/jp.dto';
import { LedgerService } from './ledger.service';

@ApiTags('jp')
@ApiBearerAuth()
@ApiErrors(400, 401)
@Controller('jp/lines')
export class LedgerController {
  constructor(
    @Inject(LedgerService) private readonly ledger: LedgerService,
    @Inject(OrganisationService) private readonly org: OrganisationService,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'An ASN’s JP ledger lines, newest first (themself, their supervisor, HR officers and admins in scope)',
  })
  @ApiPageResponse(JpLedgerLineDto)
  @ApiErrors(404)
  async list(@CurrentPrincipal() p: Principal, @Query() q: EmployeeLinesQueryDto): Promise<Page<JpLedgerLine>> {
    return this.ledger.lines(await this.org.scopeOf(p), q.employeeId, q);
  }

  @Post(':id/reversal')
  @ApiOperation({
    summary: 'Correct a JP line by reversing it with a reason (agency admin or HR officer of the ASN)',
    description:
      'Writes a line with the opposite JP on the same day, form and channel, so the year nets to zero. A line is reversed at most once (409 JP.ALREADY_REVERSED) and a reversal is never reversed (409 JP.REVERSAL_NOT_REVERSIBLE).',
  })
  @ApiCreatedResponse({ type: JpLedgerLineDto, description: 'The reversing line' })
  @ApiErrors(403, 404, 409)
  async reverse(
    @CurrentPrincipal() p: Principal,
    @Param('id', uuid()) id: string,
    @Body() dto: ReverseLineDto,
  ): Promise<JpLedgerLine> {
    return this.ledger.reverse(await this.org.scopeOf(p), id, dto.reason);
  }
}
