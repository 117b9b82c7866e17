import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  Allow,
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  ATTEMPT_STATUSES,
  GRADING_METHODS,
  QUESTION_KINDS,
  type AnswerKey,
  type AnswerResponse,
  type AttemptStatus,
  type GradingMethod,
  type QuestionKind,
} from '@kompeten/shared-contracts';
import { JsonSizeMax } from '@kompeten/server-core';
import { QuestionOptionDto } from './authoring.dto';

const RESPONSE_DOC =
  'By kind — single: option id; multiple: option ids; true_false: boolean; short_answer: text; numeric: number; ' +
  'matching: `[{ "left": "l1", "right": "r2" }]`; ordering: item ids in order; essay: text. `null` clears the answer.';

export class SaveAnswerDto {
  @ApiProperty({
    description: RESPONSE_DOC,
    nullable: true,
    oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }, { type: 'array', items: {} }],
  })
  @Allow()
  @JsonSizeMax('response', { maxItems: 100, maxChars: 20_000 })
  response: AnswerResponse;
}

export class AnswerItemDto extends SaveAnswerDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID('all', { message: 'questionId harus UUID' }) questionId: string;
}

export class SaveAnswersDto {
  @ApiProperty({ type: [AnswerItemDto] })
  @IsArray({ message: 'answers harus daftar' })
  @ArrayMinSize(1, { message: 'answers minimal 1' })
  @ArrayMaxSize(500, { message: 'answers maksimal 500' })
  @ValidateNested({ each: true })
  @Type(() => AnswerItemDto)
  answers: AnswerItemDto[];
}

export class GradeAnswerDto {
  @ApiProperty({ example: 4.5, minimum: 0, description: '0 … the question\u2019s points' })
  @IsNumber(
    { maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false },
    { message: 'score harus angka dengan maks. 2 desimal' },
  )
  @Min(0, { message: 'score minimal 0' })
  score: number;

  @ApiPropertyOptional({ example: 'Analisis baik; contoh kurang spesifik.' })
  @IsOptional()
  @IsString()
  @MaxLength(5000, { message: 'feedback maksimal 5000 karakter' })
  feedback?: string;
}

export class AnswerSavedDto {
  @ApiProperty({ example: 1 }) saved: number;
  @ApiProperty({ format: 'date-time' }) savedAt: string;
}

export class AttemptQuestionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: QUESTION_KINDS }) kind: QuestionKind;
  @ApiProperty() prompt: string;
  @ApiProperty({ example: 2 }) points: number;
  @ApiProperty({ type: [QuestionOptionDto], description: 'In this attempt\u2019s order' }) options: QuestionOptionDto[];
  @ApiPropertyOptional({
    example: 'Tulis angka saja, koma untuk desimal dan titik untuk ribuan: 3,5 · 1.500 (seribu lima ratus) · 1.500,5',
    description: 'Numeric questions only: the expected number format (docs/learning.md, "Numbers")',
  })
  formatHint?: string;
}

export class SavedAnswerDto {
  @ApiProperty({ format: 'uuid' }) questionId: string;
  @ApiProperty({
    description: RESPONSE_DOC,
    nullable: true,
    oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }, { type: 'array', items: {} }],
  })
  response: AnswerResponse;
  @ApiProperty({ format: 'date-time' }) savedAt: string;
}

export class AttemptSummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) quizId: string;
  @ApiProperty({ format: 'uuid' }) lessonId: string;
  @ApiProperty({ format: 'uuid' }) enrolmentId: string;
  @ApiProperty({ example: 1 }) attemptNo: number;
  @ApiProperty({ enum: ATTEMPT_STATUSES }) status: AttemptStatus;
  @ApiProperty({ format: 'date-time' }) startedAt: string;
  @ApiProperty({
    format: 'date-time',
    nullable: true,
    type: String,
    description: 'Answers and submits after it are refused',
  })
  deadlineAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) submittedAt: string | null;
  @ApiProperty({ nullable: true, type: Number }) score: number | null;
  @ApiProperty({ example: 20 }) maxScore: number;
  @ApiProperty({ nullable: true, type: Number, example: 85.5 }) percent: number | null;
  @ApiProperty({ nullable: true, type: Boolean }) passed: boolean | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) gradedAt: string | null;
}

