import { Body, Controller, Get, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { JpRuleSet, JpRulesInForce, Page } from '@kompeten/shared-contracts';
import { ApiErrors, ApiPageResponse, CurrentPrincipal, uuidParam as uuid, type Principal } from '@kompeten/server-core';
import { OrganisationService } from '@kompeten/server-organisation';
import {
  CreateRuleSetDto,
  JpRuleSetDto,
  JpRulesInForceDto,
  RuleSetQueryDto,
  RulesInForceQueryDto,
} from '../dto/jp.dto';
import { RulesService } from './rules.service';

@ApiTags('jp')
@ApiBearerAuth()
@ApiErrors(400, 401)
@Controller('jp')
export class RulesController {
  constructor(
    @Inject(RulesService) private readonly rules: RulesService,
    @Inject(OrganisationService) private readonly org: OrganisationService,
  ) {}

  @Get('rule-sets')
  @ApiOperation({
    summary: 'JP recognition rule versions: the national defaults and those of an agency and its province',
    description:
      'National versions first, then the province’s and the agency’s, newest effective date first. agencyId defaults to the caller’s own agency.',
  })
  @ApiPageResponse(JpRuleSetDto)
  @ApiErrors(404)
  async list(@CurrentPrincipal() p: Principal, @Query() q: RuleSetQueryDto): Promise<Page<JpRuleSet>> {
    return this.rules.list(await this.org.scopeOf(p), q);
  }

  @Get('rule-sets/:id')
  @ApiOperation({ summary: 'One JP rule version with its per-form rules' })
  @ApiOkResponse({ type: JpRuleSetDto })
  @ApiErrors(404)
  async get(@CurrentPrincipal() p: Principal, @Param('id', uuid()) id: string): Promise<JpRuleSet> {
    return this.rules.get(await this.org.scopeOf(p), id);
  }

  @Post('rule-sets')
  @ApiOperation({
    summary: 'Create a JP rule version (platform admin: national; agency admin: their agency)',
    description:
      'A version is never changed: a change is a new version with its effective date. The date must come after the last day already credited under the rules it replaces (409 JP.EFFECTIVE_DATE_TOO_EARLY), so a new version changes only later credits.',
  })
  @ApiCreatedResponse({ type: JpRuleSetDto })
  @ApiErrors(403, 404, 409)
  async create(@CurrentPrincipal() p: Principal, @Body() dto: CreateRuleSetDto): Promise<JpRuleSet> {
    return this.rules.create(await this.org.scopeOf(p), dto);
  }

  @Get('me/rules')
  @ApiOperation({
    summary: 'The JP rules that apply to me on a day (my agency’s, else its province’s, else the national defaults)',
  })
  @ApiOkResponse({ type: JpRulesInForceDto })
  @ApiErrors(404)
  async mine(@CurrentPrincipal() p: Principal, @Query() q: RulesInForceQueryDto): Promise<JpRulesInForce> {
    return this.rules.inForceForMe(await this.org.scopeOf(p), q.on);
  }
}
