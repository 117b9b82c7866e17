import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  AGENCY_TIME_ZONES,
  ATTENDANCE_SCAN_KINDS,
  ATTENDANCE_SOURCES,
  ATTENDANCE_STATUSES,
  type AgencyTimeZone,
  type AttendanceScanKind,
  type AttendanceSourceKind,
  type AttendanceStatus,
} from '@kompeten/shared-contracts';
import { DATE_TIME_WITH_OFFSET_DOC, IsIsoDateTimeWithOffset } from '@kompeten/server-core';
import { ClassCompletionRuleDto } from '../completion/completion.dto';

const oneOf = (name: string, values: readonly string[]) => ({
  message: `${name} harus salah satu dari ${values.join(', ')}`,
});
const UUID_EX = '7e8f9a0b-1c2d-4e3f-8a4b-5c6d7e8f9a0b';
const TOKEN_EX = `${UUID_EX}.0.in.59366032.q1w2e3r4t5y6u7i8o9p0aZ`;

export class AttendanceClassSummaryDto {
  @ApiProperty({ example: UUID_EX }) id: string;
  @ApiProperty({ example: 'Angkatan I' }) name: string;
  @ApiProperty({ example: 'Pelatihan Kepemimpinan Pengawas' }) offeringTitle: string;
  @ApiProperty({ example: '2026-06-10' }) startDate: string;
  @ApiProperty({ example: '2026-06-12' }) endDate: string;
  @ApiProperty({ enum: AGENCY_TIME_ZONES, example: 'Asia/Makassar' }) timeZone: AgencyTimeZone;
  @ApiProperty({ enum: ['admin', 'trainer'], example: 'trainer' }) role: 'admin' | 'trainer';
  @ApiProperty({ example: false }) ended: boolean;
  @ApiProperty({ example: null, nullable: true, type: String }) finalisedAt: string | null;
}

export class AttendanceQrQueryDto {
  @ApiPropertyOptional({
    enum: ATTENDANCE_SCAN_KINDS,
    default: 'in',
    description: 'in: the arrival code; out: the leaving code (shown near the end of the session)',
  })
  @IsOptional()
  @IsIn(ATTENDANCE_SCAN_KINDS, oneOf('kind', ATTENDANCE_SCAN_KINDS))
  kind?: AttendanceScanKind;
}

export class AttendanceQrDto {
  @ApiProperty({ example: UUID_EX }) classId: string;
  @ApiProperty({ example: 0, description: 'Index into the class’s sessions (its days in order)' }) sessionIndex: number;
  @ApiProperty({ enum: ATTENDANCE_SCAN_KINDS, example: 'in' }) kind: AttendanceScanKind;
  @ApiProperty({ example: TOKEN_EX, description: 'HMAC-signed: class, session, kind and 30-second step' })
  token: string;
  @ApiProperty({
    example: `https://kompeten.ntbprov.go.id/kelas/${UUID_EX}/hadir?t=${TOKEN_EX}`,
    description: 'What the QR code encodes: the learner’s scan page',
  })
  url: string;
  @ApiProperty({ example: '2026-06-10T01:00:30.000Z', description: 'Fetch the next code at this instant' })
  rotatesAt: string;
  @ApiProperty({ example: '2026-06-10T01:01:00.000Z', description: 'Last instant a scan of this code is accepted' })
  expiresAt: string;
  @ApiProperty({ example: 30 }) periodSeconds: number;
}

export class ScanDto {
  @ApiProperty({ example: TOKEN_EX, maxLength: 200, description: 'The `t` parameter of the scanned URL' })
  @IsString({ message: 'token harus teks' })
  @MaxLength(200, { message: 'token maksimal 200 karakter' })
  token: string;
}

