import { Body, Controller, Get, HttpCode, Inject, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type {
  AnswerSaved,
  AttemptReview,
  AttemptView,
  GradingItem,
  LessonAttempts,
  Page,
} from '@kompeten/shared-contracts';
import {
  ApiErrors,
  ApiPageResponse,
  CurrentPrincipal,
  ErrorResponseDto,
  PageQueryDto,
  uuidParam as uuid,
  type Principal,
} from '@kompeten/server-core';
import { OrganisationService } from '@kompeten/server-organisation';
import {
  AnswerSavedDto,
  AttemptReviewDto,
  AttemptViewDto,
  GradeAnswerDto,
  GradingItemDto,
  LessonAttemptsDto,
  SaveAnswerDto,
  SaveAnswersDto,
} from '../dto/attempt.dto';
import { AttemptService } from './attempt.service';
import { HandGradingService } from './hand-grading.service';
import { ReviewService } from './review.service';

const ApiTooLate = () =>
  ApiResponse({
    status: 409,
    description: 'ASSESSMENT.DEADLINE_PASSED, ASSESSMENT.ATTEMPT_CLOSED, …',
    type: ErrorResponseDto,
  });

/** Quiz attempts: the learner's own only (anyone else's answers 404); reviews and hand grading for authors and admins. */
@ApiTags('assessment: attempts')
@ApiBearerAuth()
@ApiErrors(400, 401)
@Controller()
export class AttemptController {
  constructor(
    @Inject(AttemptService) private readonly attempts: AttemptService,
    @Inject(ReviewService) private readonly reviews: ReviewService,
    @Inject(HandGradingService) private readonly grading: HandGradingService,
    @Inject(OrganisationService) private readonly org: OrganisationService,
  ) {}

  @Post('enrolments/:enrolmentId/lessons/:lessonId/attempts')
  @ApiOperation({
    summary: 'Start an attempt at a quiz lesson of one\u2019s own enrolment, or get the one already open (200)',
  })
  @ApiCreatedResponse({ type: AttemptViewDto, description: 'Started' })
  @ApiOkResponse({ type: AttemptViewDto, description: 'An attempt was already open: it is returned' })
  @ApiResponse({
    status: 409,
    description: 'ASSESSMENT.QUIZ_NOT_OPEN, ASSESSMENT.QUIZ_CLOSED or ASSESSMENT.NO_ATTEMPTS_LEFT',
    type: ErrorResponseDto,
  })
  @ApiErrors(404)
  async start(
    @CurrentPrincipal() p: Principal,
    @Param('enrolmentId', uuid()) enrolmentId: string,
    @Param('lessonId', uuid()) lessonId: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<AttemptView> {
    const { attempt, created } = await this.attempts.start(p, enrolmentId, lessonId);
    res.status(created ? 201 : 200);
    return attempt;
  }

  @Get('enrolments/:enrolmentId/lessons/:lessonId/attempts')
  @ApiOperation({ summary: 'One\u2019s own attempts at a quiz lesson, with the current quiz grade' })
  @ApiOkResponse({ type: LessonAttemptsDto })
  @ApiErrors(404)
  async list(
    @CurrentPrincipal() p: Principal,
    @Param('enrolmentId', uuid()) enrolmentId: string,
    @Param('lessonId', uuid()) lessonId: string,
  ): Promise<LessonAttempts> {
    return this.attempts.listForLesson(p, enrolmentId, lessonId);
  }

  @Get('attempts/:id')
  @ApiOperation({ summary: 'One\u2019s own attempt: questions (never keys), saved answers, deadline and server clock' })
  @ApiOkResponse({ type: AttemptViewDto })
  @ApiErrors(404)
  async get(@CurrentPrincipal() p: Principal, @Param('id', uuid()) id: string): Promise<AttemptView> {
    return this.attempts.view(p, id);
  }

  @Put('attempts/:id/answers/:questionId')
  @ApiOperation({ summary: 'Autosave one answer (idempotent; refused after the deadline)' })
  @ApiOkResponse({ type: AnswerSavedDto })
  @ApiTooLate()
  @ApiErrors(404)
  async saveOne(
    @CurrentPrincipal() p: Principal,
    @Param('id', uuid()) id: string,
    @Param('questionId', uuid()) questionId: string,
    @Body() dto: SaveAnswerDto,
  ): Promise<AnswerSaved> {
    return this.attempts.saveAnswers(p, id, [{ questionId, response: dto.response }]);
  }

  @Put('attempts/:id/answers')
  @ApiOperation({ summary: 'Autosave several answers in one request (idempotent; refused after the deadline)' })
  @ApiOkResponse({ type: AnswerSavedDto })
  @ApiTooLate()
  @ApiErrors(404)
  async saveMany(
    @CurrentPrincipal() p: Principal,
    @Param('id', uuid()) id: string,
    @Body() dto: SaveAnswersDto,
  ): Promise<AnswerSaved> {
    return this.attempts.saveAnswers(p, id, dto.answers);
  }

  @Post('attempts/:id/submit')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Hand in and grade the attempt (essays wait for a grader); repeating it returns the result',
  })
  @ApiOkResponse({ type: AttemptViewDto })
  @ApiTooLate()
  @ApiErrors(404)
  async submit(@CurrentPrincipal() p: Principal, @Param('id', uuid()) id: string): Promise<AttemptView> {
    return this.attempts.submit(p, id);
  }

  @Get('attempts/:id/review')
  @ApiOperation({
    summary:
      'Review a closed attempt: the learner as the quiz\u2019s review policy allows; authors and admins always, with keys',
  })
  @ApiOkResponse({ type: AttemptReviewDto })
  @ApiResponse({ status: 403, description: 'ASSESSMENT.REVIEW_NOT_ALLOWED', type: ErrorResponseDto })
  @ApiResponse({ status: 409, description: 'ASSESSMENT.ATTEMPT_OPEN', type: ErrorResponseDto })
  @ApiErrors(404)
  async review(@CurrentPrincipal() p: Principal, @Param('id', uuid()) id: string): Promise<AttemptReview> {
    return this.reviews.review(await this.org.scopeOf(p), id);
  }

  @Get('courses/:courseId/grading')
  @ApiOperation({
    summary: 'Attempts of the course\u2019s quizzes waiting for essays to be graded (authors and agency admins)',
  })
  @ApiPageResponse(GradingItemDto)
  @ApiErrors(404)
  async gradingQueue(
    @CurrentPrincipal() p: Principal,
    @Param('courseId', uuid()) courseId: string,
    @Query() q: PageQueryDto,
  ): Promise<Page<GradingItem>> {
    return this.grading.gradingQueue(await this.org.scopeOf(p), courseId, q);
  }

  @Post('attempts/:id/answers/:questionId/grade')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Grade an essay answer by hand; grading the last one grades the attempt and records the outcome',
  })
  @ApiOkResponse({ type: AttemptReviewDto })
  @ApiResponse({
    status: 409,
    description: 'ASSESSMENT.ATTEMPT_OPEN or ASSESSMENT.NOT_GRADABLE',
    type: ErrorResponseDto,
  })
  @ApiErrors(404)
  async grade(
    @CurrentPrincipal() p: Principal,
    @Param('id', uuid()) id: string,
    @Param('questionId', uuid()) questionId: string,
    @Body() dto: GradeAnswerDto,
  ): Promise<AttemptReview> {
    return this.grading.gradeAnswer(await this.org.scopeOf(p), id, questionId, dto);
  }
}
