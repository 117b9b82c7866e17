import { Module } from '@nestjs/common';
import { NotificationCoreModule } from '../notification-core.module';
import {
  EmailSweepJob,
  NotifyCertificateIssuedJob,
  NotifyDiscussionPostedJob,
  NotifyEnrolmentDecidedJob,
  NotifyJpClaimDecidedJob,
  NotifySetupLinkIssuedJob,
} from './notification.jobs';

const JOBS = [
  NotifyCertificateIssuedJob,
  NotifyDiscussionPostedJob,
  NotifyEnrolmentDecidedJob,
  NotifyJpClaimDecidedJob,
  NotifySetupLinkIssuedJob,
  EmailSweepJob,
];

/** The notification domain's job handlers, for the worker. */
@Module({ imports: [NotificationCoreModule], providers: JOBS, exports: JOBS })
export class NotificationJobsModule {}
