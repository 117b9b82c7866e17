import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import {
  CLASS_REGISTRATION_STATUSES,
  type HostPresenceCheck,
  type HostWebinarView,
  type LearnerWebinarView,
  type OpenPresenceCheck,
  type PresenceAnswer,
  type PresenceCheckOrigin,
  type WebinarJoin,
  type WebinarParticipant,
  type WebinarSession,
} from '@kompeten/shared-contracts';
import { PageQueryDto } from '@kompeten/server-core';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const ID = '7e8f9a0b-1c2d-4e3f-8a4b-5c6d7e8f9a0b';

export class WebinarJoinDto implements WebinarJoin {
  @ApiProperty({ example: 'https://zoom.us/j/81234567890', description: 'Where the browser goes next' })
  meetingUrl: string;
  @ApiProperty({ example: 0, description: 'Index into the class’s sessions' }) sessionIndex: number;
  @ApiProperty({ example: '2027-03-02T01:00:00.000Z' }) sessionStartsAt: string;
  @ApiProperty({ example: '2027-03-02T03:00:00.000Z' }) sessionEndsAt: string;
  @ApiProperty({ example: '2027-03-02T00:52:13.000Z', description: 'The first join of this session (never moves)' })
  firstJoinedAt: string;
  @ApiProperty({ example: 1, description: 'Joins of this session; one within 30 s of the previous is not counted' })
  joinCount: number;
  @ApiProperty({ example: false, description: 'true: this join registered the learner (unlimited webinar)' })
  autoRegistered: boolean;
}

export class WebinarSessionDto implements WebinarSession {
  @ApiProperty({ example: 0 }) index: number;
  @ApiProperty({ example: '2027-03-02T01:00:00.000Z' }) startsAt: string;
  @ApiProperty({ example: '2027-03-02T03:00:00.000Z' }) endsAt: string;
  @ApiProperty({ example: '2027-03-02T00:45:00.000Z', description: '15 minutes before the start' })
  joinOpensAt: string;
}

export class OpenPresenceCheckDto implements OpenPresenceCheck {
  @ApiProperty({ example: ID }) id: string;
  @ApiProperty({ example: 0 }) sessionIndex: number;
  @ApiProperty({ example: '2027-03-02T01:41:07.000Z' }) opensAt: string;
  @ApiProperty({ example: '2027-03-02T01:46:07.000Z' }) closesAt: string;
  @ApiProperty({ example: false }) answered: boolean;
  @ApiProperty({ example: 3 }) attemptsLeft: number;
}

export class LearnerWebinarViewDto implements LearnerWebinarView {
  @ApiProperty({ example: ID }) classId: string;
  @ApiProperty({ example: 'Webinar Angkatan I' }) className: string;
  @ApiProperty({ example: 'Sosialisasi Manajemen Talenta ASN' }) offeringTitle: string;
  @ApiProperty({ example: 'Asia/Makassar' }) timeZone: string;
  @ApiProperty({ enum: CLASS_REGISTRATION_STATUSES, nullable: true, example: 'confirmed', type: String })
  registrationStatus: string | null;
  @ApiProperty({ example: false, description: 'Joining now would register the learner (unlimited webinar, open)' })
  canAutoRegister: boolean;
  @ApiProperty({ type: [WebinarSessionDto] }) sessions: WebinarSessionDto[];
  @ApiProperty({ example: 0, nullable: true, type: Number, description: 'The session open for joining now' })
  currentSession: number | null;
  @ApiProperty({ example: true }) joinedCurrentSession: boolean;
  @ApiProperty({ type: OpenPresenceCheckDto, nullable: true, description: 'Never carries the code' })
  openCheck: OpenPresenceCheckDto | null;
}

export class HostPresenceCheckDto implements HostPresenceCheck {
  @ApiProperty({ example: ID }) id: string;
  @ApiProperty({ example: 0 }) sessionIndex: number;
  @ApiProperty({ example: '4821', description: 'Four digits, to show or read out in the meeting' }) code: string;
  @ApiProperty({ enum: ['scheduled', 'host'], example: 'scheduled' }) origin: PresenceCheckOrigin;
  @ApiProperty({ example: '2027-03-02T01:41:07.000Z' }) opensAt: string;
  @ApiProperty({ example: '2027-03-02T01:46:07.000Z' }) closesAt: string;
  @ApiProperty({ example: 1412, description: 'Learners who answered it right' }) answered: number;
}

export class HostWebinarViewDto implements HostWebinarView {
  @ApiProperty({ example: ID }) classId: string;
  @ApiProperty({ example: 'Webinar Angkatan I' }) className: string;
  @ApiProperty({ example: 'Sosialisasi Manajemen Talenta ASN' }) offeringTitle: string;
  @ApiProperty({ example: 'Asia/Makassar' }) timeZone: string;
  @ApiProperty({ type: [WebinarSessionDto] }) sessions: WebinarSessionDto[];
  @ApiProperty({ example: 0, nullable: true, type: Number }) currentSession: number | null;
  @ApiProperty({ example: 1600, description: 'Confirmed registrations' }) registered: number;
  @ApiProperty({ example: 1488, description: 'Learners who joined the session shown' }) joined: number;
  @ApiProperty({ type: HostPresenceCheckDto, nullable: true }) openCheck: HostPresenceCheckDto | null;
  @ApiProperty({ type: [HostPresenceCheckDto], description: 'Checks of the session shown that opened, newest first' })
  checks: HostPresenceCheckDto[];
}

export class OpenCheckAnswerDto {
  @ApiProperty({ type: HostPresenceCheckDto }) check: HostPresenceCheckDto;
  @ApiProperty({ example: true, description: 'false: a check was open already and is answered instead' })
  created: boolean;
}

export class PresenceAnswerInputDto {
  @ApiProperty({ example: '4821', description: 'The four-digit code shown in the meeting' })
  @Transform(trim)
  @IsString({ message: 'code harus teks' })
  @Matches(/^[0-9]{4}$/, { message: 'code harus 4 angka' })
  code: string;
}

export class PresenceAnswerDto implements PresenceAnswer {
  @ApiProperty({ example: ID }) checkId: string;
  @ApiProperty({ example: '2027-03-02T01:42:30.000Z' }) answeredAt: string;
  @ApiProperty({ example: false, description: 'true: answered before; nothing changed' }) alreadyAnswered: boolean;
}

export class WebinarParticipantDto implements WebinarParticipant {
  @ApiProperty({ example: ID }) employeeId: string;
  @ApiProperty({ example: 'Rina Kartika, S.Kom.', nullable: true, type: String }) employeeName: string | null;
  @ApiProperty({ example: '198609262015051001', nullable: true, type: String }) nip: string | null;
  @ApiProperty({ example: 0 }) sessionIndex: number;
  @ApiProperty({ example: '2027-03-02T00:52:13.000Z', nullable: true, type: String }) firstJoinedAt: string | null;
  @ApiProperty({ example: 1 }) joinCount: number;
  @ApiProperty({ example: 2 }) answeredChecks: number;
}

export class ParticipantQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 0, default: 0, minimum: 0, description: 'Index into the class’s sessions' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'sessionIndex harus bilangan bulat' })
  @Min(0, { message: 'sessionIndex minimal 0' })
  @Max(366, { message: 'sessionIndex maksimal 366' })
  sessionIndex: number = 0;
}
