import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  Allow,
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import {
  GRADING_METHODS,
  QUESTION_KINDS,
  QUIZ_ROLES,
  REVIEW_POLICIES,
  type AnswerKey,
  type GradingMethod,
  type QuestionKind,
  type QuestionOption,
  type QuizRole,
  type ReviewPolicy,
} from '@kompeten/shared-contracts';
import { DATE_TIME_WITH_OFFSET_DOC, IsIsoDateTimeWithOffset, JsonSizeMax, PageQueryDto } from '@kompeten/server-core';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

const ANSWER_KEY_DOC =
  'Scoring key by kind — single `{ "correct": "a" }`; multiple `{ "correct": ["a","c"] }`; true_false `{ "correct": true }`; ' +
  'short_answer `{ "accepted": ["Pancasila"] }`; numeric `{ "value": 3.5, "tolerance": 0.1 }`; ' +
  'matching `{ "pairs": [{ "left": "l1", "right": "r2" }] }`; ordering `{ "order": ["i2","i1","i3"] }`; essay `null`.';

// ---- categories --------------------------------------------------------------------------------

export class QuestionCategoryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) courseId: string;
  @ApiProperty({ example: 'Etika Pelayanan Publik' }) name: string;
  @ApiProperty({ example: 12, description: 'Questions in the category (not archived)' }) questionCount: number;
}

export class SaveQuestionCategoryDto {
  @ApiProperty({ example: 'Etika Pelayanan Publik' })
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'name wajib diisi' })
  @MaxLength(200, { message: 'name maksimal 200 karakter' })
  name: string;
}

// ---- questions ---------------------------------------------------------------------------------

export class QuestionOptionDto implements QuestionOption {
  @ApiProperty({ example: 'a', description: 'Stable id within the question: letters, digits, _ and -' })
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,40}$/, { message: 'id opsi hanya boleh huruf, angka, _ dan - (maks. 40)' })
  id: string;

  @ApiProperty({ example: 'Pancasila' })
  @IsString()
  @MaxLength(2000, { message: 'teks opsi maksimal 2000 karakter' })
  text: string;

  @ApiPropertyOptional({ enum: ['left', 'right'], description: 'Matching questions only' })
  @IsOptional()
  @IsIn(['left', 'right'], { message: 'side harus left atau right' })
  side?: 'left' | 'right';
}

export class QuestionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) courseId: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) categoryId: string | null;
  @ApiProperty({ enum: QUESTION_KINDS }) kind: QuestionKind;
  @ApiProperty({ example: 'Dasar negara Republik Indonesia adalah …' }) prompt: string;
  @ApiProperty({ type: [QuestionOptionDto] }) options: QuestionOption[];
  @ApiProperty({ description: ANSWER_KEY_DOC, nullable: true, type: 'object', additionalProperties: true })
  answerKey: AnswerKey;
  @ApiProperty({ example: 2 }) points: number;
  @ApiProperty({ nullable: true, type: String, description: 'Shown to the learner in a review' }) feedback:
    string | null;
  @ApiProperty() archived: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class QuestionQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only questions of this category' })
  @IsOptional()
  @IsUUID('all', { message: 'categoryId harus UUID' })
  categoryId?: string;

  @ApiPropertyOptional({ enum: QUESTION_KINDS }) @IsOptional() @IsIn(QUESTION_KINDS) kind?: QuestionKind;

  @ApiPropertyOptional({ description: 'Include archived questions', default: false })
  @IsOptional()
  @Transform(({ value }) => value === true || value === 'true' || value === '1')
  @IsBoolean()
  includeArchived?: boolean;
}

