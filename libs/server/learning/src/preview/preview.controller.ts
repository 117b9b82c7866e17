import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CoursePreview } from '@kompeten/shared-contracts';
import { ApiErrors, CurrentPrincipal, uuidParam as uuid, type Principal } from '@kompeten/server-core';
import { OrganisationService } from '@kompeten/server-organisation';
import { CoursePreviewDto } from '../dto/preview.dto';
import { CoursePreviewService } from './preview.service';

@ApiTags('course-review')
@ApiBearerAuth()
@ApiErrors(400, 401)
@Controller()
export class CoursePreviewController {
  constructor(
    @Inject(CoursePreviewService) private readonly previews: CoursePreviewService,
    @Inject(OrganisationService) private readonly org: OrganisationService,
  ) {}

  @Get('courses/:id/preview')
  @ApiOperation({
    summary: 'The course as learners will see it, before publishing (authors, reviewers and admins of the course)',
    description:
      'The draft — the version under review while the course is in review — built as publishing would build it: modules, lessons with their content, the completion rule and every quiz with its whole question pool and answer keys (so a reviewer checks the keys). A quiz not ready to publish comes with `problem`. Nothing is recorded (no enrolment, no progress). Anyone who may not author or review the course gets 404, as for an unknown course.',
  })
  @ApiOkResponse({ type: CoursePreviewDto })
  @ApiErrors(404)
  async preview(@CurrentPrincipal() p: Principal, @Param('id', uuid()) id: string): Promise<CoursePreview> {
    return this.previews.preview(await this.org.scopeOf(p), id);
  }
}
