export * from './notification.module';
export * from './notification-core.module';
export * from './jobs/notification-jobs.module';
export * from './jobs/notification.jobs';
export * from './delivery/email-delivery';
export * from './delivery/email-store';
export * from './mail/mail-sender';
export * from './messages/templates';
export * from './entities/notification.entity';
export * from './entities/email-delivery.entity';
export * from './entities/notification-preference.entity';

import { EmailDeliveryEntity } from './entities/email-delivery.entity';
import { NotificationPreferenceEntity } from './entities/notification-preference.entity';
import { NotificationEntity } from './entities/notification.entity';
export const NOTIFICATION_ENTITIES = [NotificationEntity, EmailDeliveryEntity, NotificationPreferenceEntity];
