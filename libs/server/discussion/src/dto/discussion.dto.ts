import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
  ValidateIf,
} from 'class-validator';
import {
  DISCUSSION_SPACE_KINDS,
  REPORT_RESOLUTIONS,
  REPORT_STATUSES,
  THREAD_KINDS,
  type DiscussionMention,
  type DiscussionPerson,
  type DiscussionPost,
  type DiscussionReport,
  type DiscussionSpace,
  type DiscussionSpaceKind,
  type DiscussionThread,
  type DiscussionThreadSummary,
  type MentionCandidate,
  type ReportResolution,
  type ReportStatus,
  type ThreadKind,
} from '@kompeten/shared-contracts';
import { PageQueryDto } from '@kompeten/server-core';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const UUID = '3f7c2d1e-9a0b-4c5d-8e6f-1a2b3c4d5e6f';
const BODY_MAX = 20_000;

// ---- requests -----------------------------------------------------------------------------------------------------

export class CreateThreadDto {
  @ApiProperty({ enum: THREAD_KINDS, example: 'question', description: 'announcement: moderators only (pinned)' })
  @IsIn(THREAD_KINDS, { message: `kind harus salah satu dari ${THREAD_KINDS.join(', ')}` })
  kind: ThreadKind;

  @ApiProperty({ example: 'Bagaimana memperbarui riwayat diklat di SIASN?', minLength: 3, maxLength: 200 })
  @Transform(trim)
  @IsString({ message: 'title harus teks' })
  @MinLength(3, { message: 'title minimal 3 karakter' })
  @MaxLength(200, { message: 'title maksimal 200 karakter' })
  title: string;

  @ApiProperty({
    example: '<p>Saya sudah mengunggah sertifikat, tetapi riwayatnya belum tampil.</p>',
    maxLength: BODY_MAX,
    description: 'Rich text (HTML from the editor, sanitised on the server; pictures are removed) or plain text',
  })
  @IsString({ message: 'body harus teks' })
  @MaxLength(BODY_MAX, { message: `body maksimal ${BODY_MAX} karakter` })
  body: string;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    maxItems: 20,
    description: 'ASN mentioned (employee ids, from the mention picker); each must be able to read the space',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20, { message: 'paling banyak 20 orang disebut' })
  @IsUUID('all', { each: true, message: 'mentionIds harus UUID' })
  mentionIds?: string[];

  @ApiPropertyOptional({
    format: 'uuid',
    example: UUID,
    description: 'The client’s id of this write: sending it again answers the first thread instead of a second one',
  })
  @IsOptional()
  @IsUUID('all', { message: 'requestId harus UUID' })
  requestId?: string;
}

export class CreateReplyDto {
  @ApiProperty({ example: '<p>Buka menu Riwayat, lalu pilih Sinkronkan.</p>', maxLength: BODY_MAX })
  @IsString({ message: 'body harus teks' })
  @MaxLength(BODY_MAX, { message: `body maksimal ${BODY_MAX} karakter` })
  body: string;

  @ApiPropertyOptional({ type: [String], format: 'uuid', maxItems: 20, description: 'ASN mentioned (employee ids)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20, { message: 'paling banyak 20 orang disebut' })
  @IsUUID('all', { each: true, message: 'mentionIds harus UUID' })
  mentionIds?: string[];

  @ApiPropertyOptional({ format: 'uuid', example: UUID, description: 'The client’s id of this write (idempotent)' })
  @IsOptional()
  @IsUUID('all', { message: 'requestId harus UUID' })
  requestId?: string;
}

export class EditPostDto {
  @ApiProperty({ example: '<p>Teks yang diperbaiki.</p>', maxLength: BODY_MAX })
  @IsString({ message: 'body harus teks' })
  @MaxLength(BODY_MAX, { message: `body maksimal ${BODY_MAX} karakter` })
  body: string;

  @ApiPropertyOptional({ example: 'Judul yang diperbaiki', maxLength: 200, description: 'Opening posts only' })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: 'title harus teks' })
  @MinLength(3, { message: 'title minimal 3 karakter' })
  @MaxLength(200, { message: 'title maksimal 200 karakter' })
  title?: string;
}

