import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  isUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateBy,
  ValidateNested,
} from 'class-validator';
import {
  COMPETENCY_KINDS,
  LATIHAN_STRUKTURAL,
  COURSE_AUTHOR_INVITATION_STATUSES,
  COURSE_AUTHOR_ROLES,
  COURSE_FILE_PURPOSES,
  COURSE_LEVELS,
  COURSE_REVIEW_ACTIONS,
  COURSE_STATUSES,
  COURSE_VISIBILITIES,
  ENROLMENT_MODES,
  LEARNING_METHODS,
  LESSON_KINDS,
  type CompetencyKind,
  type CourseAuthorInvitationStatus,
  type CourseAuthorRole,
  type CourseFilePurpose,
  type CourseLevel,
  type CourseReviewAction,
  type CourseStatus,
  type CourseVisibility,
  type EnrolmentMode,
  type LearningMethod,
  type LessonContent,
  type LessonKind,
} from '@kompeten/shared-contracts';
import { PageQueryDto, SearchPageQueryDto } from '@kompeten/server-core';
import {
  AssignmentContentDto,
  DocumentContentDto,
  FileContentDto,
  LinkContentDto,
  LiveContentDto,
  QuizContentDto,
  TextContentDto,
  VideoContentDto,
} from './lesson-content.dto';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const trimAll = ({ value }: { value: unknown }) =>
  Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v.trim() : v)) : value;
const isRequiredLessons = (v: unknown) =>
  v === 'all' || (Array.isArray(v) && v.length <= 500 && v.every((x) => typeof x === 'string' && isUUID(x)));
const oneOf = (name: string, values: readonly string[]) => ({
  message: `${name} harus salah satu dari ${values.join(', ')}`,
});

export const CONTENT_MODELS = [
  TextContentDto,
  VideoContentDto,
  DocumentContentDto,
  FileContentDto,
  LinkContentDto,
  QuizContentDto,
  AssignmentContentDto,
  LiveContentDto,
];
export const CONTENT_SCHEMA = {
  description:
    'Depends on `kind`: text {html}, video {fileId | url, durationSeconds?, completeAtRatio?}, document {fileId}, file {fileId}, link {url}, quiz {quizId}, assignment {instructions, maxScore, passScore}, live {startsAt, endsAt (date-times with an offset), joinUrl}',
  oneOf: CONTENT_MODELS.map((m) => ({ $ref: getSchemaPath(m) })),
};

// ---- responses ---------------------------------------------------------------------------------

export class CourseSummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) agencyId: string;
  @ApiProperty({ example: 'Pemerintah Provinsi Nusa Tenggara Barat' }) agencyName: string;
  @ApiProperty({ example: 'Melayani dengan BerAKHLAK' }) title: string;
  @ApiProperty({ description: 'Sanitised HTML' }) description: string;
  @ApiProperty({ enum: COMPETENCY_KINDS }) competencyKind: CompetencyKind;
  @ApiProperty({ enum: LEARNING_METHODS }) learningMethod: LearningMethod;
  @ApiProperty({ example: 16, description: 'SIASN jenisDiklatId (16 = E-Learning)' }) jenisDiklatId: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    example: null,
    enum: LATIHAN_STRUKTURAL.map((l) => l.id),
    description: `SIASN latihanStrukturalId of structural leadership training (jenisDiklatId 1), else null: ${LATIHAN_STRUKTURAL.map((l) => `${l.id} ${l.name}`).join('; ')}`,
  })
  latihanStrukturalId: number | null;
  @ApiProperty({ example: 4, description: 'JP of the draft (on versions: the JP of that version)' }) jp: number;
  @ApiProperty({ enum: COURSE_LEVELS }) level: CourseLevel;
  @ApiProperty({ type: [String], example: ['berakhlak', 'pelayanan publik'] }) tags: string[];
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) coverFileId: string | null;
  @ApiProperty({ enum: COURSE_VISIBILITIES }) visibility: CourseVisibility;
  @ApiProperty({ enum: ENROLMENT_MODES }) enrolmentMode: EnrolmentMode;
  @ApiProperty({
    enum: COURSE_STATUSES,
    description: 'Workflow state of the draft; the course is live while currentVersionId is set and it is not archived',
  })
  status: CourseStatus;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) currentVersionId: string | null;
  @ApiProperty({ nullable: true, type: Number, example: 1 }) currentVersionNo: number | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class CourseAuthorDto {
  @ApiProperty({ format: 'uuid' }) employeeId: string;
  @ApiProperty({ example: 'Dr. Nurhayati Rahman, S.Pd., M.Pd.' }) name: string;
  @ApiProperty({ example: '197803152005012002' }) nip: string;
  @ApiProperty({ enum: COURSE_AUTHOR_ROLES }) role: CourseAuthorRole;
}

