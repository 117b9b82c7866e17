import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsOptional,
  IsString,
  IsUrl,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import type { ClassEditAnswer } from '@kompeten/shared-contracts';
import { DATE_TIME_WITH_OFFSET_DOC, IsIsoDateTimeWithOffset } from '@kompeten/server-core';
import { ClassDayDto, ClassSpeakerDto, TrainingClassDto } from '../dto/calendar.dto';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/**
 * What an organiser may change on a class (decision 0040). Seats, quotas, mode and the registration opening are not
 * editable: they decided who holds a seat. A field left out stays as it is; null clears venue or meetingUrl.
 */
export class UpdateClassDto {
  @ApiPropertyOptional({ example: 'Angkatan I (dijadwalkan ulang)', maxLength: 100 })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: 'name harus teks' })
  @MinLength(1, { message: 'name wajib diisi' })
  @MaxLength(100, { message: 'name maksimal 100 karakter' })
  name?: string;

  @ApiPropertyOptional({
    type: [ClassDayDto],
    description:
      'The whole new schedule (days and local times in the organising agency’s zone); only before the class starts',
  })
  @IsOptional()
  @IsArray({ message: 'schedule harus daftar hari' })
  @ArrayMinSize(1, { message: 'schedule minimal satu hari' })
  @ArrayMaxSize(120, { message: 'schedule maksimal 120 hari' })
  @ValidateNested({ each: true })
  @Type(() => ClassDayDto)
  schedule?: ClassDayDto[];

  @ApiPropertyOptional({ example: 'Aula Bappeda NTB', maxLength: 300, nullable: true, type: String })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: 'venue harus teks' })
  @MaxLength(300, { message: 'venue maksimal 300 karakter' })
  venue?: string | null;

  @ApiPropertyOptional({ example: 'https://zoom.us/j/9876543210', maxLength: 500, nullable: true, type: String })
  @IsOptional()
  @IsUrl({ protocols: ['https'], require_protocol: true }, { message: 'meetingUrl harus tautan https' })
  @MaxLength(500, { message: 'meetingUrl maksimal 500 karakter' })
  meetingUrl?: string | null;

  @ApiPropertyOptional({ type: [ClassSpeakerDto], description: 'The whole new list of speakers' })
  @IsOptional()
  @IsArray({ message: 'speakers harus daftar' })
  @ArrayMaxSize(50, { message: 'speakers maksimal 50 orang' })
  @ValidateNested({ each: true })
  @Type(() => ClassSpeakerDto)
  speakers?: ClassSpeakerDto[];

  @ApiPropertyOptional({ example: '2027-02-05T23:59:59+08:00', description: DATE_TIME_WITH_OFFSET_DOC })
  @IsOptional()
  @IsIsoDateTimeWithOffset('registrationClosesAt')
  registrationClosesAt?: string;

  @ApiPropertyOptional({ example: '2027-02-07T23:59:59+08:00', description: DATE_TIME_WITH_OFFSET_DOC })
  @IsOptional()
  @IsIsoDateTimeWithOffset('cancellationDeadline')
  cancellationDeadline?: string;
}

export class CancelClassDto {
  @ApiProperty({ example: 'Narasumber berhalangan; kelas diganti Angkatan II', minLength: 3, maxLength: 500 })
  @Transform(trim)
  @IsString({ message: 'reason harus teks' })
  @MinLength(3, { message: 'reason minimal 3 karakter' })
  @MaxLength(500, { message: 'reason maksimal 500 karakter' })
  reason: string;
}

export class ClassEditAnswerDto implements ClassEditAnswer {
  @ApiProperty({ type: TrainingClassDto }) class: TrainingClassDto;
  @ApiProperty({ example: 3, description: 'The class’s SEQUENCE after the change (unchanged when nothing changed)' })
  sequence: number;
}
