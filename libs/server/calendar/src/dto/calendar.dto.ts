import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import {
  AGENCY_TIME_ZONES,
  CLASS_MODES,
  CLASS_REGISTRATION_STATUSES,
  COMPETENCY_KINDS,
  SEAT_POOLS,
  type AgencyTimeZone,
  type ClassMode,
  type ClassRegistrationStatus,
  type CompetencyKind,
  type SeatPool,
} from '@kompeten/shared-contracts';
import { DATE_TIME_WITH_OFFSET_DOC, IsIsoDateTimeWithOffset, PageQueryDto } from '@kompeten/server-core';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const oneOf = (name: string, values: readonly string[]) => ({
  message: `${name} harus salah satu dari ${values.join(', ')}`,
});

// ---- offerings ------------------------------------------------------------------------------------

export class CreateOfferingDto {
  @ApiProperty({ example: '3f7c2d1e-9a0b-4c5d-8e6f-1a2b3c4d5e6f', description: 'The organising agency' })
  @IsUUID('4', { message: 'agencyId harus UUID' })
  agencyId: string;

  @ApiProperty({ example: 'Pelatihan Kepemimpinan Pengawas', maxLength: 200 })
  @Transform(trim)
  @IsString({ message: 'title harus teks' })
  @MinLength(3, { message: 'title minimal 3 karakter' })
  @MaxLength(200, { message: 'title maksimal 200 karakter' })
  title: string;

  @ApiPropertyOptional({ example: 'Pelatihan klasikal bagi pejabat pengawas se-NTB', maxLength: 4000 })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: 'description harus teks' })
  @MaxLength(4000, { message: 'description maksimal 4000 karakter' })
  description?: string;

  @ApiProperty({ example: 1, minimum: 1, maximum: 25, description: 'SIASN jenis diklat code (DOMAIN.md §3, §6)' })
  @IsInt({ message: 'jenisDiklatId harus bilangan bulat' })
  @Min(1, { message: 'jenisDiklatId minimal 1' })
  @Max(25, { message: 'jenisDiklatId maksimal 25' })
  jenisDiklatId: number;

  @ApiProperty({ example: 24, minimum: 0.25, maximum: 2000 })
  @IsNumber({ maxDecimalPlaces: 2 }, { message: 'jp harus angka dengan paling banyak 2 desimal' })
  @Min(0.25, { message: 'jp minimal 0.25' })
  @Max(2000, { message: 'jp maksimal 2000' })
  jp: number;

  @ApiProperty({ enum: COMPETENCY_KINDS, example: 'manajerial' })
  @IsIn(COMPETENCY_KINDS, oneOf('competencyKind', COMPETENCY_KINDS))
  competencyKind: CompetencyKind;

  @ApiPropertyOptional({ example: '8b1d7c2a-4e5f-4a6b-9c0d-1e2f3a4b5c6d', description: 'A linked e-learning course' })
  @IsOptional()
  @IsUUID('4', { message: 'courseId harus UUID' })
  courseId?: string;
}

export class TrainingOfferingDto {
  @ApiProperty({ example: '0d6c2f0e-1b7a-4b43-9d2c-3f1e2a4b5c6d' }) id: string;
  @ApiProperty({ example: '3f7c2d1e-9a0b-4c5d-8e6f-1a2b3c4d5e6f' }) agencyId: string;
  @ApiProperty({ example: 'BPSDM Provinsi NTB' }) agencyName: string;
  @ApiProperty({ example: 'Pelatihan Kepemimpinan Pengawas' }) title: string;
  @ApiProperty({ example: null, nullable: true, type: String }) description: string | null;
  @ApiProperty({ example: 1 }) jenisDiklatId: number;
  @ApiProperty({ example: 24 }) jp: number;
  @ApiProperty({ enum: COMPETENCY_KINDS, example: 'manajerial' }) competencyKind: CompetencyKind;
  @ApiProperty({ example: null, nullable: true, type: String }) courseId: string | null;
  @ApiProperty({ example: 2 }) classCount: number;
  @ApiProperty({ example: '2026-12-04T10:00:00.000Z' }) createdAt: string;
}