export class SessionAttendanceDto {
  @ApiProperty({ example: 0 }) sessionIndex: number;
  @ApiProperty({ enum: ATTENDANCE_STATUSES, nullable: true, example: 'present', description: 'null: nothing recorded' })
  status: AttendanceStatus | null;
  @ApiProperty({ example: '2026-06-10T00:05:12.000Z', nullable: true, type: String }) arrivedAt: string | null;
  @ApiProperty({ example: null, nullable: true, type: String }) leftAt: string | null;
  @ApiProperty({ example: 475, description: 'Minutes attended within the session' }) minutes: number;
  @ApiProperty({ example: false, description: 'Arrived more than 15 minutes after the start' }) late: boolean;
  @ApiProperty({ example: false, description: 'Left more than 15 minutes before the end' }) leftEarly: boolean;
  @ApiProperty({ enum: ATTENDANCE_SOURCES, nullable: true, example: 'qr' }) source: AttendanceSourceKind | null;
}

export class ScanResultDto {
  @ApiProperty({ example: UUID_EX }) classId: string;
  @ApiProperty({ example: 'Angkatan I' }) className: string;
  @ApiProperty({ example: 'Pelatihan Kepemimpinan Pengawas' }) offeringTitle: string;
  @ApiProperty({ enum: AGENCY_TIME_ZONES, example: 'Asia/Makassar' }) timeZone: AgencyTimeZone;
  @ApiProperty({ enum: ATTENDANCE_SCAN_KINDS, example: 'in' }) kind: AttendanceScanKind;
  @ApiProperty({ type: SessionAttendanceDto }) attendance: SessionAttendanceDto;
  @ApiProperty({ example: false, description: 'true: scanned before; nothing changed' }) already: boolean;
}

export class AttendanceListRowDto {
  @ApiProperty({ example: '9a0b1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d' }) registrationId: string;
  @ApiProperty({ example: '1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e' }) employeeId: string;
  @ApiProperty({ example: 'Rina Kartika' }) name: string;
  @ApiProperty({ example: '198609262015052001' }) nip: string;
  @ApiProperty({ type: SessionAttendanceDto }) attendance: SessionAttendanceDto;
}

export class AttendanceMarkDto {
  @ApiProperty({ example: '1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e', description: 'A confirmed registrant of the class' })
  @IsUUID('4', { message: 'employeeId harus UUID' })
  employeeId: string;

  @ApiProperty({ enum: ATTENDANCE_STATUSES, example: 'present' })
  @IsIn(ATTENDANCE_STATUSES, oneOf('status', ATTENDANCE_STATUSES))
  status: AttendanceStatus;

  @ApiPropertyOptional({
    example: '2026-06-10T08:20:00+08:00',
    nullable: true,
    type: String,
    description: `Arrival (present only; absent: the whole session counted from its start). ${DATE_TIME_WITH_OFFSET_DOC}`,
  })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsIsoDateTimeWithOffset('arrivedAt')
  arrivedAt?: string | null;

  @ApiPropertyOptional({
    example: '2026-06-10T14:30:00+08:00',
    nullable: true,
    type: String,
    description: `Leaving (present only; absent: counted to the session’s end). ${DATE_TIME_WITH_OFFSET_DOC}`,
  })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsIsoDateTimeWithOffset('leftAt')
  leftAt?: string | null;

  @ApiPropertyOptional({ example: true, description: 'Override; by default decided from arrivedAt' })
  @IsOptional()
  @IsBoolean({ message: 'late harus true atau false' })
  late?: boolean;

  @ApiPropertyOptional({ example: false, description: 'Override; by default decided from leftAt' })
  @IsOptional()
  @IsBoolean({ message: 'leftEarly harus true atau false' })
  leftEarly?: boolean;
}

export class AttendanceMarksDto {
  @ApiProperty({ type: [AttendanceMarkDto], minItems: 1, maxItems: 100 })
  @IsArray({ message: 'items harus daftar' })
  @ArrayMinSize(1, { message: 'items minimal 1' })
  @ArrayMaxSize(100, { message: 'items maksimal 100 per permintaan' })
  @ValidateNested({ each: true })
  @Type(() => AttendanceMarkDto)
  items: AttendanceMarkDto[];
}

