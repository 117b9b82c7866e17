import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import {
  AGENCY_TIME_ZONES,
  COURSE_REPORT_STATUSES,
  ENROLMENT_SOURCES,
  ENROLMENT_STATUSES,
  LESSON_KINDS,
  LESSON_PROGRESS_STATUSES,
  PROGRESS_EVENTS,
  REPORT_FORMATS,
  SUBMISSION_FILTERS,
  type AgencyTimeZone,
  type CourseReportStatusFilter,
  type EnrolmentSource,
  type EnrolmentStatus,
  type LessonKind,
  type LessonProgressStatus,
  type ProgressEvent,
  type ReportFormat,
  type SubmissionFilter,
} from '@kompeten/shared-contracts';
import {
  DATE_TIME_WITH_OFFSET_DOC,
  IsCalendarDate,
  IsIsoDateTimeWithOffset,
  JsonSizeMax,
  PageMetaDto,
  PageQueryDto,
} from '@kompeten/server-core';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

// ---- responses ---------------------------------------------------------------------------------

/** The due-date fields every enrolment shape states (decision 0015), documented once. */
const DUE_DOC = {
  dueAt: {
    format: 'date-time',
    nullable: true,
    type: String,
    example: '2026-12-31T23:59:59+08:00',
    description:
      'The due instant, stated with the offset of the zone it was set in (the last second that still counts)',
  },
  dueDate: {
    format: 'date',
    nullable: true,
    type: String,
    example: '2026-12-31',
    description: 'The due date: the local day of dueTimeZone that dueAt ends',
  },
  dueTimeZone: {
    enum: AGENCY_TIME_ZONES,
    nullable: true,
    type: String,
    example: 'Asia/Makassar',
    description: 'The zone of the agency that set the due date',
  },
  overdue: {
    example: false,
    description:
      'Not completed, withdrawn or rejected, and the due instant has passed (server clock, at the time of the answer)',
  },
} satisfies Record<string, ApiPropertyOptions>;

/** Rejecting an enrolment request: the reason is optional and goes to the learner (issue 17). */
export class RejectEnrolmentDto {
  @ApiPropertyOptional({
    maxLength: 500,
    example: 'Kuota angkatan ini sudah penuh; silakan mendaftar pada angkatan berikutnya',
  })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: 'reason harus berupa teks' })
  @MaxLength(500, { message: 'reason maksimal 500 karakter' })
  reason?: string;
}

export class EnrolmentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) courseId: string;
  @ApiProperty({ format: 'uuid' }) courseVersionId: string;
  @ApiProperty({ example: 1 }) versionNo: number;
  @ApiProperty({ example: 'Nilai Dasar ASN BerAKHLAK' }) courseTitle: string;
  @ApiProperty({ example: 8, description: 'JP of the version taken' }) jp: number;
  @ApiProperty({ format: 'uuid' }) employeeId: string;
  @ApiProperty({ format: 'uuid', description: 'The learner\u2019s agency' }) agencyId: string;
  @ApiProperty({ enum: ENROLMENT_SOURCES }) source: EnrolmentSource;
  @ApiProperty({ enum: ENROLMENT_STATUSES }) status: EnrolmentStatus;
  @ApiProperty({ example: 37.5, description: 'Share of required lessons completed' }) progressPercent: number;
  @ApiProperty(DUE_DOC.dueAt) dueAt: string | null;
  @ApiProperty(DUE_DOC.dueDate) dueDate: string | null;
  @ApiProperty(DUE_DOC.dueTimeZone) dueTimeZone: AgencyTimeZone | null;
  @ApiProperty(DUE_DOC.overdue) overdue: boolean;
  @ApiProperty({ example: true, description: 'Assigned as mandatory (wajib): the learner cannot withdraw' })
  mandatory: boolean;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) lastActivityAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) completedAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class PendingApprovalDto extends EnrolmentDto {
  @ApiProperty({ example: 'Lalu Muhammad Hasan, S.Kom.' }) employeeName: string;
  @ApiProperty({ example: '198609262015051001' }) nip: string;
  @ApiProperty({ nullable: true, type: String, example: 'Dinas Kesehatan' }) unitName: string | null;
}

export class LessonProgressDto {
  @ApiProperty({ format: 'uuid' }) lessonId: string;
  @ApiProperty({ enum: LESSON_PROGRESS_STATUSES }) status: LessonProgressStatus;
  @ApiProperty({ example: 420 }) timeSpentSeconds: number;
  @ApiProperty({ nullable: true, type: Object, example: { seconds: 312 } }) position: Record<string, unknown> | null;
  @ApiProperty({ nullable: true, type: Number, example: 0.62 }) watchedRatio: number | null;
  @ApiProperty({ nullable: true, type: Number, example: 85 }) scorePercent: number | null;
  @ApiProperty({ nullable: true, type: Boolean }) passed: boolean | null;
  @ApiProperty() attended: boolean;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) completedAt: string | null;
}

