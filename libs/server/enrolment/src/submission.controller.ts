import { Controller, Get, Header, Inject, Param, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Page, SubmissionForGrading } from '@kompeten/shared-contracts';
import { ApiErrors, ApiPageResponse, CurrentPrincipal, uuidParam as uuid, type Principal } from '@kompeten/server-core';
import { OrganisationService } from '@kompeten/server-organisation';
import { SubmissionForGradingDto, SubmissionQueryDto } from './dto/enrolment.dto';
import { SubmissionService } from './submission.service';

const asciiName = (name: string) => name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');

/** Assignment submissions for grading: the course's list and the files (grading itself is POST /submissions/{id}/grade). */
@ApiTags('learning-progress')
@ApiBearerAuth()
@ApiErrors(400, 401)
@Controller()
export class SubmissionController {
  constructor(
    @Inject(SubmissionService) private readonly submissions: SubmissionService,
    @Inject(OrganisationService) private readonly org: OrganisationService,
  ) {}

  @Get('courses/:courseId/submissions')
  @ApiOperation({
    summary:
      'Assignment submissions of a course to grade: the latest per learner and assignment, oldest first (course authors, admins)',
    description:
      'status=ungraded (default) lists those waiting for a grade; graded and all are also accepted. Withdrawn and rejected enrolments are left out.',
  })
  @ApiPageResponse(SubmissionForGradingDto)
  @ApiErrors(403, 404)
  async list(
    @CurrentPrincipal() p: Principal,
    @Param('courseId', uuid()) courseId: string,
    @Query() q: SubmissionQueryDto,
  ): Promise<Page<SubmissionForGrading>> {
    return this.submissions.list(await this.org.scopeOf(p), courseId, q);
  }

  @Get('submissions/:id/file')
  @Header('Cache-Control', 'private, no-store')
  @ApiOperation({
    summary:
      'Download the file of an assignment submission (the learner who handed it in, course authors, admins; 404 for anyone else)',
  })
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({
    description: 'The file, as an attachment with its original name',
    schema: { type: 'string', format: 'binary' },
  })
  @ApiErrors(404)
  async file(@CurrentPrincipal() p: Principal, @Param('id', uuid()) id: string): Promise<StreamableFile> {
    const file = await this.submissions.openFile(await this.org.scopeOf(p), id);
    return new StreamableFile(file.stream, {
      type: file.mime,
      length: file.size,
      disposition: `attachment; filename="${asciiName(file.fileName)}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    });
  }
}