export class FlagDto {
  @ApiProperty({ example: true })
  @IsBoolean({ message: 'value harus true atau false' })
  value: boolean;
}

export class AnswerDto {
  @ApiProperty({
    format: 'uuid',
    nullable: true,
    example: UUID,
    description: 'The reply marked as answer; null unmarks',
  })
  @ValidateIf((_o, v) => v !== null)
  @IsUUID('all', { message: 'postId harus UUID atau null' })
  postId: string | null;
}

export class ReportPostDto {
  @ApiProperty({ example: 'Berisi data pribadi peserta lain', minLength: 3, maxLength: 1000 })
  @Transform(trim)
  @IsString({ message: 'reason harus teks' })
  @MinLength(3, { message: 'reason minimal 3 karakter' })
  @MaxLength(1000, { message: 'reason maksimal 1000 karakter' })
  reason: string;
}

export class ResolveReportDto {
  @ApiProperty({
    enum: REPORT_RESOLUTIONS,
    example: 'hidden',
    description: 'hidden: hide the post; dismissed: keep it',
  })
  @IsIn(REPORT_RESOLUTIONS, { message: `resolution harus salah satu dari ${REPORT_RESOLUTIONS.join(', ')}` })
  resolution: ReportResolution;
}

export class ReportQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: REPORT_STATUSES, example: 'open', description: 'Omitted: every report' })
  @IsOptional()
  @IsIn(REPORT_STATUSES, { message: `status harus salah satu dari ${REPORT_STATUSES.join(', ')}` })
  status?: ReportStatus;
}

export class MentionQueryDto {
  @ApiProperty({
    example: 'nurhay',
    maxLength: 100,
    description: 'Part of a name or NIP; an exact 18-digit NIP finds anyone who can read the space',
  })
  @Transform(trim)
  @IsString({ message: 'q harus teks' })
  @MinLength(2, { message: 'q minimal 2 karakter' })
  @MaxLength(100, { message: 'q maksimal 100 karakter' })
  q: string;
}

// ---- responses ----------------------------------------------------------------------------------------------------

export class DiscussionSpaceDto implements DiscussionSpace {
  @ApiProperty({ format: 'uuid', example: UUID }) id: string;
  @ApiProperty({ enum: DISCUSSION_SPACE_KINDS, example: 'course' }) kind: DiscussionSpaceKind;
  @ApiProperty({ format: 'uuid', example: UUID, description: 'The course, class or community' }) targetId: string;
  @ApiProperty({ example: 'Pemutakhiran Data Kompetensi di SIASN' }) title: string;
  @ApiProperty({ example: false, description: 'Pin, lock, hide, announcements and the report queue' })
  canModerate: boolean;
  @ApiProperty({ example: 12 }) threadCount: number;
  @ApiProperty({ example: 3, description: 'Posts of others the caller has not read, in every thread' })
  unreadCount: number;
  @ApiProperty({ type: Number, nullable: true, example: 1, description: 'Open reports (moderators only; else null)' })
  openReportCount: number | null;
}

export class DiscussionPersonDto implements DiscussionPerson {
  @ApiProperty({ format: 'uuid', example: UUID }) userId: string;
  @ApiProperty({ example: 'Nurhayati Rahman', description: 'The ASN’s name, or "Admin" for an account without one' })
  name: string;
}

export class DiscussionThreadSummaryDto implements DiscussionThreadSummary {
  @ApiProperty({ format: 'uuid', example: UUID }) id: string;
  @ApiProperty({ format: 'uuid', example: UUID }) spaceId: string;
  @ApiProperty({ enum: THREAD_KINDS, example: 'question' }) kind: ThreadKind;
  @ApiProperty({ example: 'Bagaimana memperbarui riwayat diklat di SIASN?' }) title: string;
  @ApiProperty({ type: DiscussionPersonDto }) author: DiscussionPersonDto;
  @ApiProperty({ example: false }) pinned: boolean;
  @ApiProperty({ example: false }) locked: boolean;
  @ApiProperty({ example: true, description: 'A question whose answer is marked' }) answered: boolean;
  @ApiProperty({ example: 4 }) replyCount: number;
  @ApiProperty({ example: 1 }) unreadCount: number;
  @ApiProperty({ format: 'date-time', example: '2026-12-04T02:15:00.000Z' }) lastPostAt: string;
  @ApiProperty({ format: 'date-time', example: '2026-12-03T01:00:00.000Z' }) createdAt: string;
}