@ApiExtraModels(...CONTENT_MODELS)
export class CourseLessonDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) moduleId: string;
  @ApiProperty({ example: 1 }) position: number;
  @ApiProperty({ enum: LESSON_KINDS }) kind: LessonKind;
  @ApiProperty({ example: 'Apa itu BerAKHLAK?' }) title: string;
  @ApiProperty() required: boolean;
  @ApiProperty(CONTENT_SCHEMA) content: LessonContent;
}

export class CourseModuleDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 1 }) position: number;
  @ApiProperty({ example: 'Modul 1: Nilai Dasar ASN' }) title: string;
  @ApiProperty({ type: [CourseLessonDto] }) lessons: CourseLessonDto[];
}

export class CourseVersionSummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 1 }) versionNo: number;
  @ApiProperty({ example: 4 }) jp: number;
  @ApiProperty() requiresUpgrade: boolean;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) publishedBy: string | null;
  @ApiProperty({ format: 'date-time' }) publishedAt: string;
}

export class CourseFileDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) courseId: string;
  @ApiProperty({ enum: COURSE_FILE_PURPOSES }) purpose: CourseFilePurpose;
  @ApiProperty({ example: 'modul-berakhlak.pdf' }) fileName: string;
  @ApiProperty({ example: 'application/pdf' }) mime: string;
  @ApiProperty({ example: 482113 }) size: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class CourseReviewEventDto {
  @ApiProperty({ enum: COURSE_REVIEW_ACTIONS }) action: CourseReviewAction;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) actorUserId: string | null;
  @ApiProperty({ nullable: true, type: String }) actorName: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'Tambahkan tujuan pembelajaran modul 2.' }) note: string | null;
  @ApiProperty({ format: 'date-time' }) at: string;
}

class CoursePermissionsDto {
  @ApiProperty() edit: boolean;
  @ApiProperty({
    description:
      'Submit for review: an author or admin, the course a draft or published, and something changed since its live version (a published course with no change has nothing to review)',
  })
  submit: boolean;
  @ApiProperty() review: boolean;
  @ApiProperty() manageAuthors: boolean;
  @ApiProperty() archive: boolean;
}

function isLessonMinutes(v: unknown): boolean {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return false;
  const entries = Object.entries(v as Record<string, unknown>);
  return (
    entries.length <= 500 &&
    entries.every(([id, n]) => isUUID(id) && typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= 600)
  );
}

