import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Patch, Post, Put, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { CourseDetail, CourseLesson, CourseModule, CourseSummary, Page } from '@kompeten/shared-contracts';
import { ApiErrors, ApiPageResponse, CurrentPrincipal, uuidParam as uuid, type Principal } from '@kompeten/server-core';
import { OrganisationService } from '@kompeten/server-organisation';
import {
  AddAuthorDto,
  CourseDetailDto,
  CourseLessonDto,
  CourseModuleDto,
  CourseQueryDto,
  CourseSummaryDto,
  CreateCourseDto,
  CreateLessonDto,
  ModuleDto,
  OutlineDto,
  UpdateCourseDto,
  UpdateLessonDto,
} from '../dto/course.dto';
import { CourseService } from './course.service';
import { OutlineService } from './outline.service';

@ApiTags('courses')
@ApiBearerAuth()
@ApiErrors(400, 401)
@Controller()
export class CourseController {
  constructor(
    @Inject(CourseService) private readonly courses: CourseService,
    @Inject(OutlineService) private readonly outline: OutlineService,
    @Inject(OrganisationService) private readonly org: OrganisationService,
  ) {}

  @Post('courses')
  @ApiOperation({
    summary: 'Create a course draft (widyaiswara or admin of the agency); the creator becomes its owner author',
  })
  @ApiCreatedResponse({ type: CourseDetailDto })
  @ApiErrors(403, 404)
  async create(@CurrentPrincipal() p: Principal, @Body() dto: CreateCourseDto): Promise<CourseDetail> {
    return this.courses.create(await this.org.scopeOf(p), dto);
  }

  @Get('courses')
  @ApiOperation({ summary: 'Authoring list: courses the caller authors, may review or administers' })
  @ApiPageResponse(CourseSummaryDto)
  async list(@CurrentPrincipal() p: Principal, @Query() q: CourseQueryDto): Promise<Page<CourseSummary>> {
    return this.courses.list(await this.org.scopeOf(p), q);
  }

  @Get('courses/:id')
  @ApiOperation({
    summary: 'A course draft with its ordered modules and lessons, authors, versions, files and review history',
  })
  @ApiOkResponse({ type: CourseDetailDto })
  @ApiErrors(404)
  async get(@CurrentPrincipal() p: Principal, @Param('id', uuid()) id: string): Promise<CourseDetail> {
    return this.courses.get(await this.org.scopeOf(p), id);
  }

  @Patch('courses/:id')
  @ApiOperation({
    summary:
      'Change course metadata, visibility, prerequisites or completion rule (authors and admins; not while in review)',
  })
  @ApiOkResponse({ type: CourseDetailDto })
  @ApiErrors(403, 404, 409)
  async update(
    @CurrentPrincipal() p: Principal,
    @Param('id', uuid()) id: string,
    @Body() dto: UpdateCourseDto,
  ): Promise<CourseDetail> {
    return this.courses.update(await this.org.scopeOf(p), id, dto);
  }

  @Post('courses/:id/authors')
  @ApiOperation({ summary: 'Add a co-author (the owner or an admin)' })
  @ApiCreatedResponse({ type: CourseDetailDto })
  @ApiErrors(403, 404, 409)
  async addAuthor(
    @CurrentPrincipal() p: Principal,
    @Param('id', uuid()) id: string,
    @Body() dto: AddAuthorDto,
  ): Promise<CourseDetail> {
    return this.courses.addAuthor(await this.org.scopeOf(p), id, dto);
  }

  @Delete('courses/:id/authors/:employeeId')
  @ApiOperation({ summary: 'Remove a co-author (the owner or an admin; a co-author may remove itself)' })
  @ApiOkResponse({ type: CourseDetailDto })
  @ApiErrors(403, 404, 409)
  async removeAuthor(
    @CurrentPrincipal() p: Principal,
    @Param('id', uuid()) id: string,
    @Param('employeeId', uuid()) employeeId: string,
  ): Promise<CourseDetail> {
    return this.courses.removeAuthor(await this.org.scopeOf(p), id, employeeId);
  }

  @Post('courses/:id/modules')
  @ApiOperation({ summary: 'Add a module at the end of the course' })
  @ApiCreatedResponse({ type: CourseModuleDto })
  @ApiErrors(403, 404, 409)
  async createModule(
    @CurrentPrincipal() p: Principal,
    @Param('id', uuid()) id: string,
    @Body() dto: ModuleDto,
  ): Promise<CourseModule> {
    return this.outline.createModule(await this.org.scopeOf(p), id, dto);
  }

  @Patch('modules/:id')
  @ApiOperation({ summary: 'Rename a module' })
  @ApiOkResponse({ type: CourseModuleDto })
  @ApiErrors(403, 404, 409)
  async updateModule(
    @CurrentPrincipal() p: Principal,
    @Param('id', uuid()) id: string,
    @Body() dto: ModuleDto,
  ): Promise<CourseModule> {
    return this.outline.updateModule(await this.org.scopeOf(p), id, dto);
  }

  @Delete('modules/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a module with its lessons (they also leave the completion rule)' })
  @ApiNoContentResponse()
  @ApiErrors(403, 404, 409)
  async deleteModule(@CurrentPrincipal() p: Principal, @Param('id', uuid()) id: string): Promise<void> {
    await this.outline.deleteModule(await this.org.scopeOf(p), id);
  }

  @Post('modules/:id/lessons')
  @ApiOperation({
    summary: 'Add a lesson at the end of a module; content is validated for its kind and rich text is sanitised',
  })
  @ApiCreatedResponse({ type: CourseLessonDto })
  @ApiErrors(403, 404, 409)
  async createLesson(
    @CurrentPrincipal() p: Principal,
    @Param('id', uuid()) id: string,
    @Body() dto: CreateLessonDto,
  ): Promise<CourseLesson> {
    return this.outline.createLesson(await this.org.scopeOf(p), id, dto);
  }

  @Patch('lessons/:id')
  @ApiOperation({ summary: 'Change a lesson (title, required, kind with new content, or content)' })
  @ApiOkResponse({ type: CourseLessonDto })
  @ApiErrors(403, 404, 409)
  async updateLesson(
    @CurrentPrincipal() p: Principal,
    @Param('id', uuid()) id: string,
    @Body() dto: UpdateLessonDto,
  ): Promise<CourseLesson> {
    return this.outline.updateLesson(await this.org.scopeOf(p), id, dto);
  }

  @Delete('lessons/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a lesson (it also leaves the completion rule)' })
  @ApiNoContentResponse()
  @ApiErrors(403, 404, 409)
  async deleteLesson(@CurrentPrincipal() p: Principal, @Param('id', uuid()) id: string): Promise<void> {
    await this.outline.deleteLesson(await this.org.scopeOf(p), id);
  }

  @Put('courses/:id/outline')
  @ApiOperation({
    summary:
      'Reorder modules and lessons in one call, moving lessons between modules; names every module and lesson once',
  })
  @ApiOkResponse({ type: CourseDetailDto })
  @ApiErrors(403, 404, 409)
  async reorder(
    @CurrentPrincipal() p: Principal,
    @Param('id', uuid()) id: string,
    @Body() dto: OutlineDto,
  ): Promise<CourseDetail> {
    return this.outline.reorder(await this.org.scopeOf(p), id, dto);
  }
}
