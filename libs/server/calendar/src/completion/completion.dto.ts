import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsInt, Max, Min } from 'class-validator';
import { CLASS_JP_BASES, type ClassJpBasis } from '@kompeten/shared-contracts';

export class ClassCompletionRuleDto {
  @ApiProperty({ example: 80, minimum: 1, maximum: 100, description: 'Share of the scheduled minutes to attend' })
  minAttendancePercent: number;
  @ApiProperty({
    example: false,
    description: 'true: JP = attended minutes ÷ minutesPerJp, at most the offering’s JP; false: the offering’s JP',
  })
  jpByMinutes: boolean;
  @ApiProperty({ example: 45, minimum: 1, maximum: 240 }) minutesPerJp: number;
  @ApiProperty({ example: false, description: 'The offering links an e-learning course, whose completion is required' })
  requiresCourse: boolean;
}

export class CompletionRuleInputDto {
  @ApiProperty({ example: 80, minimum: 1, maximum: 100 })
  @IsInt({ message: 'minAttendancePercent harus bilangan bulat' })
  @Min(1, { message: 'minAttendancePercent minimal 1' })
  @Max(100, { message: 'minAttendancePercent maksimal 100' })
  minAttendancePercent: number;

  @ApiProperty({ example: true })
  @IsBoolean({ message: 'jpByMinutes harus true atau false' })
  jpByMinutes: boolean;

  @ApiProperty({ example: 45, minimum: 1, maximum: 240, description: 'DOMAIN.md §3: 1 JP = 45 minutes by default' })
  @IsInt({ message: 'minutesPerJp harus bilangan bulat' })
  @Min(1, { message: 'minutesPerJp minimal 1' })
  @Max(240, { message: 'minutesPerJp maksimal 240' })
  minutesPerJp: number;
}

export class FinaliseResultDto {
  @ApiProperty({ example: '7e8f9a0b-1c2d-4e3f-8a4b-5c6d7e8f9a0b' }) classId: string;
  @ApiProperty({ example: 30, description: 'Confirmed registrants evaluated' }) evaluated: number;
  @ApiProperty({ example: 27, description: 'Completed in total (this run and earlier ones)' }) completed: number;
  @ApiProperty({ example: 27, description: 'Completed by this run' }) newlyCompleted: number;
  @ApiProperty({ example: 2, description: 'Not completed: attendance under the threshold' }) shortOfAttendance: number;
  @ApiProperty({ example: 1, description: 'Not completed: the linked e-learning course is not completed' })
  courseMissing: number;
  @ApiProperty({ example: '2026-06-12T09:00:00.000Z' }) finalisedAt: string;
}

export class ClassCompletionSummaryDto {
  @ApiProperty({ example: '3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f' }) id: string;
  @ApiProperty({ example: '1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e' }) employeeId: string;
  @ApiProperty({ example: 'Rina Kartika' }) name: string;
  @ApiProperty({ example: '198609262015052001' }) nip: string;
  @ApiProperty({ example: 900 }) attendedMinutes: number;
  @ApiProperty({ example: 960 }) scheduledMinutes: number;
  @ApiProperty({ example: 93.75 }) attendancePercent: number;
  @ApiProperty({ example: 24 }) jp: number;
  @ApiProperty({ enum: CLASS_JP_BASES, example: 'declared_jp' }) jpBasis: ClassJpBasis;
  @ApiProperty({ example: '2026-06-12T09:00:00.000Z' }) completedAt: string;
}