export class CompletionRuleDto {
  @ApiProperty({
    oneOf: [
      { type: 'string', enum: ['all'] },
      { type: 'array', items: { type: 'string', format: 'uuid' } },
    ],
    example: 'all',
    description: '"all" or the ids of the lessons that must be completed',
  })
  @ValidateBy({
    name: 'requiredLessons',
    validator: {
      validate: isRequiredLessons,
      defaultMessage: () => 'completionRule.requiredLessons harus "all" atau daftar id pelajaran (UUID)',
    },
  })
  requiredLessons: 'all' | string[];
  @ApiPropertyOptional({ type: [String], description: 'Quiz lessons whose grade must reach the quiz pass mark' })
  @IsOptional()
  @IsArray()
  @IsUUID('all', { each: true, message: 'completionRule.passQuizzes harus berisi id pelajaran (UUID)' })
  @ArrayMaxSize(200)
  passQuizzes?: string[];
  @ApiPropertyOptional({ example: 70, minimum: 0, maximum: 100 })
  @IsOptional()
  @IsNumber({}, { message: 'completionRule.minPostTestPercent harus angka' })
  @Min(0)
  @Max(100, { message: 'completionRule.minPostTestPercent maksimal 100' })
  minPostTestPercent?: number;
  @ApiPropertyOptional({ type: [String], description: 'Assignment lessons that must be graded as passed' })
  @IsOptional()
  @IsArray()
  @IsUUID('all', { each: true, message: 'completionRule.passAssignments harus berisi id pelajaran (UUID)' })
  @ArrayMaxSize(200)
  passAssignments?: string[];
  @ApiPropertyOptional({ example: 1, minimum: 0 })
  @IsOptional()
  @IsInt({ message: 'completionRule.minLiveAttendance harus bilangan bulat' })
  @Min(0)
  @Max(1000)
  minLiveAttendance?: number;
  @ApiPropertyOptional({
    example: 180,
    minimum: 1,
    maximum: 6000,
    description: 'Minimum learning time credited over the whole course, in minutes (1 JP = 45 minutes)',
  })
  @IsOptional()
  @IsInt({ message: 'completionRule.minMinutes harus bilangan bulat (menit)' })
  @Min(1, { message: 'completionRule.minMinutes minimal 1' })
  @Max(6000, { message: 'completionRule.minMinutes maksimal 6000' })
  minMinutes?: number;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'integer', minimum: 1, maximum: 600 },
    example: { '3f2c9a1e-6b1d-4c55-9a47-2d1f7e0c8b10': 10 },
    description: 'Minimum time per lesson in minutes, by lesson id: the lesson is not completed before it is met',
  })
  @IsOptional()
  @ValidateBy({
    name: 'lessonMinMinutes',
    validator: {
      validate: isLessonMinutes,
      defaultMessage: () =>
        'completionRule.lessonMinMinutes harus objek {idPelajaran: menit} dengan menit bilangan bulat 1–600',
    },
  })
  lessonMinMinutes?: Record<string, number>;
}

export class CourseDetailDto extends CourseSummaryDto {
  @ApiProperty({ type: [String], example: ['Menjelaskan nilai dasar BerAKHLAK'] }) objectives: string[];
  @ApiProperty({ type: [String], format: 'uuid' }) prerequisiteCourseIds: string[];
  @ApiProperty({ type: CompletionRuleDto }) completionRule: CompletionRuleDto;
  @ApiProperty({ type: [CourseModuleDto] }) modules: CourseModuleDto[];
  @ApiProperty({ type: [CourseAuthorDto] }) authors: CourseAuthorDto[];
  @ApiProperty({ type: [CourseVersionSummaryDto] }) versions: CourseVersionSummaryDto[];
  @ApiProperty({ type: [CourseFileDto] }) files: CourseFileDto[];
  @ApiProperty({ type: [CourseReviewEventDto] }) reviewEvents: CourseReviewEventDto[];
  @ApiProperty({ type: CoursePermissionsDto }) can: CoursePermissionsDto;
}

class CatalogAuthorDto {
  @ApiProperty() name: string;
  @ApiProperty({ enum: COURSE_AUTHOR_ROLES }) role: CourseAuthorRole;
}

class CatalogLessonDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: LESSON_KINDS }) kind: LessonKind;
  @ApiProperty() required: boolean;
}

class CatalogModuleDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty({ type: [CatalogLessonDto] }) lessons: CatalogLessonDto[];
}

export class CatalogCourseDetailDto extends CourseSummaryDto {
  @ApiProperty({ type: [String] }) objectives: string[];
  @ApiProperty({ type: [String], format: 'uuid' }) prerequisiteCourseIds: string[];
  @ApiProperty({ type: [CatalogAuthorDto] }) authors: CatalogAuthorDto[];
  @ApiProperty({ type: [CatalogModuleDto], description: 'Outline of the live version: titles and kinds only' })
  outline: CatalogModuleDto[];
  @ApiProperty({
    nullable: true,
    type: String,
    example: 'active',
    description: "The caller's enrolment status in this course, if any",
  })
  enrolmentStatus: string | null;
}

// ---- requests ----------------------------------------------------------------------------------

