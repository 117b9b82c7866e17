import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsUUID } from 'class-validator';
import {
  QUESTION_EXPORT_FORMATS,
  QUESTION_IMPORT_FORMATS,
  QUESTION_IMPORT_MAX_BYTES,
  QUESTION_IMPORT_MAX_QUESTIONS,
  QUESTION_IMPORT_STATUSES,
  QUESTION_KINDS,
  type QuestionExportFormat,
  type QuestionImportFormat,
  type QuestionImportItem,
  type QuestionImportReport,
  type QuestionImportStatus,
  type QuestionKind,
} from '@kompeten/shared-contracts';

const asBoolean = ({ value }: { value: unknown }) =>
  value === true || value === 'true' || value === '1'
    ? true
    : value === false || value === 'false' || value === '0'
      ? false
      : value;

export class QuestionImportUploadDto {
  @ApiProperty({
    type: 'string',
    format: 'binary',
    description: `The question file: GIFT or Aiken (UTF-8 or UTF-16 text), CSV (UTF-8, comma or semicolon) or XLSX; at most ${QUESTION_IMPORT_MAX_BYTES / 1024 / 1024} MB and ${QUESTION_IMPORT_MAX_QUESTIONS} questions`,
  })
  file: unknown;
}

export class QuestionImportQueryDto {
  @ApiProperty({
    enum: QUESTION_IMPORT_FORMATS,
    description: 'The file\u2019s format (its content is checked against it)',
  })
  @IsIn(QUESTION_IMPORT_FORMATS, { message: `format harus salah satu dari ${QUESTION_IMPORT_FORMATS.join(', ')}` })
  format: QuestionImportFormat;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'A category of the course to put the questions in; none: uncategorised',
  })
  @IsOptional()
  @IsUUID('all', { message: 'categoryId harus UUID' })
  categoryId?: string;

  @ApiPropertyOptional({
    default: false,
    description:
      'Put each question into the category its file names (GIFT `$CATEGORY:`, the spreadsheet\u2019s `kategori` column), creating missing ones; questions without one go to categoryId',
  })
  @IsOptional()
  @Transform(asBoolean)
  @IsBoolean({ message: 'useFileCategories harus true atau false' })
  useFileCategories?: boolean;

  @ApiPropertyOptional({
    default: false,
    description:
      'Import questions that are already in the bank (same text, kind, options and key) or twice in the file; by default they are skipped, which makes a retried import harmless',
  })
  @IsOptional()
  @Transform(asBoolean)
  @IsBoolean({ message: 'includeDuplicates harus true atau false' })
  includeDuplicates?: boolean;

  @ApiPropertyOptional({
    enum: ['id', 'en'],
    description:
      'Language of the report\u2019s reasons and of a refused file\u2019s message; default: Accept-Language, else Indonesian',
  })
  @IsOptional()
  @IsIn(['id', 'en'], { message: 'lang harus id atau en' })
  lang?: 'id' | 'en';
}

export class QuestionExportQueryDto {
  @ApiProperty({
    enum: QUESTION_EXPORT_FORMATS,
    description:
      'gift (Moodle; every kind but ordering), aiken (single-answer multiple choice only), csv or xlsx (every kind, the import layout)',
  })
  @IsIn(QUESTION_EXPORT_FORMATS, { message: `format harus salah satu dari ${QUESTION_EXPORT_FORMATS.join(', ')}` })
  format: QuestionExportFormat;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only this category; none: the whole bank' })
  @IsOptional()
  @IsUUID('all', { message: 'categoryId harus UUID' })
  categoryId?: string;
}

export class QuestionTemplateQueryDto {
  @ApiProperty({ enum: ['csv', 'xlsx'] })
  @IsIn(['csv', 'xlsx'], { message: 'format harus csv atau xlsx' })
  format: 'csv' | 'xlsx';
}

export class QuestionImportItemDto implements QuestionImportItem {
  @ApiProperty({ example: 12, description: 'GIFT/Aiken: the line the question starts on; CSV/XLSX: the row' })
  line: number;
  @ApiProperty({ enum: QUESTION_IMPORT_STATUSES }) status: QuestionImportStatus;
  @ApiProperty({ enum: QUESTION_KINDS, nullable: true, type: String }) kind: QuestionKind | null;
  @ApiProperty({ example: 'Huruf "A" pertama dalam BerAKHLAK adalah singkatan dari …' }) excerpt: string;
  @ApiProperty({ nullable: true, type: String, example: 'Nilai Dasar BerAKHLAK' }) category: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    example: 'Kurung kurawal { di baris 14 tidak ditutup dengan }.',
    description: 'Why it was refused or skipped, in the request\u2019s language',
  })
  reason: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'GIFT.UNCLOSED_BRACE' }) reasonCode: string | null;
  @ApiProperty({ type: [String], description: 'What was left out or changed' }) warnings: string[];
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'The question created (commit only)' })
  questionId: string | null;
}

export class QuestionImportReportDto implements QuestionImportReport {
  @ApiProperty({ format: 'uuid' }) courseId: string;
  @ApiProperty({ enum: QUESTION_IMPORT_FORMATS }) format: QuestionImportFormat;
  @ApiProperty({ example: 'bank-soal-berakhlak.gift.txt' }) fileName: string;
  @ApiProperty({ example: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' }) fileSha256: string;
  @ApiProperty({ description: 'True for a preview: nothing was written' }) dryRun: boolean;
  @ApiProperty({ example: 10 }) total: number;
  @ApiProperty({ example: 9 }) accepted: number;
  @ApiProperty({ example: 0 }) duplicates: number;
  @ApiProperty({ example: 1 }) refused: number;
  @ApiProperty({ example: 9, description: 'Questions written (0 in a preview)' }) created: number;
  @ApiProperty({ type: [String], description: 'Categories named in the file that the bank does not have yet' })
  newCategories: string[];
  @ApiProperty({ type: [QuestionImportItemDto], description: 'One entry per question of the file, in file order' })
  items: QuestionImportItem[];
}
