import { Controller, Get, Inject, Param, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { CourseReportPage } from '@kompeten/shared-contracts';
import { ApiErrors, CurrentPrincipal, uuidParam as uuid, type Principal } from '@kompeten/server-core';
import { OrganisationService } from '@kompeten/server-organisation';
import { CourseReportPageDto, ReportQueryDto } from './dto/enrolment.dto';
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
    summary:
      'Course report per learner: NIP, name, unit, status, progress, pre-test, post-test, gain, completed at (course authors, admins)',
    description:
      'format=json answers a page; csv and xlsx download every learner (both honour overdue=). Times are shown in the viewer\u2019s zone (its agency\u2019s WIB/WITA/WIT, named in the column headers and as timeZone); instants stay ISO 8601.',
  })
  @ApiProduces('application/json', 'text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOkResponse({ type: CourseReportPageDto, description: 'format=json: a page of rows and the viewer\u2019s zone' })
  @ApiErrors(403, 404)
  async report(
    @CurrentPrincipal() p: Principal,
    @Param('courseId', uuid()) courseId: string,
    @Query() q: ReportQueryDto,
  ): Promise<CourseReportPage | StreamableFile> {
    const scope = await this.org.scopeOf(p);
    if (q.format === 'csv' || q.format === 'xlsx') {
      const file =
        q.format === 'csv' ? await this.reports.csv(scope, courseId, q) : await this.reports.xlsx(scope, courseId, q);
      return new StreamableFile(file.stream, {
        type: file.contentType,
        disposition: `attachment; filename="${file.fileName}"`,
      });
    }
    return this.reports.page(scope, courseId, q);
  }
}
