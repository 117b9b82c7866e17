import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AssignmentResult, Enrolment, EnrolmentDetail, Page, PendingApproval } from '@kompeten/shared-contracts';
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
  AssignCourseDto,
  AssignmentResultDto,
  EnrolmentDetailDto,
  EnrolmentDto,
  MyEnrolmentQueryDto,
  PendingApprovalDto,
  RejectEnrolmentDto,
} from './dto/enrolment.dto';
import { EnrolmentService } from './enrolment.service';

@ApiTags('enrolment')
@ApiBearerAuth()
@ApiErrors(400, 401)
@Controller()
export class EnrolmentController {
  constructor(
    @Inject(EnrolmentService) private readonly enrolments: EnrolmentService,
    @Inject(OrganisationService) private readonly org: OrganisationService,
  ) {}

  @Post('courses/:courseId/enrolments')
  @ApiOperation({
    summary:
      'Enrol myself in a published course I may see (open: active at once; approval: waits for my supervisor). Repeating it returns the same enrolment with 200.',
  })
  @ApiCreatedResponse({ type: EnrolmentDto })
  @ApiOkResponse({ type: EnrolmentDto, description: 'Already enrolled (or re-enrolled after a withdrawal)' })
  @ApiErrors(403, 404)
  async enrol(
    @CurrentPrincipal() p: Principal,
    @Param('courseId', uuid()) courseId: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<Enrolment> {
    const { enrolment, created } = await this.enrolments.enrol(await this.org.scopeOf(p), courseId);
    res.status(created ? 201 : 200);
    return enrolment;
  }

  @Post('courses/:courseId/assignments')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Assign a course to named ASN, a work unit (with its sub-units) or a position, within my scope (HR officer, admin)',
  })
  @ApiOkResponse({ type: AssignmentResultDto })
  @ApiErrors(403, 404)
  async assign(
    @CurrentPrincipal() p: Principal,
    @Param('courseId', uuid()) courseId: string,
    @Body() dto: AssignCourseDto,
  ): Promise<AssignmentResult> {
    return this.enrolments.assign(await this.org.scopeOf(p), courseId, dto);
  }

  @Get('me/enrolments')
  @ApiOperation({ summary: 'My learning: my enrolments with course title, progress, due date and status' })
  @ApiPageResponse(EnrolmentDto)
  async mine(@CurrentPrincipal() p: Principal, @Query() q: MyEnrolmentQueryDto): Promise<Page<Enrolment>> {
    return this.enrolments.listMine(await this.org.scopeOf(p), q);
  }

  @Get('enrolments/:id')
  @ApiOperation({
    summary:
      'One enrolment: the version outline with progress per lesson and where to resume (the learner, course authors, admins)',
  })
  @ApiOkResponse({ type: EnrolmentDetailDto })
  @ApiErrors(404)
  async get(@CurrentPrincipal() p: Principal, @Param('id', uuid()) id: string): Promise<EnrolmentDetail> {
    return this.enrolments.detail(await this.org.scopeOf(p), id);
  }

  @Post('enrolments/:id/withdraw')
  @HttpCode(200)
  @ApiOperation({ summary: 'Withdraw from a course (idempotent; a completed course cannot be withdrawn)' })
  @ApiOkResponse({ type: EnrolmentDto })
  @ApiErrors(404, 409)
  async withdraw(@CurrentPrincipal() p: Principal, @Param('id', uuid()) id: string): Promise<Enrolment> {
    return this.enrolments.withdraw(await this.org.scopeOf(p), id);
  }

  @Get('approvals')
  @ApiOperation({
    summary: 'Enrolments waiting for my approval (my direct reports; for admins, their agencies\u2019 learners)',
  })
  @ApiPageResponse(PendingApprovalDto)
  async approvals(@CurrentPrincipal() p: Principal, @Query() q: PageQueryDto): Promise<Page<PendingApproval>> {
    return this.enrolments.listApprovals(await this.org.scopeOf(p), q);
  }

  @Post('enrolments/:id/approve')
  @HttpCode(200)
  @ApiOperation({ summary: 'Approve a pending enrolment (the learner\u2019s supervisor or an admin)' })
  @ApiOkResponse({ type: EnrolmentDto })
  @ApiErrors(404, 409)
  async approve(@CurrentPrincipal() p: Principal, @Param('id', uuid()) id: string): Promise<Enrolment> {
    return this.enrolments.decide(await this.org.scopeOf(p), id, 'approve');
  }

  @Post('enrolments/:id/reject')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Reject a pending enrolment (the learner\u2019s supervisor or an admin)',
    description: 'An optional reason is told to the learner in their notification.',
  })
  @ApiOkResponse({ type: EnrolmentDto })
  @ApiErrors(404, 409)
  async reject(
    @CurrentPrincipal() p: Principal,
    @Param('id', uuid()) id: string,
    @Body() dto: RejectEnrolmentDto,
  ): Promise<Enrolment> {
    return this.enrolments.decide(await this.org.scopeOf(p), id, 'reject', dto.reason?.trim() || null);
  }
}