class QuestionFields {
  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'A category of the same course; null for none',
  })
  @IsOptional()
  @IsUUID('all', { message: 'categoryId harus UUID' })
  categoryId?: string | null;

  @ApiPropertyOptional({
    type: [QuestionOptionDto],
    description: 'Options (single, multiple), left/right items (matching) or items (ordering); [] otherwise',
  })
  @IsOptional()
  @IsArray({ message: 'options harus daftar' })
  @ArrayMaxSize(50, { message: 'options maksimal 50' })
  @ValidateNested({ each: true })
  @Type(() => QuestionOptionDto)
  options?: QuestionOptionDto[];

  @ApiPropertyOptional({ description: ANSWER_KEY_DOC, nullable: true, type: 'object', additionalProperties: true })
  @Allow()
  @JsonSizeMax('answerKey', { maxItems: 100, maxChars: 50_000 })
  answerKey?: unknown;

  @ApiPropertyOptional({ nullable: true, type: String, example: 'Lihat Pembukaan UUD 1945 alinea keempat.' })
  @IsOptional()
  @IsString()
  @MaxLength(5000, { message: 'feedback maksimal 5000 karakter' })
  feedback?: string | null;
}

export class CreateQuestionDto extends QuestionFields {
  @ApiProperty({ enum: QUESTION_KINDS })
  @IsIn(QUESTION_KINDS, { message: `kind harus salah satu dari ${QUESTION_KINDS.join(', ')}` })
  kind: QuestionKind;

  @ApiProperty({ example: 'Dasar negara Republik Indonesia adalah …' })
  @IsString()
  @MinLength(1, { message: 'prompt wajib diisi' })
  @MaxLength(10000, { message: 'prompt maksimal 10000 karakter' })
  prompt: string;

  @ApiProperty({ example: 2, minimum: 0.01, maximum: 9999.99 })
  @IsNumber(
    { maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false },
    { message: 'points harus angka dengan maks. 2 desimal' },
  )
  @Min(0.01, { message: 'points harus lebih dari 0' })
  @Max(9999.99, { message: 'points maksimal 9999,99' })
  points: number;
}

export class UpdateQuestionDto extends QuestionFields {
  @ApiPropertyOptional({ enum: QUESTION_KINDS })
  @IsOptional()
  @IsIn(QUESTION_KINDS, { message: `kind harus salah satu dari ${QUESTION_KINDS.join(', ')}` })
  kind?: QuestionKind;
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1, { message: 'prompt wajib diisi' })
  @MaxLength(10000)
  prompt?: string;

  @ApiPropertyOptional({ minimum: 0.01, maximum: 9999.99 })
  @IsOptional()
  @IsNumber(
    { maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false },
    { message: 'points harus angka dengan maks. 2 desimal' },
  )
  @Min(0.01, { message: 'points harus lebih dari 0' })
  @Max(9999.99)
  points?: number;

  @ApiPropertyOptional({ description: 'Archive (true) or restore (false)' })
  @IsOptional()
  @IsBoolean()
  archived?: boolean;
}

// ---- quizzes -----------------------------------------------------------------------------------

export class DrawRuleDto {
  @ApiProperty({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'A category of the course; null draws from uncategorised questions',
  })
  @IsOptional()
  @IsUUID('all', { message: 'draw.categoryId harus UUID' })
  categoryId: string | null;

  @ApiProperty({ example: 5, minimum: 1, maximum: 500 })
  @IsInt({ message: 'draw.count harus bilangan bulat' })
  @Min(1, { message: 'draw.count minimal 1' })
  @Max(500, { message: 'draw.count maksimal 500' })
  count: number;
}

/** Settings as sent: every field optional (a PATCH changes only what it names; null clears an optional limit). */
export class QuizSettingsInputDto {
  @ApiPropertyOptional({ enum: QUIZ_ROLES, default: 'quiz' })
  @IsOptional()
  @IsIn(QUIZ_ROLES, { message: 'role harus quiz, pre_test atau post_test' })
  role?: QuizRole;