// ---- classes --------------------------------------------------------------------------------------

export class ClassDayDto {
  @ApiProperty({ example: '2027-02-10', description: 'Local date in the organising agency’s zone' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'schedule.date harus tanggal YYYY-MM-DD' })
  date: string;

  @ApiProperty({ example: '08:00' })
  @Matches(/^\d{2}:\d{2}$/, { message: 'schedule.start harus jam HH:MM' })
  start: string;

  @ApiProperty({ example: '16:00' })
  @Matches(/^\d{2}:\d{2}$/, { message: 'schedule.end harus jam HH:MM' })
  end: string;
}

export class ClassSpeakerDto {
  @ApiPropertyOptional({ example: null, nullable: true, type: String, description: 'An internal ASN (widyaiswara)' })
  @IsOptional()
  @IsUUID('4', { message: 'speakers.employeeId harus UUID' })
  employeeId?: string | null;

  @ApiPropertyOptional({
    example: '197803152005012002',
    description: 'An internal ASN (widyaiswara) by NIP, instead of employeeId: must be an active ASN',
  })
  @IsOptional()
  @Matches(/^\d{18}$/, { message: 'speakers.nip harus 18 digit' })
  nip?: string;

  @ApiPropertyOptional({
    example: 'Dr. Siti Rahmawati, M.Si.',
    maxLength: 200,
    description: 'Required for an external speaker; an internal one defaults to the name on their record',
  })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: 'speakers.name harus teks' })
  @MinLength(2, { message: 'speakers.name minimal 2 karakter' })
  @MaxLength(200, { message: 'speakers.name maksimal 200 karakter' })
  name?: string;

  @ApiPropertyOptional({ example: 'Universitas Mataram', maxLength: 200, description: 'For an external speaker' })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: 'speakers.institution harus teks' })
  @MaxLength(200, { message: 'speakers.institution maksimal 200 karakter' })
  institution?: string | null;

  @ApiPropertyOptional({ example: 'widyaiswara', maxLength: 100 })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: 'speakers.role harus teks' })
  @MaxLength(100, { message: 'speakers.role maksimal 100 karakter' })
  role?: string | null;
}

export class ClassQuotaInputDto {
  @ApiProperty({ example: '5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d' })
  @IsUUID('4', { message: 'quotas.agencyId harus UUID' })
  agencyId: string;

  @ApiProperty({ example: 6, minimum: 1 })
  @IsInt({ message: 'quotas.seats harus bilangan bulat' })
  @Min(1, { message: 'quotas.seats minimal 1' })
  @Max(100000, { message: 'quotas.seats maksimal 100000' })
  seats: number;
}

export class CreateClassDto {
  @ApiProperty({ example: 'Angkatan I', maxLength: 100 })
  @Transform(trim)
  @IsString({ message: 'name harus teks' })
  @MinLength(1, { message: 'name wajib diisi' })
  @MaxLength(100, { message: 'name maksimal 100 karakter' })
  name: string;

  @ApiProperty({ type: [ClassDayDto], description: 'Days and local times in the organising agency’s zone' })
  @IsArray({ message: 'schedule harus daftar hari' })
  @ArrayMinSize(1, { message: 'schedule minimal satu hari' })
  @ArrayMaxSize(120, { message: 'schedule maksimal 120 hari' })
  @ValidateNested({ each: true })
  @Type(() => ClassDayDto)
  schedule: ClassDayDto[];

  @ApiProperty({ enum: CLASS_MODES, example: 'classroom' })
  @IsIn(CLASS_MODES, oneOf('mode', CLASS_MODES))
  mode: ClassMode;

