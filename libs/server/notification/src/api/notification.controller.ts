import { Body, Controller, Get, HttpCode, Inject, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AppNotification, EmailPreferences, NotificationPage } from '@kompeten/shared-contracts';
import { ApiErrors, CurrentPrincipal, uuidParam, type Principal } from '@kompeten/server-core';
import {
  EmailPreferencesDto,
  MarkAllReadDto,
  NotificationDto,
  NotificationPageDto,
  NotificationQueryDto,
  UnreadCountDto,
  UpdateEmailPreferencesDto,
} from '../dto/notification.dto';
import { NotificationService } from './notification.service';

@ApiTags('notifications')
@ApiBearerAuth()
@ApiErrors(400, 401)
@Controller('notifications/me')
export class NotificationController {
  constructor(@Inject(NotificationService) private readonly notifications: NotificationService) {}

  @Get()
  @ApiOperation({ summary: 'My notifications, newest first, with my unread count' })
  @ApiOkResponse({ type: NotificationPageDto })
  list(@CurrentPrincipal() p: Principal, @Query() q: NotificationQueryDto): Promise<NotificationPage> {
    return this.notifications.list(p, q);
  }

  @Get('unread-count')
  @ApiOperation({ summary: 'How many of my notifications are unread (what the bell shows)' })
  @ApiOkResponse({ type: UnreadCountDto })
  unread(@CurrentPrincipal() p: Principal): Promise<{ unreadCount: number }> {
    return this.notifications.unread(p);
  }

  @Post('read-all')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark all my notifications read' })
  @ApiOkResponse({ type: MarkAllReadDto })
  readAll(@CurrentPrincipal() p: Principal): Promise<{ updated: number }> {
    return this.notifications.markAllRead(p);
  }

  @Post(':id/read')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark one of my notifications read (repeating it is harmless)' })
  @ApiOkResponse({ type: NotificationDto })
  @ApiErrors(404)
  read(@CurrentPrincipal() p: Principal, @Param('id', uuidParam()) id: string): Promise<AppNotification> {
    return this.notifications.markRead(p, id);
  }

  @Get('email-preferences')
  @ApiOperation({ summary: 'Which emails I get (every kind is on until I switch it off)' })
  @ApiOkResponse({ type: EmailPreferencesDto })
  preferences(@CurrentPrincipal() p: Principal): Promise<EmailPreferences> {
    return this.notifications.preferences(p);
  }

  @Put('email-preferences')
  @ApiOperation({
    summary: 'Choose which emails I get',
    description: 'The password setup link is always emailed and is not a choice.',
  })
  @ApiOkResponse({ type: EmailPreferencesDto })
  updatePreferences(
    @CurrentPrincipal() p: Principal,
    @Body() dto: UpdateEmailPreferencesDto,
  ): Promise<EmailPreferences> {
    return this.notifications.updatePreferences(p, dto);
  }
}
