import { Controller, Get, Inject, Query } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { Type } from 'class-transformer';
import { DataSource } from 'typeorm';
import { ErrorCode, type AdminAttention, type Language } from '@kompeten/shared-contracts';
import { displayName } from '@kompeten/shared-util';
import { ApiErrors, CurrentPrincipal, forbidden, RequestLanguage, toPage, type Principal } from '@kompeten/server-core';
import { OrganisationService, type AccessScope } from '@kompeten/server-organisation';
import { EmployeeImportService } from '@kompeten/server-identity';
import { WorkflowService } from '@kompeten/server-learning';
import { pageOverdueAssignments } from './attention-store';

export class AttentionQueryDto {
  @ApiProperty({ required: false, minimum: 1, maximum: 20, default: 5, description: 'Items per list (first page)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'pageSize harus bilangan bulat' })
  @Min(1, { message: 'pageSize minimal 1' })
  @Max(20, { message: 'pageSize maksimal 20' })
  pageSize?: number;
}

class PageShapeDto {
  @ApiProperty({ type: [Object] }) items: unknown[];
  @ApiProperty({ example: 3 }) total: number;
  @ApiProperty({ example: 1 }) page: number;
  @ApiProperty({ example: 5 }) pageSize: number;
}

class AdminAttentionDto {
  @ApiProperty({ type: PageShapeDto, description: 'Courses in review that the caller may review' })
  reviews: PageShapeDto;
  @ApiProperty({ type: PageShapeDto, description: 'Imports that failed or refused rows in the last 30 days' })
  failedImports: PageShapeDto;
  @ApiProperty({
    type: PageShapeDto,
    description: 'Assigned enrolments past their due date, in the caller\u2019s agencies',
  })
  overdue: PageShapeDto;
}

/** Who may review courses: admins and widyaiswara (the review queue's own rule decides which courses). */
const reviews = (scope: AccessScope) =>
  scope.global || scope.adminAgencyIds.size > 0 || scope.principal.roles.some((r) => r.role === 'widyaiswara');

/**
 * What needs an admin's attention (issue 15): courses awaiting review, imports that failed, overdue assignments, each
 * scoped as its own list is (the review queue's rule, the import's agency or uploader, the learner's agency).
 */
@ApiTags('attention')
@ApiBearerAuth()
@ApiErrors(400, 401, 403)
@Controller('attention')
export class AttentionController {
  constructor(
    @InjectDataSource() @Inject(DataSource) private readonly db: DataSource,
    @Inject(OrganisationService) private readonly org: OrganisationService,
    @Inject(WorkflowService) private readonly workflow: WorkflowService,
    @Inject(EmployeeImportService) private readonly imports: EmployeeImportService,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'What needs attention: courses awaiting review, failed imports, overdue assignments (first page of each)',
    description:
      'For admins, HR officers and widyaiswara; learners get 403. Each list is scoped as its full list is: the review ' +
      'queue (GET /api/reviews), the import history, the course report (overdue=true).',
  })
  @ApiOkResponse({ type: AdminAttentionDto })
  async get(
    @CurrentPrincipal() p: Principal,
    @Query() q: AttentionQueryDto,
    @RequestLanguage() lang: Language,
  ): Promise<AdminAttention> {
    const scope = await this.org.scopeOf(p);
    const hr = scope.hrUnitScopes.length > 0;
    if (!scope.global && scope.adminAgencyIds.size === 0 && !hr && !reviews(scope))
      throw forbidden(ErrorCode.AUTH_FORBIDDEN, 'Panel perhatian hanya untuk admin, pengelola dan widyaiswara').en(
        'The attention panel is for admins, HR officers and widyaiswara.',
      );
    const page = { page: 1, pageSize: q.pageSize ?? 5 };
    const admin = scope.global || scope.adminAgencyIds.size > 0;
    const empty = { items: [], total: 0, page: 1, pageSize: page.pageSize };
    const overdue = admin
      ? await pageOverdueAssignments(this.db, scope.global ? null : [...scope.adminAgencyIds], {
          limit: page.pageSize,
          offset: 0,
        })
      : null;
    return {
      reviews: reviews(scope) ? await this.workflow.reviews(scope, page) : empty,
      failedImports: admin || hr ? await this.imports.needingAttention(scope, page, lang) : empty,
      overdue: overdue
        ? toPage(
            overdue.rows.map((r) => ({
              enrolmentId: r.id,
              courseId: r.course_id,
              courseTitle: r.course_title,
              employeeId: r.employee_id,
              learnerName: displayName(r.full_name, r.front_title, r.back_title),
              nip: r.nip,
              dueAt: new Date(r.due_at).toISOString(),
            })),
            overdue.total,
            page,
          )
        : empty,
    };
  }
}
