import { Module } from '@nestjs/common';
import { NotificationController } from './api/notification.controller';
import { NotificationService } from './api/notification.service';

/**
 * Notifications (issue 17, docs/notifications.md): the caller's in-app notifications and email choices over HTTP. The
 * notifications themselves are written by the worker's jobs (NotificationJobsModule) from other domains' outbox events.
 */
@Module({ controllers: [NotificationController], providers: [NotificationService] })
export class NotificationModule {}
