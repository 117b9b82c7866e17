import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CourseDetail, CourseSummary, Page } from '@kompeten/shared-contracts';
import {
  ApiErrors,
  ApiPageResponse,
  CurrentPrincipal,
  PageQueryDto,
  uuidParam as uuid,
  type Principal,
} from '@kompeten/server-core';
import { OrganisationService } from '@kompeten/server-organisation';
import { CourseDetailDto, CourseSummaryDto, PublishDto, ReturnDto, SubmitReviewDto } from '../dto/course.dto';
import { WorkflowService } from './workflow.service';

@ApiTags('course-review')
@ApiBearerAuth()
@ApiErrors(400, 401)
@Controller()
export class WorkflowController {
  constructor(
    @Inject(WorkflowService) private readonly workflow: WorkflowService,
    @Inject(OrganisationService) private readonly org: OrganisationService,
  ) {}

  @Post('courses/:id/submit-review')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Submit the draft for review (an author or admin; from draft or published)',
    description:
      'A published course with no change since its live version answers 409 LEARNING.NOTHING_TO_REVIEW: there is nothing new to review (`can.submit` of the course says so beforehand).',
  })
  @ApiOkResponse({ type: CourseDetailDto })
  @ApiErrors(403, 404, 409)
  async submit(
    @CurrentPrincipal() p: Principal,
    @Param('id', uuid()) id: string,
    @Body() dto: SubmitReviewDto,
  ): Promise<CourseDetail> {
    return this.workflow.submit(await this.org.scopeOf(p), id, dto.note ?? null);
  }

  @Post('courses/:id/publish')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Publish the course under review as its next immutable version (a reviewer who is not an author)',
  })
  @ApiOkResponse({ type: CourseDetailDto })
  @ApiErrors(403, 404, 409)
  async publish(
    @CurrentPrincipal() p: Principal,
    @Param('id', uuid()) id: string,
    @Body() dto: PublishDto,
  ): Promise<CourseDetail> {
    return this.workflow.publish(await this.org.scopeOf(p), id, dto);
  }

  @Post('courses/:id/return')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Return the course under review to its authors with a note (a reviewer who is not an author)',
  })
  @ApiOkResponse({ type: CourseDetailDto })
  @ApiErrors(403, 404, 409)
  async return(
    @CurrentPrincipal() p: Principal,
    @Param('id', uuid()) id: string,
    @Body() dto: ReturnDto,
  ): Promise<CourseDetail> {
    return this.workflow.return(await this.org.scopeOf(p), id, dto.note);
  }

  @Post('courses/:id/archive')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Archive a course: it leaves the catalog; enrolled learners keep their version (the owner or an admin)',
  })
  @ApiOkResponse({ type: CourseDetailDto })
  @ApiErrors(403, 404, 409)
  async archive(@CurrentPrincipal() p: Principal, @Param('id', uuid()) id: string): Promise<CourseDetail> {
    return this.workflow.archive(await this.org.scopeOf(p), id);
  }

  @Get('reviews')
  @ApiOperation({
    summary: 'Courses in review that the caller may review (its agency, not written by it), oldest first',
  })
  @ApiPageResponse(CourseSummaryDto)
  async reviews(@CurrentPrincipal() p: Principal, @Query() q: PageQueryDto): Promise<Page<CourseSummary>> {
    return this.workflow.reviews(await this.org.scopeOf(p), q);
  }
}