  @ApiPropertyOptional({ example: 'Aula BPSDM NTB, Jl. Majapahit 29 Mataram', maxLength: 300 })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: 'venue harus teks' })
  @MaxLength(300, { message: 'venue maksimal 300 karakter' })
  venue?: string;

  @ApiPropertyOptional({ example: 'https://zoom.us/j/1234567890', maxLength: 500 })
  @IsOptional()
  @IsUrl({ protocols: ['https'], require_protocol: true }, { message: 'meetingUrl harus tautan https' })
  @MaxLength(500, { message: 'meetingUrl maksimal 500 karakter' })
  meetingUrl?: string;

  @ApiPropertyOptional({ type: [ClassSpeakerDto] })
  @IsOptional()
  @IsArray({ message: 'speakers harus daftar' })
  @ArrayMaxSize(50, { message: 'speakers maksimal 50 orang' })
  @ValidateNested({ each: true })
  @Type(() => ClassSpeakerDto)
  speakers?: ClassSpeakerDto[];

  @ApiProperty({ example: 60, nullable: true, type: Number, description: 'null: unlimited (a webinar)' })
  @IsOptional()
  @IsInt({ message: 'seats harus bilangan bulat atau null' })
  @Min(1, { message: 'seats minimal 1' })
  @Max(100000, { message: 'seats maksimal 100000' })
  seats: number | null;

  @ApiPropertyOptional({ type: [ClassQuotaInputDto], description: 'Seats reserved per agency; their sum ≤ seats' })
  @IsOptional()
  @IsArray({ message: 'quotas harus daftar' })
  @ArrayMaxSize(200, { message: 'quotas maksimal 200 instansi' })
  @ValidateNested({ each: true })
  @Type(() => ClassQuotaInputDto)
  quotas?: ClassQuotaInputDto[];

  @ApiProperty({ example: '2027-01-04T08:00:00+08:00', description: DATE_TIME_WITH_OFFSET_DOC })
  @IsIsoDateTimeWithOffset('registrationOpensAt')
  registrationOpensAt: string;

  @ApiProperty({ example: '2027-01-31T23:59:59+08:00', description: DATE_TIME_WITH_OFFSET_DOC })
  @IsIsoDateTimeWithOffset('registrationClosesAt')
  registrationClosesAt: string;

  @ApiProperty({ example: '2027-02-03T23:59:59+08:00', description: DATE_TIME_WITH_OFFSET_DOC })
  @IsIsoDateTimeWithOffset('cancellationDeadline')
  cancellationDeadline: string;

  @ApiPropertyOptional({
    example: '2027-01-20T00:00:00+08:00',
    description: `From then unused quota seats are open to all. ${DATE_TIME_WITH_OFFSET_DOC}`,
  })
  @IsOptional()
  @IsIsoDateTimeWithOffset('quotaReleaseAt')
  quotaReleaseAt?: string;

  @ApiPropertyOptional({ example: true, default: false })
  @IsOptional()
  @IsBoolean({ message: 'requiresApproval harus true atau false' })
  requiresApproval?: boolean;

  @ApiPropertyOptional({
    example: true,
    default: true,
    description: 'false: a full class refuses instead of waitlisting',
  })
  @IsOptional()
  @IsBoolean({ message: 'waitlist harus true atau false' })
  waitlist?: boolean;
}

export class ClassDayViewDto {
  @ApiProperty({ example: '2027-02-10' }) date: string;
  @ApiProperty({ example: '08:00' }) start: string;
  @ApiProperty({ example: '16:00' }) end: string;
}

export class ClassSpeakerViewDto {
  @ApiProperty({ example: null, nullable: true, type: String }) employeeId: string | null;
  @ApiProperty({ example: 'Dr. Siti Rahmawati, M.Si.' }) name: string;
  @ApiProperty({ example: 'Universitas Mataram', nullable: true, type: String }) institution: string | null;
  @ApiProperty({ example: 'widyaiswara', nullable: true, type: String }) role: string | null;
}

export class ClassQuotaDto {
  @ApiProperty({ example: '5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d' }) agencyId: string;
  @ApiProperty({ example: 'Pemerintah Kota Mataram' }) agencyName: string;
  @ApiProperty({ example: 6 }) seats: number;
  @ApiProperty({ example: 4 }) taken: number;
}