export class OutlineLessonDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Berorientasi Pelayanan' }) title: string;
  @ApiProperty({ enum: LESSON_KINDS }) kind: LessonKind;
  @ApiProperty() required: boolean;
  @ApiProperty({ type: LessonProgressDto }) progress: LessonProgressDto;
}

export class OutlineModuleDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Modul 1: Nilai dasar' }) title: string;
  @ApiProperty({ type: [OutlineLessonDto] }) lessons: OutlineLessonDto[];
}

export class ResumePointerDto {
  @ApiProperty({ format: 'uuid' }) moduleId: string;
  @ApiProperty({ format: 'uuid' }) lessonId: string;
}

export class EnrolmentDetailDto extends EnrolmentDto {
  @ApiProperty({ type: [OutlineModuleDto] }) modules: OutlineModuleDto[];
  @ApiProperty({
    type: ResumePointerDto,
    nullable: true,
    description: 'The first incomplete required lesson (else the first incomplete one); null when all are done',
  })
  resume: ResumePointerDto | null;
}

export class AssignmentSubmissionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) enrolmentId: string;
  @ApiProperty({ format: 'uuid' }) lessonId: string;
  @ApiProperty({ example: 'rencana-aksi.pdf' }) fileName: string;
  @ApiProperty({ format: 'date-time' }) submittedAt: string;
  @ApiProperty({ nullable: true, type: Number, example: 80 }) score: number | null;
  @ApiProperty({ nullable: true, type: String }) feedback: string | null;
  @ApiProperty({ nullable: true, type: Boolean }) passed: boolean | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) gradedAt: string | null;
}

export class SubmissionForGradingDto extends AssignmentSubmissionDto {
  @ApiProperty({ format: 'uuid' }) employeeId: string;
  @ApiProperty({ example: 'Lalu Muhammad Hasan, S.Kom.' }) employeeName: string;
  @ApiProperty({ example: '198609262015051001' }) nip: string;
  @ApiProperty({ nullable: true, type: String, example: 'Dinas Kesehatan' }) unitName: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    example: 'Rencana aksi pelayanan',
    description: 'From the version the learner takes; null if it no longer has the lesson',
  })
  lessonTitle: string | null;
  @ApiProperty({ nullable: true, type: Number, example: 100 }) maxScore: number | null;
  @ApiProperty({ nullable: true, type: Number, example: 70 }) passScore: number | null;
}

export class PlayerLessonDto {
  @ApiProperty({ format: 'uuid' }) enrolmentId: string;
  @ApiProperty({ format: 'uuid' }) moduleId: string;
  @ApiProperty({ format: 'uuid' }) lessonId: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: LESSON_KINDS }) kind: LessonKind;
  @ApiProperty() required: boolean;
  @ApiProperty({
    type: Object,
    description:
      'By kind: text {html}; video {fileId, url, durationSeconds, completeAtRatio}; document/file {fileId}; link {url}; ' +
      'quiz {quiz: {quizId, title, role, questionCount, timeLimitSeconds, opensAt, closesAt, maxAttempts, passPercent}} (never questions or keys); ' +
      'assignment {instructions, maxScore, passScore, submission, history (earlier submissions still kept, newest first)}; live {startsAt, endsAt, joinUrl}',
  })
  content: Record<string, unknown>;
  @ApiProperty({ type: LessonProgressDto }) progress: LessonProgressDto;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) previousLessonId: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) nextLessonId: string | null;
}

export class TimeRemainingDto {
  @ApiProperty({
    example: 120,
    description: 'Credited seconds the lesson still needs to reach its minimum time (0: met or none)',
  })
  lessonSeconds: number;
  @ApiProperty({
    example: 1800,
    description: 'Credited seconds the course still needs to reach its minimum time (0: met or none)',
  })
  courseSeconds: number;
}

export class ProgressResultDto {
  @ApiProperty({ type: LessonProgressDto }) lesson: LessonProgressDto;
  @ApiProperty({ example: 50 }) enrolmentProgressPercent: number;
  @ApiProperty({ enum: ENROLMENT_STATUSES }) enrolmentStatus: EnrolmentStatus;
  @ApiProperty({ description: 'The course is completed (by this change or before)' }) completed: boolean;
  @ApiPropertyOptional({
    type: TimeRemainingDto,
    description: 'Player events only: what the author\u2019s minimum times still need',
  })
  timeRemaining?: TimeRemainingDto;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    example: 'Materi ini baru selesai setelah waktu belajar minimal 10 menit; kurang 2 menit lagi.',
  })
  notice?: string | null;
}

