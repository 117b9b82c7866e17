import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { JobName, type JobOf } from '@kompeten/shared-contracts';
import {
  APP_CONFIG,
  JobHandlerProvider,
  type AppConfig,
  type JobHandler,
  type JobResult,
  type RetryPolicy,
} from '@kompeten/server-core';
import { findCertificate } from '@kompeten/server-certificate';
import { findEnrolmentDecision } from '@kompeten/server-enrolment';
import { recipientOfEmployee, recipientOfUser, setupLinkRecipient, userTimeZone } from '@kompeten/server-identity';
import { findPostNotice } from '@kompeten/server-discussion';
import { findClaimDecision } from '@kompeten/server-jp';
import { EmailDelivery } from '../delivery/email-delivery';
import {
  certificateIssuedMessage,
  discussionMentionMessage,
  discussionReplyMessage,
  enrolmentDecidedMessage,
  jpClaimDecidedMessage,
  setupLinkMessage,
} from '../messages/templates';
import { recordNotification } from '../notifications/notifier';

const RETRY: RetryPolicy = { attempts: 8, backoff: { type: 'exponential', delay: 10_000 } };

/**
 * The shape of every notification job: one transaction re-reads the facts and records the in-app row and the email
 * row (unique per kind, source and recipient, so retries write nothing new); after the commit the email is tried once.
 * Whatever that attempt answers, the email's own record and the sweep carry it from there, so the job succeeds.
 */
@Injectable()
abstract class NotifyJob {
  // Injected here once; the jobs below declare no constructor, so Nest reads these parameters from this class.
  constructor(
    @InjectDataSource() @Inject(DataSource) protected readonly db: DataSource,
    @Inject(EmailDelivery) protected readonly delivery: EmailDelivery,
    @Inject(APP_CONFIG) protected readonly config: AppConfig,
  ) {}

  protected async run(record: (m: EntityManager) => Promise<string | null | 'skipped'>): Promise<JobResult> {
    const emailId = await this.db.transaction(record);
    if (emailId === 'skipped') return 'skipped';
    if (emailId) await this.delivery.deliver(emailId);
    return 'success';
  }
}

@Injectable()
@JobHandlerProvider()
export class NotifyCertificateIssuedJob
  extends NotifyJob
  implements JobHandler<typeof JobName.NotifyCertificateIssued>
{
  readonly jobName = JobName.NotifyCertificateIssued;
  readonly retry = RETRY;

  handle(data: JobOf<typeof JobName.NotifyCertificateIssued>): Promise<JobResult> {
    return this.run(async (m) => {
      const cert = await findCertificate(m, data.certificateId);
      if (!cert || cert.status !== 'valid') return 'skipped';
      const to = await recipientOfEmployee(m, cert.employeeId);
      if (!to) return 'skipped';
      const message = certificateIssuedMessage(this.config.publicUrl, {
        name: to.name,
        courseName: cert.content.training.name,
        number: cert.number,
      });
      return recordNotification(m, to, cert.id, message);
    });
  }
}

@Injectable()
@JobHandlerProvider()
export class NotifyEnrolmentDecidedJob extends NotifyJob implements JobHandler<typeof JobName.NotifyEnrolmentDecided> {
  readonly jobName = JobName.NotifyEnrolmentDecided;
  readonly retry = RETRY;

  handle(data: JobOf<typeof JobName.NotifyEnrolmentDecided>): Promise<JobResult> {
    return this.run(async (m) => {
      const enrolment = await findEnrolmentDecision(m, data.enrolmentId);
      if (!enrolment) return 'skipped';
      const to = await recipientOfEmployee(m, enrolment.employeeId);
      if (!to) return 'skipped';
      // The decision is told as it was made (the event says which), even if the learner has since asked again.
      const message = enrolmentDecidedMessage(this.config.publicUrl, {
        name: to.name,
        courseTitle: enrolment.courseTitle,
        outcome: data.outcome,
        reason: data.outcome === 'rejected' ? enrolment.decisionReason : null,
      });
      return recordNotification(m, to, data.decisionId, message);
    });
  }
}

@Injectable()
@JobHandlerProvider()
export class NotifyJpClaimDecidedJob extends NotifyJob implements JobHandler<typeof JobName.NotifyJpClaimDecided> {
  readonly jobName = JobName.NotifyJpClaimDecided;
  readonly retry = RETRY;