  @ApiPropertyOptional({
    type: [DrawRuleDto],
    description: 'Draw N questions at random per category; [] asks the whole bank',
  })
  @IsOptional()
  @IsArray({ message: 'draw harus daftar' })
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => DrawRuleDto)
  draw?: DrawRuleDto[];

  @ApiPropertyOptional({ default: false }) @IsOptional() @IsBoolean() shuffleOptions?: boolean;

  @ApiPropertyOptional({
    nullable: true,
    type: Number,
    minimum: 60,
    maximum: 86400,
    example: 1800,
    description: 'null: no time limit',
  })
  @IsOptional()
  @IsInt({ message: 'timeLimitSeconds harus bilangan bulat' })
  @Min(60, { message: 'timeLimitSeconds minimal 60' })
  @Max(86400, { message: 'timeLimitSeconds maksimal 86400 (24 jam)' })
  timeLimitSeconds?: number | null;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    format: 'date-time',
    example: '2026-12-05T08:00:00+08:00',
    description: `When attempts may start; null: at once. ${DATE_TIME_WITH_OFFSET_DOC}`,
  })
  @IsOptional()
  @IsIsoDateTimeWithOffset('opensAt')
  opensAt?: string | null;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    format: 'date-time',
    example: '2026-12-12T16:00:00+08:00',
    description: `When attempts may no longer start (and an open attempt's deadline at the latest); null: never. ${DATE_TIME_WITH_OFFSET_DOC}`,
  })
  @IsOptional()
  @IsIsoDateTimeWithOffset('closesAt')
  closesAt?: string | null;

  @ApiPropertyOptional({
    nullable: true,
    type: Number,
    minimum: 1,
    maximum: 100,
    description: 'null: unlimited attempts',
  })
  @IsOptional()
  @IsInt({ message: 'maxAttempts harus bilangan bulat' })
  @Min(1, { message: 'maxAttempts minimal 1' })
  @Max(100, { message: 'maxAttempts maksimal 100' })
  maxAttempts?: number | null;

  @ApiPropertyOptional({ minimum: 0, maximum: 100, default: 70 })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2 }, { message: 'passPercent harus angka' })
  @Min(0, { message: 'passPercent minimal 0' })
  @Max(100, { message: 'passPercent maksimal 100' })
  passPercent?: number;

  @ApiPropertyOptional({ enum: GRADING_METHODS, default: 'highest' })
  @IsOptional()
  @IsIn(GRADING_METHODS, { message: 'gradingMethod harus highest, last atau average' })
  gradingMethod?: GradingMethod;
  @ApiPropertyOptional({ enum: REVIEW_POLICIES, default: 'after_submit' })
  @IsOptional()
  @IsIn(REVIEW_POLICIES, { message: `reviewPolicy harus salah satu dari ${REVIEW_POLICIES.join(', ')}` })
  reviewPolicy?: ReviewPolicy;
}

export class DrawRuleViewDto {
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) categoryId: string | null;
  @ApiProperty({ example: 5 }) count: number;
}

export class QuizSettingsDto {
  @ApiProperty({ enum: QUIZ_ROLES }) role: QuizRole;
  @ApiProperty({ type: [DrawRuleViewDto] }) draw: DrawRuleViewDto[];
  @ApiProperty() shuffleOptions: boolean;
  @ApiProperty({ nullable: true, type: Number }) timeLimitSeconds: number | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) opensAt: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) closesAt: string | null;
  @ApiProperty({ nullable: true, type: Number }) maxAttempts: number | null;
  @ApiProperty({ example: 70 }) passPercent: number;
  @ApiProperty({ enum: GRADING_METHODS }) gradingMethod: GradingMethod;
  @ApiProperty({ enum: REVIEW_POLICIES }) reviewPolicy: ReviewPolicy;
}

export class QuizDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) courseId: string;
  @ApiProperty({ example: 'Post-test Etika Pelayanan Publik' }) title: string;
  @ApiProperty({ type: QuizSettingsDto }) settings: QuizSettingsDto;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class CreateQuizDto {
  @ApiProperty({ example: 'Post-test Etika Pelayanan Publik' })
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'title wajib diisi' })
  @MaxLength(200, { message: 'title maksimal 200 karakter' })
  title: string;

  @ApiPropertyOptional({ type: QuizSettingsInputDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => QuizSettingsInputDto)
  settings?: QuizSettingsInputDto;
}

export class UpdateQuizDto {
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'title wajib diisi' })
  @MaxLength(200)
  title?: string;
  @ApiPropertyOptional({ type: QuizSettingsInputDto, description: 'Only the fields sent change' })
  @IsOptional()
  @ValidateNested()
  @Type(() => QuizSettingsInputDto)
  settings?: QuizSettingsInputDto;
}