export class TrainingClassDto {
  @ApiProperty({ example: '7e8f9a0b-1c2d-4e3f-8a4b-5c6d7e8f9a0b' }) id: string;
  @ApiProperty({ example: '0d6c2f0e-1b7a-4b43-9d2c-3f1e2a4b5c6d' }) offeringId: string;
  @ApiProperty({ example: 'Pelatihan Kepemimpinan Pengawas' }) offeringTitle: string;
  @ApiProperty({ example: '3f7c2d1e-9a0b-4c5d-8e6f-1a2b3c4d5e6f' }) agencyId: string;
  @ApiProperty({ example: 'Angkatan I' }) name: string;
  @ApiProperty({ enum: AGENCY_TIME_ZONES, example: 'Asia/Makassar' }) timeZone: AgencyTimeZone;
  @ApiProperty({ example: '2027-02-10' }) startDate: string;
  @ApiProperty({ example: '2027-02-12' }) endDate: string;
  @ApiProperty({ type: [ClassDayViewDto] }) schedule: ClassDayViewDto[];
  @ApiProperty({ enum: CLASS_MODES, example: 'classroom' }) mode: ClassMode;
  @ApiProperty({ example: 'Aula BPSDM NTB', nullable: true, type: String }) venue: string | null;
  @ApiProperty({ example: null, nullable: true, type: String }) meetingUrl: string | null;
  @ApiProperty({ type: [ClassSpeakerViewDto] }) speakers: ClassSpeakerViewDto[];
  @ApiProperty({ example: 60, nullable: true, type: Number }) seats: number | null;
  @ApiProperty({ example: 42 }) taken: number;
  @ApiProperty({ example: 3, description: 'Waitlisted now' }) waiting: number;
  @ApiProperty({ example: '2027-01-04T00:00:00.000Z' }) registrationOpensAt: string;
  @ApiProperty({ example: '2027-01-31T15:59:59.000Z' }) registrationClosesAt: string;
  @ApiProperty({ example: '2027-02-03T15:59:59.000Z' }) cancellationDeadline: string;
  @ApiProperty({ example: false }) requiresApproval: boolean;
  @ApiProperty({ example: true }) waitlist: boolean;
  @ApiProperty({ example: '2027-01-19T16:00:00.000Z', nullable: true, type: String }) quotaReleaseAt: string | null;
  @ApiProperty({ type: [ClassQuotaDto] }) quotas: ClassQuotaDto[];
  @ApiProperty({ example: 24 }) jp: number;
  @ApiProperty({ example: 1 }) jenisDiklatId: number;
  @ApiProperty({ enum: COMPETENCY_KINDS, example: 'manajerial' }) competencyKind: CompetencyKind;
  @ApiProperty({ enum: ['scheduled', 'cancelled'], example: 'scheduled' }) status: 'scheduled' | 'cancelled';
  @ApiProperty({ example: 2, description: 'Incremented by every edit and the cancellation (iCalendar SEQUENCE)' })
  sequence: number;
  @ApiProperty({ example: '2027-01-10T02:00:00.000Z', description: 'The last edit or cancellation' })
  updatedAt: string;
  @ApiProperty({ example: null, nullable: true, type: String }) cancelledAt: string | null;
  @ApiProperty({ example: null, nullable: true, type: String, description: 'Why the organiser cancelled the class' })
  cancellationReason: string | null;
}

