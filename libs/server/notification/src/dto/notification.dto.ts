import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsOptional, ValidateNested } from 'class-validator';
import {
  EMAIL_PREFERENCE_KINDS,
  NOTIFICATION_KINDS,
  type AppNotification,
  type EmailPreference,
  type EmailPreferenceKind,
  type EmailPreferences,
  type NotificationKind,
  type NotificationPage,
} from '@kompeten/shared-contracts';
import { PageQueryDto, PageMetaDto } from '@kompeten/server-core';

const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class NotificationQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Only unread notifications', example: false })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'unread harus true atau false' })
  unread?: boolean;
}

export class NotificationDto implements AppNotification {
  @ApiProperty({ format: 'uuid', example: '6f1c2a9e-3b7d-4e8a-9c1f-2d3e4f5a6b7c' }) id: string;
  @ApiProperty({ enum: NOTIFICATION_KINDS, example: 'certificate_issued' }) kind: NotificationKind;
  @ApiProperty({ example: 'Sertifikat Anda telah terbit' }) title: string;
  @ApiProperty({
    example: 'Sertifikat "Pelayanan Publik Prima" nomor 800/0007/BPSDM/2026 telah terbit dan dapat diunduh.',
  })
  body: string;
  @ApiProperty({ nullable: true, type: String, example: '/sertifikat', description: 'A path in the web app' })
  link: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', example: null }) readAt: string | null;
  @ApiProperty({ format: 'date-time', example: '2026-12-04T02:15:00.000Z' }) createdAt: string;
}

export class NotificationPageDto extends PageMetaDto implements NotificationPage {
  @ApiProperty({ type: [NotificationDto] }) items: NotificationDto[];
  @ApiProperty({ example: 3, description: 'Unread notifications of the caller, across all pages' }) unreadCount: number;
}

export class UnreadCountDto {
  @ApiProperty({ example: 3 }) unreadCount: number;
}

export class MarkAllReadDto {
  @ApiProperty({ example: 3, description: 'How many were unread and are now read' }) updated: number;
}

export class EmailPreferenceDto implements EmailPreference {
  @ApiProperty({ enum: EMAIL_PREFERENCE_KINDS, example: 'certificate_issued' })
  @IsIn(EMAIL_PREFERENCE_KINDS, { message: `kind harus salah satu dari ${EMAIL_PREFERENCE_KINDS.join(', ')}` })
  kind: EmailPreferenceKind;

  @ApiProperty({ example: true, description: 'Send this email' })
  @IsBoolean({ message: 'email harus true atau false' })
  email: boolean;
}

export class EmailPreferencesDto implements EmailPreferences {
  @ApiProperty({ example: true, description: 'False: the account has no email address, so nothing can be sent' })
  hasEmailAddress: boolean;
  @ApiProperty({ type: [EmailPreferenceDto] }) preferences: EmailPreferenceDto[];
}

export class UpdateEmailPreferencesDto {
  @ApiProperty({
    type: [EmailPreferenceDto],
    description: 'Kinds to change; kinds not listed keep their choice. The password setup link is always sent.',
    example: [{ kind: 'enrolment_approved', email: false }],
  })
  @IsArray({ message: 'preferences harus berupa daftar' })
  @ArrayMinSize(1, { message: 'preferences tidak boleh kosong' })
  @ArrayMaxSize(EMAIL_PREFERENCE_KINDS.length, {
    message: `preferences paling banyak ${EMAIL_PREFERENCE_KINDS.length}`,
  })
  @ValidateNested({ each: true })
  @Type(() => EmailPreferenceDto)
  preferences: EmailPreferenceDto[];
}