export class AssignmentResultDto {
  @ApiProperty({ example: 118, description: 'New enrolments made' }) enrolled: number;
  @ApiProperty({ example: 2, description: 'Learners in scope who were already enrolled (in any status)' })
  alreadyEnrolled: number;
  @ApiProperty({
    example: 0,
    description: 'Requested learners outside the caller\u2019s scope, inactive, unknown, or who may not see the course',
  })
  skippedOutOfScope: number;
}

export class AttendanceResultDto {
  @ApiProperty({ example: 24 }) recorded: number;
  @ApiProperty({ example: 1, description: 'Requested ASN without an active or completed enrolment in the course' })
  notEnrolled: number;
}

export class CourseReportRowDto {
  @ApiProperty({ format: 'uuid' }) enrolmentId: string;
  @ApiProperty({ format: 'uuid' }) employeeId: string;
  @ApiProperty({ example: '198609262015051001' }) nip: string;
  @ApiProperty({ example: 'Lalu Muhammad Hasan, S.Kom.' }) name: string;
  @ApiProperty({ nullable: true, type: String, example: 'Dinas Kesehatan' }) unitName: string | null;
  @ApiProperty({ enum: ENROLMENT_STATUSES }) status: EnrolmentStatus;
  @ApiProperty({ example: 100 }) progressPercent: number;
  @ApiProperty({ nullable: true, type: Number, example: 55 }) preTestPercent: number | null;
  @ApiProperty({ nullable: true, type: Number, example: 85 }) postTestPercent: number | null;
  @ApiProperty({ nullable: true, type: Number, example: 30, description: 'Post-test minus pre-test' }) gain:
    number | null;
  @ApiProperty({ example: 187, description: 'Learning time the server credited over every lesson, in whole minutes' })
  timeSpentMinutes: number;
  @ApiProperty(DUE_DOC.dueAt) dueAt: string | null;
  @ApiProperty(DUE_DOC.dueDate) dueDate: string | null;
  @ApiProperty(DUE_DOC.dueTimeZone) dueTimeZone: AgencyTimeZone | null;
  @ApiProperty(DUE_DOC.overdue) overdue: boolean;
  @ApiProperty({
    format: 'date-time',
    nullable: true,
    type: String,
    description: 'A UTC instant; the report shows it in the viewer\u2019s zone (timeZone)',
  })
  completedAt: string | null;
}

export class CourseReportTotalsDto {
  @ApiProperty({ example: 120, description: 'Active or completed' }) enrolled: number;
  @ApiProperty({ example: 10 }) notStarted: number;
  @ApiProperty({ example: 50 }) inProgress: number;
  @ApiProperty({ example: 60 }) completed: number;
  @ApiProperty({ example: 55, description: 'Completed, post-test passed where the course has one' }) passed: number;
  @ApiProperty({ example: 4 }) overdue: number;
  @ApiProperty({ nullable: true, type: Number, example: 58.5 }) averagePreTest: number | null;
  @ApiProperty({ nullable: true, type: Number, example: 84.25 }) averagePostTest: number | null;
}

export class CourseReportPageDto extends PageMetaDto {
  @ApiProperty({ type: [CourseReportRowDto] }) items: CourseReportRowDto[];
  @ApiProperty({
    enum: AGENCY_TIME_ZONES,
    example: 'Asia/Makassar',
    description:
      'The viewer\u2019s zone: the CSV and XLSX exports and the web show every time in it, named in the column headers',
  })
  timeZone: AgencyTimeZone;
  @ApiProperty({ type: CourseReportTotalsDto }) totals: CourseReportTotalsDto;
}

// ---- requests ----------------------------------------------------------------------------------

const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

/** `?overdue=true|false`. */
class OverdueFilterDto extends PageQueryDto {
  @ApiPropertyOptional({
    type: Boolean,
    description:
      'true: only overdue enrolments (due instant passed, not completed, withdrawn or rejected); false: only those not overdue',
  })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'overdue harus true atau false' })
  overdue?: boolean;
}

export class MyEnrolmentQueryDto extends OverdueFilterDto {
  @ApiPropertyOptional({ enum: ENROLMENT_STATUSES })
  @IsOptional()
  @IsIn(ENROLMENT_STATUSES, { message: 'status tidak dikenal' })
  status?: EnrolmentStatus;
}

