import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Page, Question, QuestionCategory, Quiz } from '@kompeten/shared-contracts';
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
  CreateQuestionDto,
  CreateQuizDto,
  QuestionCategoryDto,
  QuestionDto,
  QuestionQueryDto,
  QuizDto,
  SaveQuestionCategoryDto,
  UpdateQuestionDto,
  UpdateQuizDto,
} from '../dto/authoring.dto';
import { QuestionBankService } from './question-bank.service';
import { QuizService } from './quiz.service';

/** Question banks and quizzes: the course's authors and the admins of its agency; everyone else gets 404. */
@ApiTags('assessment: authoring')
@ApiBearerAuth()
@ApiErrors(400, 401)
@Controller()
export class AuthoringController {
  constructor(
    @Inject(QuestionBankService) private readonly bank: QuestionBankService,
    @Inject(QuizService) private readonly quizzes: QuizService,
    @Inject(OrganisationService) private readonly org: OrganisationService,
  ) {}

  @Get('courses/:courseId/question-categories')
  @ApiOperation({ summary: 'Categories of a course\u2019s question bank (authors and agency admins)' })
  @ApiPageResponse(QuestionCategoryDto)
  @ApiErrors(404)
  async listCategories(
    @CurrentPrincipal() p: Principal,
    @Param('courseId', uuid()) courseId: string,
    @Query() q: PageQueryDto,
  ): Promise<Page<QuestionCategory>> {
    return this.bank.listCategories(await this.org.scopeOf(p), courseId, q);
  }

  @Post('courses/:courseId/question-categories')
  @ApiOperation({ summary: 'Add a question category to a course\u2019s bank' })
  @ApiCreatedResponse({ type: QuestionCategoryDto })
  @ApiErrors(404, 409)
  async createCategory(
    @CurrentPrincipal() p: Principal,
    @Param('courseId', uuid()) courseId: string,
    @Body() dto: SaveQuestionCategoryDto,
  ): Promise<QuestionCategory> {
    return this.bank.createCategory(await this.org.scopeOf(p), courseId, dto);
  }

  @Patch('question-categories/:id')
  @ApiOperation({ summary: 'Rename a question category' })
  @ApiOkResponse({ type: QuestionCategoryDto })
  @ApiErrors(404, 409)
  async updateCategory(
    @CurrentPrincipal() p: Principal,
    @Param('id', uuid()) id: string,
    @Body() dto: SaveQuestionCategoryDto,
  ): Promise<QuestionCategory> {
    return this.bank.updateCategory(await this.org.scopeOf(p), id, dto);
  }

  @Delete('question-categories/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete an empty question category (409 while questions or a quiz draw use it)' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiErrors(404, 409)
  async deleteCategory(@CurrentPrincipal() p: Principal, @Param('id', uuid()) id: string): Promise<void> {
    await this.bank.deleteCategory(await this.org.scopeOf(p), id);
  }

  @Get('courses/:courseId/questions')
  @ApiOperation({ summary: 'Questions of a course\u2019s bank, with their scoring keys (authors and agency admins)' })
  @ApiPageResponse(QuestionDto)
  @ApiErrors(404)
  async listQuestions(
    @CurrentPrincipal() p: Principal,
    @Param('courseId', uuid()) courseId: string,
    @Query() q: QuestionQueryDto,
  ): Promise<Page<Question>> {
    return this.bank.listQuestions(await this.org.scopeOf(p), courseId, q);
  }

  @Post('courses/:courseId/questions')
  @ApiOperation({ summary: 'Add a question; its options and answerKey are checked against its kind' })
  @ApiCreatedResponse({ type: QuestionDto })
  @ApiErrors(404)
  async createQuestion(
    @CurrentPrincipal() p: Principal,
    @Param('courseId', uuid()) courseId: string,
    @Body() dto: CreateQuestionDto,
  ): Promise<Question> {
    return this.bank.createQuestion(await this.org.scopeOf(p), courseId, dto);
  }

  @Get('questions/:id')
  @ApiOperation({ summary: 'One question of a bank, with its scoring key' })
  @ApiOkResponse({ type: QuestionDto })
  @ApiErrors(404)
  async getQuestion(@CurrentPrincipal() p: Principal, @Param('id', uuid()) id: string): Promise<Question> {
    return this.bank.getQuestion(await this.org.scopeOf(p), id);
  }

  @Patch('questions/:id')
  @ApiOperation({ summary: 'Change a question (published versions keep the snapshot they were published with)' })
  @ApiOkResponse({ type: QuestionDto })
  @ApiErrors(404)
  async updateQuestion(
    @CurrentPrincipal() p: Principal,
    @Param('id', uuid()) id: string,
    @Body() dto: UpdateQuestionDto,
  ): Promise<Question> {
    return this.bank.updateQuestion(await this.org.scopeOf(p), id, dto);
  }

  @Delete('questions/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a question from the bank (archived: published versions and past attempts keep it)' })
  @ApiNoContentResponse({ description: 'Archived' })
  @ApiErrors(404)
  async deleteQuestion(@CurrentPrincipal() p: Principal, @Param('id', uuid()) id: string): Promise<void> {
    await this.bank.archiveQuestion(await this.org.scopeOf(p), id);
  }

  @Get('courses/:courseId/quizzes')
  @ApiOperation({ summary: 'Quizzes of a course (authors and agency admins)' })
  @ApiPageResponse(QuizDto)
  @ApiErrors(404)
  async listQuizzes(
    @CurrentPrincipal() p: Principal,
    @Param('courseId', uuid()) courseId: string,
    @Query() q: PageQueryDto,
  ): Promise<Page<Quiz>> {
    return this.quizzes.list(await this.org.scopeOf(p), courseId, q);
  }

  @Post('courses/:courseId/quizzes')
  @ApiOperation({ summary: 'Create a quiz; settings not sent take their defaults' })
  @ApiCreatedResponse({ type: QuizDto })
  @ApiErrors(404)
  async createQuiz(
    @CurrentPrincipal() p: Principal,
    @Param('courseId', uuid()) courseId: string,
    @Body() dto: CreateQuizDto,
  ): Promise<Quiz> {
    return this.quizzes.create(await this.org.scopeOf(p), courseId, dto);
  }

  @Get('quizzes/:id')
  @ApiOperation({ summary: 'One quiz with its settings' })
  @ApiOkResponse({ type: QuizDto })
  @ApiErrors(404)
  async getQuiz(@CurrentPrincipal() p: Principal, @Param('id', uuid()) id: string): Promise<Quiz> {
    return this.quizzes.get(await this.org.scopeOf(p), id);
  }

  @Patch('quizzes/:id')
  @ApiOperation({
    summary:
      'Change a quiz\u2019s title or settings (draw counts are checked against the bank when the course is published)',
  })
  @ApiOkResponse({ type: QuizDto })
  @ApiErrors(404)
  async updateQuiz(
    @CurrentPrincipal() p: Principal,
    @Param('id', uuid()) id: string,
    @Body() dto: UpdateQuizDto,
  ): Promise<Quiz> {
    return this.quizzes.update(await this.org.scopeOf(p), id, dto);
  }
}