export class ClassQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: true, description: 'Only classes whose registration window is open now' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'open harus true atau false' })
  open?: boolean;

  @ApiPropertyOptional({ enum: CLASS_MODES, example: 'classroom' })
  @IsOptional()
  @IsIn(CLASS_MODES, oneOf('mode', CLASS_MODES))
  mode?: ClassMode;

  @ApiPropertyOptional({ enum: COMPETENCY_KINDS, example: 'teknis' })
  @IsOptional()
  @IsIn(COMPETENCY_KINDS, oneOf('competencyKind', COMPETENCY_KINDS))
  competencyKind?: CompetencyKind;

  @ApiPropertyOptional({ example: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'jenisDiklatId harus bilangan bulat' })
  @Min(1, { message: 'jenisDiklatId minimal 1' })
  @Max(25, { message: 'jenisDiklatId maksimal 25' })
  jenisDiklatId?: number;

  @ApiPropertyOptional({ example: '3f7c2d1e-9a0b-4c5d-8e6f-1a2b3c4d5e6f', description: 'Organising agency' })
  @IsOptional()
  @IsUUID('4', { message: 'agencyId harus UUID' })
  agencyId?: string;

  @ApiPropertyOptional({
    example: '0d6c2f0e-1b7a-4b43-9d2c-3f1e2a4b5c6d',
    description: 'Only the classes of this offering (the class admin page lists them to edit or cancel)',
  })
  @IsOptional()
  @IsUUID('4', { message: 'offeringId harus UUID' })
  offeringId?: string;
}

// ---- registrations --------------------------------------------------------------------------------

export class ClassRegistrationDto {
  @ApiProperty({ example: '9a0b1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d' }) id: string;
  @ApiProperty({ example: '7e8f9a0b-1c2d-4e3f-8a4b-5c6d7e8f9a0b' }) classId: string;
  @ApiProperty({
    example: 'Pelatihan Kepemimpinan Pengawas — Angkatan I',
    nullable: true,
    type: String,
    description: 'In lists; null in the answer to a registration',
  })
  classTitle: string | null;
  @ApiProperty({ example: '1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e' }) employeeId: string;
  @ApiProperty({ example: 'Rina Kartika, S.Kom.', nullable: true, type: String }) employeeName: string | null;
  @ApiProperty({ example: '5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d' }) agencyId: string;
  @ApiProperty({ enum: CLASS_REGISTRATION_STATUSES, example: 'waitlisted' }) status: ClassRegistrationStatus;
  @ApiProperty({ enum: SEAT_POOLS, example: null, nullable: true }) seatPool: SeatPool | null;
  @ApiProperty({ example: 12, nullable: true, type: Number, description: 'Arrival number on the waitlist' })
  waitlistNumber: number | null;
  @ApiProperty({ example: 12, nullable: true, type: Number, description: 'People ahead + 1, while waitlisted' })
  waitlistPosition: number | null;
  @ApiProperty({ example: null, nullable: true, type: String }) nominatedBy: string | null;
  @ApiProperty({ example: null, nullable: true, type: String }) decidedAt: string | null;
  @ApiProperty({ example: null, nullable: true, type: String }) decisionReason: string | null;
  @ApiProperty({ example: '2027-01-04T00:00:01.000Z' }) createdAt: string;
}

export class RegistrationAnswerDto {
  @ApiProperty({ type: ClassRegistrationDto }) registration: ClassRegistrationDto;
  @ApiProperty({ example: false, description: 'true: the ASN was registered already; nothing changed' })
  alreadyRegistered: boolean;
}

export class NominateDto {
  @ApiProperty({ example: '1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e', description: 'An ASN the HR officer manages' })
  @IsUUID('4', { message: 'employeeId harus UUID' })
  employeeId: string;
}

export class DecisionDto {
  @ApiProperty({ enum: ['approve', 'reject'], example: 'approve' })
  @IsIn(['approve', 'reject'], oneOf('decision', ['approve', 'reject']))
  decision: 'approve' | 'reject';

  @ApiPropertyOptional({ example: 'Bertepatan dengan tugas pemeriksaan', maxLength: 500 })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: 'reason harus teks' })
  @MaxLength(500, { message: 'reason maksimal 500 karakter' })
  reason?: string;
}

export class RegistrationQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: CLASS_REGISTRATION_STATUSES, example: 'waitlisted' })
  @IsOptional()
  @IsIn(CLASS_REGISTRATION_STATUSES, oneOf('status', CLASS_REGISTRATION_STATUSES))
  status?: ClassRegistrationStatus;
}
