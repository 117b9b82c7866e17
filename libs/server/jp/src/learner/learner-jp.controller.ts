import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { JpLedgerLine, JpNextCourse, JpYearSummary, JpYearTotal, Page } from '@kompeten/shared-contracts';
import { ApiErrors, ApiPageResponse, CurrentPrincipal, PageQueryDto, type Principal } from '@kompeten/server-core';
import { OrganisationService } from '@kompeten/server-organisation';
import {
  JpLedgerLineDto,
  JpNextCourseDto,
  JpYearSummaryDto,
  JpYearTotalDto,
  LinesQueryDto,
  YearQueryDto,
} from '../dto/jp.dto';
import { LearnerJpService } from './learner-jp.service';

@ApiTags('jp')
@ApiBearerAuth()
@ApiErrors(400, 401, 404)
@Controller('jp/me')
export class LearnerJpController {
  constructor(
    @Inject(LearnerJpService) private readonly learner: LearnerJpService,
    @Inject(OrganisationService) private readonly org: OrganisationService,
  ) {}

  @Get('summary')
  @ApiOperation({
    summary: 'My JP for a year against the 20 JP target: total, channels (10:20:70), forms, competency kinds, months',
    description:
      'PPPK see the target of 20 and their ceiling of 24 and are never labelled below_target. The year is local to my agency’s zone.',
  })
  @ApiOkResponse({ type: JpYearSummaryDto })
  async summary(@CurrentPrincipal() p: Principal, @Query() q: YearQueryDto): Promise<JpYearSummary> {
    return this.learner.summary(await this.org.scopeOf(p), q.year);
  }

  @Get('lines')
  @ApiOperation({ summary: 'My JP ledger lines with their source and the rule version that produced them' })
  @ApiPageResponse(JpLedgerLineDto)
  async lines(@CurrentPrincipal() p: Principal, @Query() q: LinesQueryDto): Promise<Page<JpLedgerLine>> {
    return this.learner.lines(await this.org.scopeOf(p), q);
  }

  @Get('years')
  @ApiOperation({ summary: 'My JP per year, newest first' })
  @ApiPageResponse(JpYearTotalDto)
  async years(@CurrentPrincipal() p: Principal, @Query() q: PageQueryDto): Promise<Page<JpYearTotal>> {
    return this.learner.years(await this.org.scopeOf(p), q);
  }

  @Get('next-courses')
  @ApiOperation({
    summary: 'What to take next: live courses open to me that I have not completed, shortest JP first',
  })
  @ApiPageResponse(JpNextCourseDto)
  async next(@CurrentPrincipal() p: Principal, @Query() q: PageQueryDto): Promise<Page<JpNextCourse>> {
    return this.learner.next(await this.org.scopeOf(p), q);
  }
}
