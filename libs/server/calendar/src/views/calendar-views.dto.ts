import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import {
  AGENCY_TIME_ZONES,
  CLASS_MODES,
  COMPETENCY_KINDS,
  type AgencyTimeZone,
  type CalendarDueDate,
  type CalendarEvent,
  type CalendarEvents,
  type ClassMode,
  type CompetencyKind,
  type MyCalendar,
  type MyClassStatus,
} from '@kompeten/shared-contracts';
import { IsCalendarDate } from '@kompeten/server-core';

/** The longest window one calendar request may ask for: a month view with its leading and trailing weeks. */
export const MAX_VIEW_DAYS = 62;
/** The most events one answer carries; beyond it the answer says `truncated`. */
export const MAX_VIEW_EVENTS = 1000;

const MY_STATUSES: MyClassStatus[] = ['confirmed', 'pending_approval', 'waitlisted', 'cancelled_by_organiser'];
const ZONE_LABELS = ['WIB', 'WITA', 'WIT'];
const oneOf = (name: string, values: readonly string[]) => ({
  message: `${name} harus salah satu dari ${values.join(', ')}`,
});

export class CalendarWindowDto {
  @ApiProperty({ example: '2027-02-01', description: 'First local day of the window (YYYY-MM-DD)' })
  @IsCalendarDate('from')
  from: string;

  @ApiProperty({
    example: '2027-02-28',
    description: `Last local day of the window, inclusive; at most ${MAX_VIEW_DAYS} days after from (else 400 CALENDAR.RANGE_TOO_LONG)`,
  })
  @IsCalendarDate('to')
  to: string;
}

export class CalendarEventsQueryDto extends CalendarWindowDto {
  @ApiPropertyOptional({
    example: '3f7c2d1e-9a0b-4c5d-8e6f-1a2b3c4d5e6f',
    description: 'Organising agency; one the caller cannot see answers 404',
  })
  @IsOptional()
  @IsUUID('4', { message: 'agencyId harus UUID' })
  agencyId?: string;

  @ApiPropertyOptional({ enum: CLASS_MODES, example: 'classroom' })
  @IsOptional()
  @IsIn(CLASS_MODES, oneOf('mode', CLASS_MODES))
  mode?: ClassMode;

  @ApiPropertyOptional({ example: 8, minimum: 1, maximum: 25, description: 'Form of development (jenis diklat)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'jenisDiklatId harus bilangan bulat' })
  @Min(1, { message: 'jenisDiklatId minimal 1' })
  @Max(25, { message: 'jenisDiklatId maksimal 25' })
  jenisDiklatId?: number;

  @ApiPropertyOptional({ enum: COMPETENCY_KINDS, example: 'teknis' })
  @IsOptional()
  @IsIn(COMPETENCY_KINDS, oneOf('competencyKind', COMPETENCY_KINDS))
  competencyKind?: CompetencyKind;

  @ApiPropertyOptional({
    example: true,
    description: 'Only classes whose registration is open now, open to the caller, and not registered for already',
  })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'openForMe harus true atau false' })
  openForMe?: boolean;
}

