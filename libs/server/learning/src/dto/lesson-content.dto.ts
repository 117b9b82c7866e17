import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { plainToInstance } from 'class-transformer';
import {
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  validateSync,
  type ValidationError,
} from 'class-validator';
import { ErrorCode, type LessonKind } from '@kompeten/shared-contracts';
import { DATE_TIME_WITH_OFFSET_DOC, invalid, IsIsoDateTimeWithOffset } from '@kompeten/server-core';

const HTTP_URL = { protocols: ['http', 'https'], require_protocol: true };
export const MAX_HTML = 200_000;

export class TextContentDto {
  @ApiProperty({ example: '<p>Nilai dasar <strong>BerAKHLAK</strong>…</p>', description: 'HTML; sanitised on save' })
  @IsString({ message: 'content.html harus teks' })
  @MaxLength(MAX_HTML, { message: `content.html maksimal ${MAX_HTML} karakter` })
  html: string;
}

export class VideoContentDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'An uploaded course file of purpose "video" (or give url)' })
  @IsOptional()
  @IsUUID('all', { message: 'content.fileId harus UUID' })
  fileId?: string;
  @ApiPropertyOptional({
    example: 'https://www.youtube.com/watch?v=xyz',
    description: 'External video URL (or give fileId)',
  })
  @IsOptional()
  @IsUrl(HTTP_URL, { message: 'content.url harus URL http(s) yang valid' })
  @MaxLength(2000)
  url?: string;
  @ApiPropertyOptional({ example: 600 })
  @IsOptional()
  @IsInt({ message: 'content.durationSeconds harus bilangan bulat' })
  @Min(1, { message: 'content.durationSeconds minimal 1' })
  @Max(86_400, { message: 'content.durationSeconds maksimal 86400 (24 jam)' })
  durationSeconds?: number;
  @ApiPropertyOptional({
    example: 0.9,
    default: 0.9,
    description: 'Share of the duration to watch to complete the lesson',
  })
  @IsOptional()
  @IsNumber({}, { message: 'content.completeAtRatio harus angka' })
  @Min(0.1, { message: 'content.completeAtRatio minimal 0.1' })
  @Max(1, { message: 'content.completeAtRatio maksimal 1' })
  completeAtRatio?: number;
}

export class DocumentContentDto {
  @ApiProperty({ format: 'uuid', description: 'An uploaded course file of purpose "document" (PDF, shown inline)' })
  @IsUUID('all', { message: 'content.fileId harus UUID' })
  fileId: string;
}

export class FileContentDto {
  @ApiProperty({ format: 'uuid', description: 'An uploaded course file of purpose "file" or "document" (downloaded)' })
  @IsUUID('all', { message: 'content.fileId harus UUID' })
  fileId: string;
}

export class LinkContentDto {
  @ApiProperty({ example: 'https://siasn.bkn.go.id' })
  @IsUrl(HTTP_URL, { message: 'content.url harus URL http(s) yang valid' })
  @MaxLength(2000)
  url: string;
}

export class QuizContentDto {
  @ApiProperty({ format: 'uuid', description: 'A quiz of this course (assessment)' })
  @IsUUID('all', { message: 'content.quizId harus UUID' })
  quizId: string;
}

export class AssignmentContentDto {
  @ApiProperty({ example: '<p>Unggah rencana aksi Anda (PDF).</p>', description: 'HTML; sanitised on save' })
  @IsString({ message: 'content.instructions harus teks' })
  @MinLength(1, { message: 'content.instructions tidak boleh kosong' })
  @MaxLength(MAX_HTML)
  instructions: string;
  @ApiProperty({ example: 100 })
  @IsNumber({}, { message: 'content.maxScore harus angka' })
  @Min(1, { message: 'content.maxScore minimal 1' })
  @Max(1000, { message: 'content.maxScore maksimal 1000' })
  maxScore: number;
  @ApiProperty({ example: 70 })
  @IsNumber({}, { message: 'content.passScore harus angka' })
  @Min(0, { message: 'content.passScore minimal 0' })
  passScore: number;
}

export class LiveContentDto {
  @ApiProperty({ format: 'date-time', example: '2026-12-01T09:00:00+08:00', description: DATE_TIME_WITH_OFFSET_DOC })
  @IsIsoDateTimeWithOffset('content.startsAt')
  startsAt: string;
  @ApiProperty({ format: 'date-time', example: '2026-12-01T11:00:00+08:00', description: DATE_TIME_WITH_OFFSET_DOC })
  @IsIsoDateTimeWithOffset('content.endsAt')
  endsAt: string;
  @ApiProperty({ example: 'https://zoom.us/j/123456789' })
  @IsUrl(HTTP_URL, { message: 'content.joinUrl harus URL http(s) yang valid' })
  @MaxLength(2000)
  joinUrl: string;
}

export const CONTENT_DTO: Record<LessonKind, new () => object> = {
  text: TextContentDto,
  video: VideoContentDto,
  document: DocumentContentDto,
  file: FileContentDto,
  link: LinkContentDto,
  quiz: QuizContentDto,
  assignment: AssignmentContentDto,
  live: LiveContentDto,
};

function messages(errors: ValidationError[]): string[] {
  return errors.flatMap((e) => [
    ...Object.entries(e.constraints ?? {}).map(([key, msg]) =>
      key === 'whitelistValidation' ? `Kolom "content.${e.property}" tidak dikenal untuk jenis pelajaran ini` : msg,
    ),
    ...messages(e.children ?? []),
  ]);
}

/** Checks a lesson's content against the shape of its kind; answers 400 with every problem at once. */
export function validateContentShape<T extends object>(kind: LessonKind, raw: unknown): T {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw invalid(ErrorCode.LEARNING_INVALID_CONTENT, `content harus objek yang sesuai jenis pelajaran "${kind}"`);
  }
  const { kind: innerKind, ...fields } = raw as Record<string, unknown>;
  if (innerKind !== undefined && innerKind !== kind) {
    throw invalid(
      ErrorCode.LEARNING_INVALID_CONTENT,
      `content.kind "${String(innerKind)}" tidak sama dengan jenis pelajaran "${kind}"`,
    );
  }
  const instance = plainToInstance(CONTENT_DTO[kind], fields) as T;
  const errors = validateSync(instance, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length) {
    const details = messages(errors);
    throw invalid(
      ErrorCode.LEARNING_INVALID_CONTENT,
      `Isi pelajaran "${kind}" tidak valid: ${details.join('; ')}`,
      details,
    );
  }
  return instance;
}