  handle(data: JobOf<typeof JobName.NotifyJpClaimDecided>): Promise<JobResult> {
    return this.run(async (m) => {
      const claim = await findClaimDecision(m, data.claimId);
      if (!claim || claim.status === 'pending') return 'skipped';
      const to = await recipientOfEmployee(m, claim.employeeId);
      if (!to) return 'skipped';
      const message = jpClaimDecidedMessage(this.config.publicUrl, {
        name: to.name,
        title: claim.title,
        outcome: claim.status,
        reason: claim.decisionReason,
        creditedJp: claim.creditedJp,
      });
      return recordNotification(m, to, claim.id, message);
    });
  }
}

/** The password setup link goes by email only (the person cannot sign in yet), and always (no preference). */
@Injectable()
@JobHandlerProvider()
export class NotifySetupLinkIssuedJob extends NotifyJob implements JobHandler<typeof JobName.NotifySetupLinkIssued> {
  readonly jobName = JobName.NotifySetupLinkIssued;
  readonly retry = RETRY;

  handle(data: JobOf<typeof JobName.NotifySetupLinkIssued>): Promise<JobResult> {
    return this.run(async (m) => {
      const link = await setupLinkRecipient(m, data.setupLinkId);
      if (!link || !link.open) return 'skipped';
      const to = await recipientOfUser(m, link.userId);
      if (!to?.email) return 'skipped';
      const message = setupLinkMessage({
        name: to.name,
        purpose: link.purpose,
        expiresAt: link.expiresAt,
        zone: await userTimeZone(m, to.userId),
      });
      return recordNotification(m, to, data.setupLinkId, message, { inApp: false });
    });
  }
}

/**
 * A discussion post (decision 0039): each ASN it mentions is told once (the mention is the source), and the thread's
 * author is told of a reply once (the post is the source) unless they wrote it or are mentioned in it. A post hidden or
 * deleted before the job runs tells nobody. One transaction records every notice; the emails are tried after it.
 */
@Injectable()
@JobHandlerProvider()
export class NotifyDiscussionPostedJob extends NotifyJob implements JobHandler<typeof JobName.NotifyDiscussionPosted> {
  readonly jobName = JobName.NotifyDiscussionPosted;
  readonly retry = RETRY;

  async handle(data: JobOf<typeof JobName.NotifyDiscussionPosted>): Promise<JobResult> {
    const emails = await this.db.transaction(async (m) => {
      const post = await findPostNotice(m, data.postId);
      if (!post || post.withdrawn) return null;
      const words = {
        authorName: post.authorName,
        threadTitle: post.threadTitle,
        place: post.spaceKind,
        link: post.link,
      };
      const out: string[] = [];
      const told = new Set<string>([post.authorUserId]);
      for (const mention of post.mentions) {
        const to = await recipientOfEmployee(m, mention.employeeId);
        if (!to || told.has(to.userId)) continue;
        told.add(to.userId);
        const id = await recordNotification(
          m,
          to,
          mention.mentionId,
          discussionMentionMessage(this.config.publicUrl, { name: to.name, ...words }),
        );
        if (id) out.push(id);
      }
      if (!post.isOpening && !told.has(post.threadAuthorUserId)) {
        const to = await recipientOfUser(m, post.threadAuthorUserId);
        if (to) {
          const id = await recordNotification(
            m,
            to,
            post.postId,
            discussionReplyMessage(this.config.publicUrl, { name: to.name, ...words }),
          );
          if (id) out.push(id);
        }
      }
      return out;
    });
    if (emails === null) return 'skipped';
    for (const id of emails) await this.delivery.deliver(id);
    return 'success';
  }
}

/** Scheduled: every email due (pending, or failed and its back-off over) is tried again. */
@Injectable()
@JobHandlerProvider()
export class EmailSweepJob implements JobHandler<typeof JobName.EmailSweep> {
  readonly jobName = JobName.EmailSweep;
  readonly retry: RetryPolicy = { attempts: 1 };
  readonly everyMs = 30_000;
  private readonly log = new Logger('EmailSweep');

  constructor(@Inject(EmailDelivery) private readonly delivery: EmailDelivery) {}

  async handle(): Promise<JobResult> {
    const counts = await this.delivery.sweep({ limit: 200, concurrency: 2 });
    if (counts.sent + counts.retry + counts.parked === 0) return 'skipped';
    this.log.log({ msg: 'email sweep', ...counts });
    return 'success';
  }
}