class CourseFields {
  @ApiPropertyOptional({
    description: 'HTML; sanitised on save',
    example: '<p>Pelatihan nilai dasar ASN BerAKHLAK untuk pelayanan publik.</p>',
  })
  @IsOptional()
  @IsString()
  @MaxLength(20_000, { message: 'description maksimal 20000 karakter' })
  description?: string;
  @ApiPropertyOptional({
    type: [String],
    example: ['Menjelaskan nilai dasar BerAKHLAK', 'Menerapkan orientasi pelayanan'],
  })
  @IsOptional()
  @Transform(trimAll)
  @IsArray({ message: 'objectives harus daftar teks' })
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(500, { each: true })
  @ArrayMaxSize(30)
  objectives?: string[];
  @ApiPropertyOptional({ enum: COMPETENCY_KINDS, default: 'teknis' })
  @IsOptional()
  @IsIn(COMPETENCY_KINDS, oneOf('competencyKind', COMPETENCY_KINDS))
  competencyKind?: CompetencyKind;
  @ApiPropertyOptional({ enum: LEARNING_METHODS, default: 'e_learning' })
  @IsOptional()
  @IsIn(LEARNING_METHODS, oneOf('learningMethod', LEARNING_METHODS))
  learningMethod?: LearningMethod;
  @ApiPropertyOptional({
    example: 16,
    minimum: 1,
    maximum: 25,
    default: 16,
    description: 'SIASN jenisDiklatId (DOMAIN.md §6)',
  })
  @IsOptional()
  @IsInt({ message: 'jenisDiklatId harus bilangan bulat' })
  @Min(1, { message: 'jenisDiklatId 1–25' })
  @Max(25, { message: 'jenisDiklatId 1–25' })
  jenisDiklatId?: number;
  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    example: 3,
    minimum: 1,
    maximum: 8,
    description: `SIASN latihanStrukturalId: required when jenisDiklatId is 1 (structural leadership training, pushed to /diklat/save), refused otherwise; null clears it. ${LATIHAN_STRUKTURAL.map((l) => `${l.id} ${l.name}`).join('; ')}`,
  })
  @IsOptional()
  @IsInt({ message: 'latihanStrukturalId harus bilangan bulat' })
  @Min(1, { message: 'latihanStrukturalId 1–8' })
  @Max(8, { message: 'latihanStrukturalId 1–8' })
  latihanStrukturalId?: number | null;
  @ApiPropertyOptional({ enum: COURSE_LEVELS, default: 'dasar' })
  @IsOptional()
  @IsIn(COURSE_LEVELS, oneOf('level', COURSE_LEVELS))
  level?: CourseLevel;
  @ApiPropertyOptional({ type: [String], example: ['berakhlak', 'pelayanan publik'] })
  @IsOptional()
  @Transform(trimAll)
  @IsArray({ message: 'tags harus daftar teks' })
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(50, { each: true })
  @ArrayMaxSize(20)
  @ArrayUnique()
  tags?: string[];
  @ApiPropertyOptional({ enum: COURSE_VISIBILITIES, default: 'agency' })
  @IsOptional()
  @IsIn(COURSE_VISIBILITIES, oneOf('visibility', COURSE_VISIBILITIES))
  visibility?: CourseVisibility;
  @ApiPropertyOptional({ enum: ENROLMENT_MODES, default: 'open' })
  @IsOptional()
  @IsIn(ENROLMENT_MODES, oneOf('enrolmentMode', ENROLMENT_MODES))
  enrolmentMode?: EnrolmentMode;
  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Courses to complete first' })
  @IsOptional()
  @IsArray()
  @IsUUID('all', { each: true, message: 'prerequisiteCourseIds harus berisi UUID' })
  @ArrayUnique()
  @ArrayMaxSize(20)
  prerequisiteCourseIds?: string[];
  @ApiPropertyOptional({ type: CompletionRuleDto })
  @IsOptional()
  @IsObject({ message: 'completionRule harus objek' })
  @ValidateNested()
  @Type(() => CompletionRuleDto)
  completionRule?: CompletionRuleDto;
}

export class CreateCourseDto extends CourseFields {
  @ApiProperty({ example: 'Melayani dengan BerAKHLAK' })
  @Transform(trim)
  @IsString({ message: 'title harus teks' })
  @MinLength(3, { message: 'title minimal 3 karakter' })
  @MaxLength(200, { message: 'title maksimal 200 karakter' })
  title: string;
  @ApiProperty({ example: 4, description: 'JP (1 JP = 45 minutes), > 0, one decimal' })
  @IsNumber({ maxDecimalPlaces: 1 }, { message: 'jp harus angka dengan paling banyak satu desimal' })
  @Min(0.1, { message: 'jp harus lebih dari 0' })
  @Max(9999, { message: 'jp maksimal 9999' })
  jp: number;
  @ApiPropertyOptional({
    format: 'uuid',
    description: "Owning agency; defaults to the agency of the caller's widyaiswara (or admin) role",
  })
  @IsOptional()
  @IsUUID('all', { message: 'agencyId harus UUID' })
  agencyId?: string;
}

