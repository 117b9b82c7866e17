import { Body, Controller, Get, HttpCode, Inject, Param, Post, Put, UploadedFile } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { AssignmentSubmission, AttendanceResult, PlayerLesson, ProgressResult } from '@kompeten/shared-contracts';
import { AcceptsUpload, ApiErrors, CurrentPrincipal, uuidParam as uuid, type Principal } from '@kompeten/server-core';
import { OrganisationService } from '@kompeten/server-organisation';
import {
  AssignmentSubmissionDto,
  AttendanceDto,
  AttendanceResultDto,
  GradeSubmissionDto,
  PlayerLessonDto,
  ProgressResultDto,
  ProgressUpdateDto,
  SubmissionUploadDto,
} from './dto/enrolment.dto';
import { AttendanceService } from './attendance.service';
import { PlayerService } from './player.service';
import { ProgressService } from './progress.service';
import { SubmissionService } from './submission.service';

@ApiTags('learning-progress')
@ApiBearerAuth()
@ApiErrors(400, 401)
@Controller()
export class ProgressController {
  constructor(
    @Inject(PlayerService) private readonly player: PlayerService,
    @Inject(ProgressService) private readonly progress: ProgressService,
    @Inject(SubmissionService) private readonly submissions: SubmissionService,
    @Inject(AttendanceService) private readonly attendances: AttendanceService,
    @Inject(OrganisationService) private readonly org: OrganisationService,
  ) {}

  @Get('enrolments/:id/lessons/:lessonId')
  @ApiOperation({
    summary:
      'A lesson for the player, from the version taken (quiz lessons show the quiz settings only, never questions)',
  })
  @ApiOkResponse({ type: PlayerLessonDto })
  @ApiErrors(404, 409)
  async lesson(
    @CurrentPrincipal() p: Principal,
    @Param('id', uuid()) id: string,
    @Param('lessonId', uuid()) lessonId: string,
  ): Promise<PlayerLesson> {
    return this.player.lesson(await this.org.scopeOf(p), id, lessonId);
  }

  @Put('enrolments/:id/lessons/:lessonId/progress')
  @ApiOperation({
    summary:
      'Record a player event (opened, heartbeat, video, downloaded); completes the lesson, and the course, when their rules are met',
  })
  @ApiOkResponse({ type: ProgressResultDto })
  @ApiErrors(404, 409)
  async record(
    @CurrentPrincipal() p: Principal,
    @Param('id', uuid()) id: string,
    @Param('lessonId', uuid()) lessonId: string,
    @Body() dto: ProgressUpdateDto,
  ): Promise<ProgressResult> {
    return this.progress.recordEvent(await this.org.scopeOf(p), id, lessonId, dto);
  }

  @Post('enrolments/:id/lessons/:lessonId/submission')
  @AcceptsUpload()
  @ApiOperation({ summary: 'Hand in an assignment file (at most 20 MB); completes the assignment lesson' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: SubmissionUploadDto })
  @ApiCreatedResponse({ type: AssignmentSubmissionDto })
  @ApiErrors(404, 409, 413)
  async submit(
    @CurrentPrincipal() p: Principal,
    @Param('id', uuid()) id: string,
    @Param('lessonId', uuid()) lessonId: string,
    @UploadedFile() file?: Express.Multer.File,
  ): Promise<AssignmentSubmission> {
    return this.submissions.submit(await this.org.scopeOf(p), id, lessonId, file);
  }

  @Post('submissions/:id/grade')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Grade an assignment submission (course authors, admins); passed when the score reaches the pass score',
  })
  @ApiOkResponse({ type: AssignmentSubmissionDto })
  @ApiErrors(404)
  async grade(
    @CurrentPrincipal() p: Principal,
    @Param('id', uuid()) id: string,
    @Body() dto: GradeSubmissionDto,
  ): Promise<AssignmentSubmission> {
    return this.submissions.grade(await this.org.scopeOf(p), id, dto);
  }

  @Post('courses/:courseId/lessons/:lessonId/attendance')
  @HttpCode(200)
  @ApiOperation({ summary: 'Record attendance of a live session for enrolled ASN (course authors, admins)' })
  @ApiOkResponse({ type: AttendanceResultDto })
  @ApiErrors(403, 404)
  async attendance(
    @CurrentPrincipal() p: Principal,
    @Param('courseId', uuid()) courseId: string,
    @Param('lessonId', uuid()) lessonId: string,
    @Body() dto: AttendanceDto,
  ): Promise<AttendanceResult> {
    return this.attendances.recordAttendance(await this.org.scopeOf(p), courseId, lessonId, dto);
  }
}