export class AttendanceSessionDto {
  @ApiProperty({ example: 0 }) index: number;
  @ApiProperty({ example: '2026-06-10', description: 'Local date in the class’s zone' }) date: string;
  @ApiProperty({ example: '08:00' }) start: string;
  @ApiProperty({ example: '16:00' }) end: string;
  @ApiProperty({ example: '2026-06-10T00:00:00.000Z' }) startsAt: string;
  @ApiProperty({ example: '2026-06-10T08:00:00.000Z' }) endsAt: string;
  @ApiProperty({ example: 28 }) present: number;
  @ApiProperty({ example: 2 }) absent: number;
  @ApiProperty({ example: 3 }) late: number;
  @ApiProperty({ example: 1 }) leftEarly: number;
}

export class ClassAttendanceOverviewDto {
  @ApiProperty({ example: UUID_EX }) classId: string;
  @ApiProperty({ example: 'Angkatan I' }) className: string;
  @ApiProperty({ example: 'Pelatihan Kepemimpinan Pengawas' }) offeringTitle: string;
  @ApiProperty({ enum: AGENCY_TIME_ZONES, example: 'Asia/Makassar' }) timeZone: AgencyTimeZone;
  @ApiProperty({ example: 'Aula BPSDM NTB', nullable: true, type: String }) venue: string | null;
  @ApiProperty({ enum: ['admin', 'trainer'], example: 'trainer' }) role: 'admin' | 'trainer';
  @ApiProperty({ example: 30, description: 'Confirmed registrants' }) confirmed: number;
  @ApiProperty({ type: [AttendanceSessionDto] }) sessions: AttendanceSessionDto[];
  @ApiProperty({ type: ClassCompletionRuleDto }) rule: ClassCompletionRuleDto;
  @ApiProperty({ example: false, description: 'The last session has ended' }) ended: boolean;
  @ApiProperty({ example: null, nullable: true, type: String }) finalisedAt: string | null;
  @ApiProperty({ example: 0 }) completions: number;
}

export class MySessionAttendanceDto extends SessionAttendanceDto {
  @ApiProperty({ example: '2026-06-10T00:00:00.000Z' }) startsAt: string;
  @ApiProperty({ example: '2026-06-10T08:00:00.000Z' }) endsAt: string;
}

export class MyClassCompletionDto {
  @ApiProperty({ example: '3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f' }) id: string;
  @ApiProperty({ example: 24 }) jp: number;
  @ApiProperty({ example: '2026-06-12T09:00:00.000Z' }) completedAt: string;
}

export class MyClassAttendanceDto {
  @ApiProperty({ example: UUID_EX }) classId: string;
  @ApiProperty({ example: 'Angkatan I' }) className: string;
  @ApiProperty({ example: 'Pelatihan Kepemimpinan Pengawas' }) offeringTitle: string;
  @ApiProperty({ enum: AGENCY_TIME_ZONES, example: 'Asia/Makassar' }) timeZone: AgencyTimeZone;
  @ApiProperty({ type: [MySessionAttendanceDto] }) sessions: MySessionAttendanceDto[];
  @ApiProperty({ type: ClassCompletionRuleDto }) rule: ClassCompletionRuleDto;
  @ApiProperty({ example: 900 }) attendedMinutes: number;
  @ApiProperty({ example: 960 }) scheduledMinutes: number;
  @ApiProperty({ example: 93.75 }) attendancePercent: number;
  @ApiProperty({ example: true }) ended: boolean;
  @ApiProperty({ example: '2026-06-12T09:00:00.000Z', nullable: true, type: String }) finalisedAt: string | null;
  @ApiProperty({ type: MyClassCompletionDto, nullable: true }) completion: MyClassCompletionDto | null;
}