export class CalendarEventDto implements CalendarEvent {
  @ApiProperty({ example: '7e8f9a0b-1c2d-4e3f-8a4b-5c6d7e8f9a0b:0', description: '<classId>:<sessionIndex>' })
  id: string;
  @ApiProperty({ example: '7e8f9a0b-1c2d-4e3f-8a4b-5c6d7e8f9a0b' }) classId: string;
  @ApiProperty({ example: 0, description: 'Position of the day in the class’s schedule' }) sessionIndex: number;
  @ApiProperty({ example: 3 }) sessionCount: number;
  @ApiProperty({ example: 'Pelatihan Kepemimpinan Pengawas — Angkatan I' }) title: string;
  @ApiProperty({ example: 'Angkatan I' }) className: string;
  @ApiProperty({ example: 'Pelatihan Kepemimpinan Pengawas' }) offeringTitle: string;
  @ApiProperty({ example: '2027-02-10', description: 'Local date in the organising agency’s zone' }) date: string;
  @ApiProperty({ example: '08:00', description: 'Local start time' }) start: string;
  @ApiProperty({ example: '12:00', description: 'Local end time' }) end: string;
  @ApiProperty({ enum: AGENCY_TIME_ZONES, example: 'Asia/Makassar' }) timeZone: AgencyTimeZone;
  @ApiProperty({ enum: ZONE_LABELS, example: 'WITA' }) zoneLabel: 'WIB' | 'WITA' | 'WIT';
  @ApiProperty({ example: '2027-02-10T00:00:00.000Z' }) startsAt: string;
  @ApiProperty({ example: '2027-02-10T04:00:00.000Z' }) endsAt: string;
  @ApiProperty({ enum: CLASS_MODES, example: 'classroom' }) mode: ClassMode;
  @ApiProperty({ example: 'Aula BPSDM NTB', nullable: true, type: String }) venue: string | null;
  @ApiProperty({ example: null, nullable: true, type: String }) meetingUrl: string | null;
  @ApiProperty({ example: '3f7c2d1e-9a0b-4c5d-8e6f-1a2b3c4d5e6f' }) agencyId: string;
  @ApiProperty({ example: 'Pemerintah Provinsi Nusa Tenggara Barat' }) agencyName: string;
  @ApiProperty({ example: 5 }) jenisDiklatId: number;
  @ApiProperty({ enum: COMPETENCY_KINDS, example: 'manajerial' }) competencyKind: CompetencyKind;
  @ApiProperty({ example: 24 }) jp: number;
  @ApiProperty({ enum: ['scheduled', 'cancelled'], example: 'scheduled' }) classStatus: 'scheduled' | 'cancelled';
  @ApiProperty({ example: 12, nullable: true, type: Number, description: 'null: unlimited seats' })
  seatsLeft: number | null;
  @ApiProperty({ example: true }) registrationOpen: boolean;
  @ApiProperty({ example: true, description: 'Open now, open to the caller, not registered already' })
  openForMe: boolean;
  @ApiProperty({ enum: MY_STATUSES, example: null, nullable: true, description: 'The caller’s registration' })
  myStatus: MyClassStatus | null;
}

export class CalendarEventsDto implements CalendarEvents {
  @ApiProperty({ example: '2027-02-01' }) from: string;
  @ApiProperty({ example: '2027-02-28' }) to: string;
  @ApiProperty({ type: [CalendarEventDto], description: 'In time order' }) events: CalendarEventDto[];
  @ApiProperty({ example: MAX_VIEW_EVENTS, description: 'The most events one answer carries' }) limit: number;
  @ApiProperty({ example: false, description: 'true: more events than the limit; narrow the window or filters' })
  truncated: boolean;
}

export class CalendarDueDateDto implements CalendarDueDate {
  @ApiProperty({ example: '9a0b1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d' }) enrolmentId: string;
  @ApiProperty({ example: '8b1d7c2a-4e5f-4a6b-9c0d-1e2f3a4b5c6d' }) courseId: string;
  @ApiProperty({ example: 'Nilai Dasar ASN BerAKHLAK' }) courseTitle: string;
  @ApiProperty({ example: '2027-02-28T15:59:59.000Z', description: 'The last second that counts' }) dueAt: string;
  @ApiProperty({ example: '2027-02-28', description: 'The local day in the zone of whoever set it' }) dueDate: string;
  @ApiProperty({ enum: AGENCY_TIME_ZONES, example: 'Asia/Makassar' }) timeZone: AgencyTimeZone;
  @ApiProperty({ enum: ZONE_LABELS, example: 'WITA' }) zoneLabel: 'WIB' | 'WITA' | 'WIT';
  @ApiProperty({ example: false }) overdue: boolean;
  @ApiProperty({ example: true }) mandatory: boolean;
}

export class MyCalendarDto implements MyCalendar {
  @ApiProperty({ example: '2027-02-01' }) from: string;
  @ApiProperty({ example: '2027-02-28' }) to: string;
  @ApiProperty({ type: [CalendarEventDto], description: 'Sessions of the caller’s classes, with myStatus' })
  events: CalendarEventDto[];
  @ApiProperty({ type: [CalendarDueDateDto], description: 'Due dates of the caller’s active or pending courses' })
  dueDates: CalendarDueDateDto[];
  @ApiProperty({ example: MAX_VIEW_EVENTS }) limit: number;
  @ApiProperty({ example: false }) truncated: boolean;
}
