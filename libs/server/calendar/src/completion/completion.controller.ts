import { Body, Controller, Get, HttpCode, Inject, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ClassCompletionRule, ClassCompletionSummary, FinaliseResult, Page } from '@kompeten/shared-contracts';
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
  ClassCompletionRuleDto,
  ClassCompletionSummaryDto,
  CompletionRuleInputDto,
  FinaliseResultDto,
} from './completion.dto';
import { CompletionService } from './completion.service';

/** Completion by attendance (issue 18, decision 0037): the class's rule, finalising, the completions. */
@ApiTags('calendar')
@ApiBearerAuth()
@ApiErrors(400, 401)
@Controller('calendar')
export class CompletionController {
  constructor(
    @Inject(CompletionService) private readonly completions: CompletionService,
    @Inject(OrganisationService) private readonly org: OrganisationService,
  ) {}

  @Post('classes/:classId/finalise')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Finalise a class: decide each confirmed registrant’s completion by attendance (trainer or admin)',
    description:
      'After the last session has ended (else 409 CALENDAR.CLASS_NOT_ENDED). Each newly completed ASN gets one class completion and one class.completed event (JP credit, certificate); earlier completions stay as they are, so running it again after correcting attendance completes only who now qualifies.',
  })
  @ApiOkResponse({ type: FinaliseResultDto })
  @ApiErrors(404, 409)
  async finalise(@CurrentPrincipal() p: Principal, @Param('classId', uuid()) classId: string): Promise<FinaliseResult> {
    return this.completions.finalise(await this.org.scopeOf(p), classId);
  }

  @Put('classes/:classId/completion-rule')
  @ApiOperation({
    summary: 'Set a class’s completion rule (admins of the organising agency)',
    description: 'Applies to later finalisations; completions already written keep what they say.',
  })
  @ApiOkResponse({ type: ClassCompletionRuleDto })
  @ApiErrors(403, 404)
  async setRule(
    @CurrentPrincipal() p: Principal,
    @Param('classId', uuid()) classId: string,
    @Body() dto: CompletionRuleInputDto,
  ): Promise<ClassCompletionRule> {
    return this.completions.setRule(await this.org.scopeOf(p), classId, dto);
  }

  @Get('classes/:classId/completions')
  @ApiOperation({ summary: 'A class’s completions by name (trainer or admin)' })
  @ApiPageResponse(ClassCompletionSummaryDto)
  @ApiErrors(404)
  async list(
    @CurrentPrincipal() p: Principal,
    @Param('classId', uuid()) classId: string,
    @Query() q: PageQueryDto,
  ): Promise<Page<ClassCompletionSummary>> {
    return this.completions.list(await this.org.scopeOf(p), classId, q);
  }
}
