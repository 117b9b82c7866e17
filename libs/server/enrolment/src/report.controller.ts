import { Controller, Get, Inject, Param, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { CourseReportRow, Page } from '@kompeten/shared-contracts';
import { ApiErrors, ApiPageResponse, CurrentPrincipal, uuidParam as uuid, type Principal } from '@kompeten/server-core';
import { OrganisationService } from '@kompeten/server-organisation';
import { CourseReportRowDto, ReportQueryDto } from './dto/enrolment.dto';
import { ReportService } from './report.service';

@ApiTags('learning-reports')
@ApiBearerAuth()
@ApiErrors(400, 401)
@Controller()
export class ReportController {
  constructor(
    @Inject(ReportService) private readonly reports: ReportService,
    @Inject(OrganisationService) private readonly org: OrganisationService,
  ) {}

  @Get('courses/:courseId/report')
  @ApiOperation({
    summary: 'Course report per learner: NIP, name, unit, status, progress, pre-test, post-test, gain, completed at (course authors, admins)',
    description: 'format=json answers a page; csv and xlsx download every learner.',
  })
  @ApiProduces('application/json', 'text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiPageResponse(CourseReportRowDto)
  @ApiErrors(403, 404)
  async report(@CurrentPrincipal() p: Principal, @Param('courseId', uuid()) courseId: string, @Query() q: ReportQueryDto): Promise<Page<CourseReportRow> | StreamableFile> {
    const scope = await this.org.scopeOf(p);
    if (q.format === 'csv' || q.format === 'xlsx') {
      const file = q.format === 'csv' ? await this.reports.csv(scope, courseId) : await this.reports.xlsx(scope, courseId);
      return new StreamableFile(file.stream, { type: file.contentType, disposition: `attachment; filename="${file.fileName}"` });
    }
    return this.reports.page(scope, courseId, q);
  }
}
