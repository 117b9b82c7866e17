import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AudienceAssignment, AudienceAssignmentResult, AudiencePreview, Page } from '@kompeten/shared-contracts';
import {
  ApiErrors,
  ApiPageResponse,
  CurrentPrincipal,
  PageQueryDto,
  uuidParam as uuid,
  type Principal,
} from '@kompeten/server-core';
import { OrganisationService } from '@kompeten/server-organisation';
import { AudienceService } from './audience.service';
import {
  AudienceAssignmentDto,
  AudienceAssignmentResultDto,
  AudiencePreviewDto,
  CreateAudienceAssignmentDto,
  PreviewAudienceDto,
} from './dto/audience.dto';

/** Live audience assignments: a course assigned to a work unit or a position, kept up to date (decision 0025). */
@ApiTags('enrolment')
@ApiBearerAuth()
@ApiErrors(400, 401)
@Controller()
export class AudienceController {
  constructor(
    @Inject(AudienceService) private readonly audiences: AudienceService,
    @Inject(OrganisationService) private readonly org: OrganisationService,
  ) {}

  @Post('courses/:courseId/audience-assignments/preview')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'How many ASN an audience (a work unit with or without its sub-units, or a position in an agency) reaches now, and a sample, before assigning (HR officer, admin); writes nothing',
  })
  @ApiOkResponse({ type: AudiencePreviewDto })
  @ApiErrors(403, 404)
  async preview(
    @CurrentPrincipal() p: Principal,
    @Param('courseId', uuid()) courseId: string,
    @Body() dto: PreviewAudienceDto,
  ): Promise<AudiencePreview> {
    return this.audiences.preview(await this.org.scopeOf(p), courseId, dto.audience);
  }

  @Post('courses/:courseId/audience-assignments')
  @ApiOperation({
    summary:
      'Assign a course to an audience, live: its members are enrolled now and people who join later are enrolled by the worker until it ends. Repeating the same request returns the same assignment with 200.',
  })
  @ApiCreatedResponse({ type: AudienceAssignmentResultDto })
  @ApiOkResponse({ type: AudienceAssignmentResultDto, description: 'The same live assignment existed' })
  @ApiErrors(403, 404)
  async create(
    @CurrentPrincipal() p: Principal,
    @Param('courseId', uuid()) courseId: string,
    @Body() dto: CreateAudienceAssignmentDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<AudienceAssignmentResult> {
    const result = await this.audiences.create(await this.org.scopeOf(p), courseId, dto);
    res.status(result.created ? 201 : 200);
    return result;
  }

  @Get('courses/:courseId/audience-assignments')
  @ApiOperation({ summary: 'The course\u2019s audience assignments I manage, live first (HR officer, admin)' })
  @ApiPageResponse(AudienceAssignmentDto)
  async list(
    @CurrentPrincipal() p: Principal,
    @Param('courseId', uuid()) courseId: string,
    @Query() q: PageQueryDto,
  ): Promise<Page<AudienceAssignment>> {
    return this.audiences.list(await this.org.scopeOf(p), courseId, q);
  }

  @Post('audience-assignments/:id/end')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'End an audience assignment now: nobody new is enrolled by it; its enrolments stay. Repeating it is harmless.',
  })
  @ApiOkResponse({ type: AudienceAssignmentDto })
  @ApiErrors(404)
  async end(@CurrentPrincipal() p: Principal, @Param('id', uuid()) id: string): Promise<AudienceAssignment> {
    return this.audiences.end(await this.org.scopeOf(p), id);
  }
}