export class UpdateCourseDto extends CourseFields {
  @ApiPropertyOptional({ example: 'Melayani dengan BerAKHLAK' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MinLength(3, { message: 'title minimal 3 karakter' })
  @MaxLength(200, { message: 'title maksimal 200 karakter' })
  title?: string;
  @ApiPropertyOptional({ example: 4 })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 1 }, { message: 'jp harus angka dengan paling banyak satu desimal' })
  @Min(0.1, { message: 'jp harus lebih dari 0' })
  @Max(9999, { message: 'jp maksimal 9999' })
  jp?: number;
  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'A course file of purpose "cover"; null removes it',
  })
  @IsOptional()
  @IsUUID('all', { message: 'coverFileId harus UUID' })
  coverFileId?: string | null;
}

export class CourseQueryDto extends SearchPageQueryDto {
  @ApiPropertyOptional({ enum: COURSE_STATUSES })
  @IsOptional()
  @IsIn(COURSE_STATUSES, oneOf('status', COURSE_STATUSES))
  status?: CourseStatus;
}

export class CatalogQueryDto extends SearchPageQueryDto {
  @ApiPropertyOptional({ enum: COMPETENCY_KINDS })
  @IsOptional()
  @IsIn(COMPETENCY_KINDS, oneOf('competencyKind', COMPETENCY_KINDS))
  competencyKind?: CompetencyKind;
  @ApiPropertyOptional({ enum: LEARNING_METHODS })
  @IsOptional()
  @IsIn(LEARNING_METHODS, oneOf('learningMethod', LEARNING_METHODS))
  learningMethod?: LearningMethod;
  @ApiPropertyOptional({ example: 2 })
  @IsOptional()
  @Type(() => Number)
  @IsNumber({}, { message: 'jpMin harus angka' })
  @Min(0)
  jpMin?: number;
  @ApiPropertyOptional({ example: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsNumber({}, { message: 'jpMax harus angka' })
  @Min(0)
  jpMax?: number;
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'agencyId harus UUID' })
  agencyId?: string;
  @ApiPropertyOptional({ enum: COURSE_LEVELS })
  @IsOptional()
  @IsIn(COURSE_LEVELS, oneOf('level', COURSE_LEVELS))
  level?: CourseLevel;
}

export class AddAuthorDto {
  @ApiProperty({ format: 'uuid', description: 'The ASN to add as co-author' })
  @IsUUID('all', { message: 'employeeId harus UUID' })
  employeeId: string;
}

export class ModuleDto {
  @ApiProperty({ example: 'Modul 1: Nilai Dasar ASN' })
  @Transform(trim)
  @IsString({ message: 'title harus teks' })
  @MinLength(1, { message: 'title tidak boleh kosong' })
  @MaxLength(200, { message: 'title maksimal 200 karakter' })
  title: string;
}

@ApiExtraModels(...CONTENT_MODELS)
export class CreateLessonDto {
  @ApiProperty({ example: 'Apa itu BerAKHLAK?' })
  @Transform(trim)
  @IsString({ message: 'title harus teks' })
  @MinLength(1, { message: 'title tidak boleh kosong' })
  @MaxLength(200, { message: 'title maksimal 200 karakter' })
  title: string;
  @ApiProperty({ enum: LESSON_KINDS }) @IsIn(LESSON_KINDS, oneOf('kind', LESSON_KINDS)) kind: LessonKind;
  @ApiPropertyOptional({ default: true, description: 'Counts toward completion' })
  @IsOptional()
  @IsBoolean({ message: 'required harus boolean' })
  required?: boolean;
  @ApiProperty(CONTENT_SCHEMA) @IsObject({ message: 'content harus objek' }) content: Record<string, unknown>;
}

@ApiExtraModels(...CONTENT_MODELS)
export class UpdateLessonDto {
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'title tidak boleh kosong' })
  @MaxLength(200, { message: 'title maksimal 200 karakter' })
  title?: string;
  @ApiPropertyOptional({ enum: LESSON_KINDS, description: 'Changing the kind needs new content' })
  @IsOptional()
  @IsIn(LESSON_KINDS, oneOf('kind', LESSON_KINDS))
  kind?: LessonKind;
  @ApiPropertyOptional() @IsOptional() @IsBoolean({ message: 'required harus boolean' }) required?: boolean;
  @ApiPropertyOptional(CONTENT_SCHEMA) @IsOptional() @IsObject({ message: 'content harus objek' }) content?: Record<
    string,
    unknown
  >;
}

