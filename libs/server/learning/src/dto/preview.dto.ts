import { ApiExtraModels, ApiProperty, getSchemaPath } from '@nestjs/swagger';
import {
  COURSE_STATUSES,
  LESSON_KINDS,
  QUESTION_KINDS,
  type AnswerKey,
  type CourseStatus,
  type LessonContent,
  type LessonKind,
  type QuestionKind,
  type QuizSettings,
} from '@kompeten/shared-contracts';
import { CompletionRuleDto, CONTENT_MODELS, CONTENT_SCHEMA } from './course.dto';

class PreviewLessonDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Apa itu BerAKHLAK?' }) title: string;
  @ApiProperty({ enum: LESSON_KINDS }) kind: LessonKind;
  @ApiProperty({ description: 'Required by the completion rule, as the learner’s player marks it' }) required: boolean;
  @ApiProperty(CONTENT_SCHEMA) content: LessonContent;
}

class PreviewModuleDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Nilai Dasar ASN' }) title: string;
  @ApiProperty({ type: [PreviewLessonDto] }) lessons: PreviewLessonDto[];
}

class PreviewOptionDto {
  @ApiProperty({ example: 'a' }) id: string;
  @ApiProperty({ example: 'Berorientasi Pelayanan' }) text: string;
  @ApiProperty({ enum: ['left', 'right'], required: false, description: 'Matching questions only' }) side?:
    'left' | 'right';
}

class PreviewQuestionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) categoryId: string | null;
  @ApiProperty({ enum: QUESTION_KINDS }) kind: QuestionKind;
  @ApiProperty({
    description: 'Sanitised HTML, or plain text for a prompt written before the editor (shown as paragraphs)',
  })
  prompt: string;
  @ApiProperty({ example: 1 }) points: number;
  @ApiProperty({ type: [PreviewOptionDto] }) options: PreviewOptionDto[];
  @ApiProperty({
    nullable: true,
    type: 'object',
    additionalProperties: true,
    description:
      'The scoring key (authors and reviewers only): {correct}, {accepted}, {value, tolerance}, {pairs} or {order} by kind; null for essays',
  })
  answerKey: AnswerKey;
  @ApiProperty({ nullable: true, type: String }) feedback: string | null;
}

class PreviewQuizDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Post-test BerAKHLAK' }) title: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      'Quiz settings as publishing would freeze them: role, draw, shuffleOptions, timeLimitSeconds, opensAt, closesAt, maxAttempts, passPercent, gradingMethod, reviewPolicy',
  })
  settings: QuizSettings;
  @ApiProperty({ example: 10, description: 'Questions a learner gets per attempt' }) questionsPerAttempt: number;
  @ApiProperty({ type: [PreviewQuestionDto], description: 'The whole pool attempts are drawn from, with keys' })
  questions: PreviewQuestionDto[];
  @ApiProperty({
    nullable: true,
    type: String,
    example: 'Kuis belum siap diterbitkan: kuis "Post-test" belum punya soal',
    description: 'Why the quiz cannot be published as it is, or null',
  })
  problem: string | null;
}

class PreviewViewerDto {
  @ApiProperty() isAuthor: boolean;
  @ApiProperty({ description: 'A widyaiswara or admin of the course’s agency' }) isReviewer: boolean;
  @ApiProperty({ description: 'A reviewer who is not an author (may publish once it is in review)' })
  canReview: boolean;
}

@ApiExtraModels(...CONTENT_MODELS, PreviewQuizDto)
export class CoursePreviewDto {
  @ApiProperty({ format: 'uuid' }) courseId: string;
  @ApiProperty({ example: 'Melayani dengan BerAKHLAK' }) title: string;
  @ApiProperty({ description: 'Sanitised HTML' }) description: string;
  @ApiProperty({ type: [String] }) objectives: string[];
  @ApiProperty({ example: 4 }) jp: number;
  @ApiProperty({ enum: COURSE_STATUSES }) status: CourseStatus;
  @ApiProperty({ nullable: true, type: Number, description: 'The live version, if any; the preview shows the draft' })
  currentVersionNo: number | null;
  @ApiProperty({ type: CompletionRuleDto }) completionRule: CompletionRuleDto;
  @ApiProperty({ type: [PreviewModuleDto] }) modules: PreviewModuleDto[];
  @ApiProperty({
    type: 'object',
    additionalProperties: { $ref: getSchemaPath(PreviewQuizDto) },
    description: 'Keyed by quiz id: every quiz a quiz lesson of the draft uses',
  })
  quizzes: Record<string, PreviewQuizDto>;
  @ApiProperty({ type: PreviewViewerDto }) viewer: PreviewViewerDto;
}