export class AssignCourseDto {
  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Named ASN (at most 5,000)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5000, { message: 'employeeIds paling banyak 5.000' })
  @IsUUID('all', { each: true, message: 'employeeIds harus berisi UUID' })
  employeeIds?: string[];

  @ApiPropertyOptional({ format: 'uuid', description: 'Every active ASN of this unit and the units under it' })
  @IsOptional()
  @IsUUID('all', { message: 'unitId harus UUID' })
  unitId?: string;

  @ApiPropertyOptional({
    example: 'Pranata Komputer Ahli Pertama',
    description:
      'Every active ASN in the caller\u2019s scope (and the unit, if given) with this position name (case-insensitive)',
  })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  positionName?: string;

  @ApiPropertyOptional({
    format: 'date',
    example: '2026-12-31',
    description:
      'Due date: the learners have until 23:59:59 of this day in the zone of the assigner\u2019s agency (WIB, WITA or WIT; decision 0015). Send this or dueAt, not both.',
  })
  @IsOptional()
  @IsCalendarDate('dueDate')
  dueDate?: string;

  @ApiPropertyOptional({
    format: 'date-time',
    example: '2026-12-31T23:59:59+08:00',
    description: `A due instant instead of a date. ${DATE_TIME_WITH_OFFSET_DOC}`,
  })
  @IsOptional()
  @IsIsoDateTimeWithOffset('dueAt', { orDateField: 'dueDate' })
  dueAt?: string;
}

export class ProgressUpdateDto {
  @ApiProperty({
    enum: PROGRESS_EVENTS,
    description:
      'opened (text/document/link complete), heartbeat (time spent, position), video (watched share), downloaded (file completes)',
  })
  @IsIn(PROGRESS_EVENTS, { message: 'event harus opened, heartbeat, video atau downloaded' })
  event: ProgressEvent;

  @ApiPropertyOptional({
    example: 30,
    maximum: 3600,
    description:
      'Seconds spent since the last event; the server credits at most the wall-clock time since the learner\u2019s previous event, and at most 300 per event (docs/learning.md)',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'secondsSpent harus bilangan bulat' })
  @Min(0)
  @Max(3600, { message: 'secondsSpent maksimal 3600' })
  secondsSpent?: number;

  @ApiPropertyOptional({
    type: Object,
    example: { seconds: 312 },
    description: 'Where to resume (player-defined, small)',
  })
  @IsOptional()
  @IsObject({ message: 'position harus objek' })
  @JsonSizeMax('position', { maxItems: 20, maxChars: 2_000 })
  position?: Record<string, unknown>;

  @ApiPropertyOptional({
    example: 0.93,
    minimum: 0,
    maximum: 1,
    description:
      'Share of the video watched so far; the server credits it only as fast as the video plays (1.25× tolerance, docs/learning.md)',
  })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'watchedRatio harus angka' })
  @Min(0)
  @Max(1, { message: 'watchedRatio antara 0 dan 1' })
  watchedRatio?: number;
}

export class GradeSubmissionDto {
  @ApiProperty({ example: 80, description: 'From 0 to the assignment\u2019s maxScore' })
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 }, { message: 'score harus angka' })
  @Min(0, { message: 'score minimal 0' })
  score: number;

  @ApiPropertyOptional({ example: 'Rencana aksi jelas dan terukur.' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  feedback?: string;
}

export class AttendanceDto {
  @ApiProperty({ type: [String], format: 'uuid' })
  @IsArray()
  @ArrayMinSize(1, { message: 'employeeIds tidak boleh kosong' })
  @ArrayMaxSize(5000)
  @IsUUID('all', { each: true, message: 'employeeIds harus berisi UUID' })
  employeeIds: string[];
}

export class ReportQueryDto extends OverdueFilterDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only learners of this work unit and the units under it' })
  @IsOptional()
  @IsUUID('all', { message: 'unitId harus UUID' })
  unitId?: string;

  @ApiPropertyOptional({
    enum: COURSE_REPORT_STATUSES,
    description:
      'not_started, in_progress (active), completed, passed (completed, post-test passed where there is one), overdue, pending_approval, withdrawn, rejected',
  })
  @IsOptional()
  @IsIn(COURSE_REPORT_STATUSES, { message: 'status tidak dikenal' })
  status?: CourseReportStatusFilter;

  @ApiPropertyOptional({ example: 'Hasan', description: 'Part of the learner\u2019s name or NIP' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(100, { message: 'q paling banyak 100 karakter' })
  q?: string;

  @ApiPropertyOptional({
    enum: REPORT_FORMATS,
    default: 'json',
    description: 'json (paginated), csv or xlsx (every learner, as a download)',
  })
  @IsOptional()
  @IsIn(REPORT_FORMATS, { message: 'format harus json, csv atau xlsx' })
  format?: ReportFormat;
}

export class SubmissionQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    enum: SUBMISSION_FILTERS,
    default: 'ungraded',
    description: 'ungraded (waiting for a grade), graded, or all',
  })
  @IsOptional()
  @IsIn(SUBMISSION_FILTERS, { message: 'status harus ungraded, graded atau all' })
  status?: SubmissionFilter;
}

export class SubmissionUploadDto {
  @ApiProperty({
    type: 'string',
    format: 'binary',
    description: 'The assignment file (PDF, Office, OpenDocument, text, image or ZIP), at most 20 MB',
  })
  file: unknown;
}