export class OutlineModuleDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID('all', { message: 'modules[].id harus UUID' }) id: string;
  @ApiProperty({
    type: [String],
    format: 'uuid',
    description: 'Every lesson of this module after the change, in order (lessons may come from other modules)',
  })
  @IsArray()
  @IsUUID('all', { each: true, message: 'modules[].lessonIds harus berisi UUID' })
  @ArrayMaxSize(500)
  lessonIds: string[];
}

export class OutlineDto {
  @ApiProperty({
    type: [OutlineModuleDto],
    description: 'Every module of the course in its new order, each with all its lessons in order',
  })
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => OutlineModuleDto)
  modules: OutlineModuleDto[];
}

export class UploadCourseFileDto {
  @ApiProperty({
    type: 'string',
    format: 'binary',
    description:
      'cover: JPEG/PNG/WebP ≤ 5 MB; video: MP4/WebM ≤ 500 MB; document: PDF ≤ 50 MB; file: PDF/Office/ZIP/image/text ≤ 50 MB; assignment: PDF/Office/ZIP ≤ 20 MB',
  })
  file: unknown;
  @ApiProperty({ enum: COURSE_FILE_PURPOSES })
  @IsIn(COURSE_FILE_PURPOSES, oneOf('purpose', COURSE_FILE_PURPOSES))
  purpose: CourseFilePurpose;
}

export class PublishDto {
  @ApiPropertyOptional({
    default: false,
    description: 'Move active enrolments to the new version (progress on lessons that still exist is kept)',
  })
  @IsOptional()
  @IsBoolean({ message: 'requiresUpgrade harus boolean' })
  requiresUpgrade?: boolean;
  @ApiPropertyOptional({ example: 'Materi sudah sesuai kurikulum.' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class ReturnDto {
  @ApiProperty({ example: 'Tambahkan tujuan pembelajaran modul 2.' })
  @Transform(trim)
  @IsString({ message: 'note harus teks' })
  @MinLength(3, { message: 'note minimal 3 karakter: jelaskan apa yang perlu diperbaiki' })
  @MaxLength(2000)
  note: string;
}

export class SubmitReviewDto {
  @ApiPropertyOptional({ example: 'Siap ditinjau.' }) @IsOptional() @IsString() @MaxLength(2000) note?: string;
}

// ---- co-author invitations (issue 12, decision 0013) -------------------------------------------

export class InviteAuthorDto {
  @ApiProperty({
    example: '199004172019032005',
    description: '18-digit NIP of the ASN of another agency to invite as co-author',
  })
  @Transform(trim)
  @IsString({ message: 'nip harus teks' })
  @Matches(/^\d{18}$/, { message: 'nip harus 18 digit angka' })
  nip: string;
}

export class AuthorInvitationQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: COURSE_AUTHOR_INVITATION_STATUSES, default: 'pending' })
  @IsOptional()
  @IsIn(COURSE_AUTHOR_INVITATION_STATUSES, oneOf('status', COURSE_AUTHOR_INVITATION_STATUSES))
  status?: CourseAuthorInvitationStatus;
}

export class CourseAuthorInvitationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) courseId: string;
  @ApiProperty({
    example: '199004172019032005',
    description: 'The NIP the inviter typed; nothing else about the invitee is shown to it',
  })
  nip: string;
  @ApiProperty({ enum: COURSE_AUTHOR_INVITATION_STATUSES }) status: CourseAuthorInvitationStatus;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) decidedAt: string | null;
}

export class IncomingAuthorInvitationDto extends CourseAuthorInvitationDto {
  @ApiProperty({ example: 'Pelayanan Publik Prima' }) courseTitle: string;
  @ApiProperty({ example: 'Pemerintah Kota Mataram' }) courseAgencyName: string;
  @ApiProperty({ format: 'uuid' }) employeeId: string;
  @ApiProperty({ example: 'Sri Wahyuni, S.E.' }) employeeName: string;
  @ApiProperty({ nullable: true, type: String }) invitedByName: string | null;
}