export class AttemptViewDto extends AttemptSummaryDto {
  @ApiProperty() quizTitle: string;
  @ApiProperty({
    format: 'date-time',
    description: 'The server clock: count down to deadlineAt from this, not from the device clock',
  })
  serverNow: string;
  @ApiProperty({ example: 70, description: 'The quiz\u2019s pass mark in percent' }) passPercent: number;
  @ApiProperty({ nullable: true, type: Number, example: 3, description: 'null: no limit' }) maxAttempts: number | null;
  @ApiProperty({ example: 1, description: 'Attempts made at this quiz in this enrolment, this one included' })
  attemptsUsed: number;
  @ApiProperty({ nullable: true, type: Number, example: 2, description: 'null: no limit' })
  attemptsLeft: number | null;
  @ApiProperty({
    example: true,
    description:
      'A new attempt can be started now: this one is finished, none is open, the enrolment is active, the quiz window is open and attempts are left',
  })
  canRetry: boolean;
  @ApiProperty({
    example: false,
    description: 'Closed by its deadline: time ran out and the answers saved until then were submitted',
  })
  timeUp: boolean;
  @ApiProperty({ type: [AttemptQuestionDto] }) questions: AttemptQuestionDto[];
  @ApiProperty({ type: [SavedAnswerDto] }) answers: SavedAnswerDto[];
}

export class ReviewedQuestionDto extends AttemptQuestionDto {
  @ApiProperty({
    nullable: true,
    oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }, { type: 'array', items: {} }],
  })
  response: AnswerResponse;
  @ApiProperty({ nullable: true, type: Number }) score: number | null;
  @ApiProperty({ nullable: true, type: String, description: 'The grader\u2019s feedback' }) feedback: string | null;
  @ApiPropertyOptional({
    nullable: true,
    type: 'object',
    additionalProperties: true,
    description: 'Only when the review policy shows correct answers, or to a grader',
  })
  answerKey?: AnswerKey;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: 'The question\u2019s feedback, with the correct answers',
  })
  questionFeedback?: string | null;
}

export class AttemptLearnerDto {
  @ApiProperty({ example: 'Lalu Muhammad Hasan, S.Kom.' }) name: string;
  @ApiProperty({ example: '198609262015051001' }) nip: string;
}

export class AttemptReviewDto extends AttemptSummaryDto {
  @ApiProperty() quizTitle: string;
  @ApiProperty({ format: 'uuid' }) employeeId: string;
  @ApiProperty({
    type: AttemptLearnerDto,
    nullable: true,
    description: 'The learner named with titles and NIP, so the grader knows whose answers these are',
  })
  learner: AttemptLearnerDto | null;
  @ApiProperty() showsAnswers: boolean;
  @ApiProperty({ type: [ReviewedQuestionDto] }) questions: ReviewedQuestionDto[];
}

export class QuizGradeDto {
  @ApiProperty({ enum: GRADING_METHODS }) method: GradingMethod;
  @ApiProperty({ example: 82.5 }) percent: number;
  @ApiProperty() passed: boolean;
  @ApiProperty({ example: 2 }) gradedAttempts: number;
}

export class LessonAttemptsDto {
  @ApiProperty({ format: 'uuid' }) quizId: string;
  @ApiProperty({ format: 'uuid' }) lessonId: string;
  @ApiProperty() quizTitle: string;
  @ApiProperty({ nullable: true, type: Number }) maxAttempts: number | null;
  @ApiProperty() attemptsUsed: number;
  @ApiProperty({ example: 70 }) passPercent: number;
  @ApiProperty({ type: QuizGradeDto, nullable: true }) grade: QuizGradeDto | null;
  @ApiProperty({ type: [AttemptSummaryDto] }) attempts: AttemptSummaryDto[];
}

export class GradingItemDto {
  @ApiProperty({ format: 'uuid' }) attemptId: string;
  @ApiProperty({ format: 'uuid' }) quizId: string;
  @ApiProperty() quizTitle: string;
  @ApiProperty({ format: 'uuid' }) employeeId: string;
  @ApiProperty({ example: 'Lalu Muhammad Hasan' }) employeeName: string;
  @ApiProperty({ example: '198609262015051001' }) nip: string;
  @ApiProperty() attemptNo: number;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) submittedAt: string | null;
  @ApiProperty({ description: 'Essays still to grade' }) pendingQuestions: number;
}