export class DiscussionMentionDto implements DiscussionMention {
  @ApiProperty({ format: 'uuid', example: UUID }) employeeId: string;
  @ApiProperty({ example: 'Peserta Dinkes 1' }) name: string;
}

export class DiscussionPostDto implements DiscussionPost {
  @ApiProperty({ format: 'uuid', example: UUID }) id: string;
  @ApiProperty({ format: 'uuid', example: UUID }) threadId: string;
  @ApiProperty({ type: DiscussionPersonDto }) author: DiscussionPersonDto;
  @ApiProperty({
    type: String,
    nullable: true,
    example: '<p>Buka menu Riwayat.</p>',
    description: 'Sanitised HTML; null when hidden (moderators still see it) or deleted',
  })
  body: string | null;
  @ApiProperty({ example: false, description: 'Hidden by a moderator' }) hidden: boolean;
  @ApiProperty({ example: false, description: 'Deleted by its author' }) deleted: boolean;
  @ApiProperty({ example: false }) isOpening: boolean;
  @ApiProperty({ example: true }) isAnswer: boolean;
  @ApiProperty({ type: [DiscussionMentionDto] }) mentions: DiscussionMentionDto[];
  @ApiProperty({ format: 'date-time', example: '2026-12-04T02:15:00.000Z' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: null }) editedAt: string | null;
  @ApiProperty({ example: true, description: 'The caller may edit it (its author, within a day, thread open)' })
  canEdit: boolean;
}

export class DiscussionThreadDto extends DiscussionThreadSummaryDto implements DiscussionThread {
  @ApiProperty({ type: DiscussionSpaceDto }) space: DiscussionSpaceDto;
  @ApiProperty({ type: DiscussionPostDto }) opening: DiscussionPostDto;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, example: null }) answerPostId: string | null;
  @ApiProperty({ example: true, description: 'The asker or a moderator, on a question' }) canMarkAnswer: boolean;
  @ApiProperty({ example: true, description: 'False once the thread is locked' }) canReply: boolean;
}

export class DiscussionReportDto implements DiscussionReport {
  @ApiProperty({ format: 'uuid', example: UUID }) id: string;
  @ApiProperty({ type: DiscussionPostDto }) post: DiscussionPostDto;
  @ApiProperty({ format: 'uuid', example: UUID }) threadId: string;
  @ApiProperty({ example: 'Bagaimana memperbarui riwayat diklat di SIASN?' }) threadTitle: string;
  @ApiProperty({ type: DiscussionPersonDto }) reporter: DiscussionPersonDto;
  @ApiProperty({ example: 'Berisi data pribadi peserta lain' }) reason: string;
  @ApiProperty({ enum: REPORT_STATUSES, example: 'open' }) status: ReportStatus;
  @ApiProperty({ enum: REPORT_RESOLUTIONS, nullable: true, example: null }) resolution: ReportResolution | null;
  @ApiProperty({ format: 'date-time', example: '2026-12-04T02:15:00.000Z' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: null }) resolvedAt: string | null;
}

export class ReportCreatedDto {
  @ApiProperty({ format: 'uuid', example: UUID, description: 'The caller’s report of the post (one per post)' })
  id: string;
}

export class MentionCandidateDto implements MentionCandidate {
  @ApiProperty({ format: 'uuid', example: UUID }) employeeId: string;
  @ApiProperty({ example: 'Nurhayati Rahman' }) name: string;
  @ApiProperty({ type: String, nullable: true, example: 'Pemerintah Kota Mataram' }) agencyName: string | null;
}
