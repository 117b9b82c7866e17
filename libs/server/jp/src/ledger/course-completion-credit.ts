import { Inject, Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { JobName } from '@kompeten/shared-contracts';
import type { JobResult } from '@kompeten/server-core';
import { findCompletion } from '@kompeten/server-enrolment';
import { employeeAgencyId } from '@kompeten/server-identity';
import { findCourseClassification, PublishedVersions } from '@kompeten/server-learning';
import { agencyTimeZone } from '@kompeten/server-organisation';
import { localDateOf } from '@kompeten/shared-util';
import { JpCrediting } from './jp-crediting';

/**
 * A course completion's JP credit (issue 16): the completion through enrolment's reader, the version's form and title
 * through learning's published versions, the course's competency kind through learning's reader, the ASN's agency
 * through identity's reader and its zone through organisation's. The JP is the version's, as recorded in the
 * completion (an e-learning course counts the JP it declares); caps of the form's rule still apply. The day and year
 * are those of the completion instant in the agency's zone, so 23:30 WITA on 31 December counts for that year.
 */
@Injectable()
export class CourseCompletionCredit {
  private readonly logger = new Logger(CourseCompletionCredit.name);

  constructor(
    @Inject(JpCrediting) private readonly crediting: JpCrediting,
    @Inject(PublishedVersions) private readonly versions: PublishedVersions,
  ) {}

  /** Runs in the caller's transaction; answers skipped for an unknown completion, success otherwise (credited once). */
  async credit(m: EntityManager, completionId: string): Promise<JobResult> {
    const completion = await findCompletion(m, completionId);
    const log = { jobName: JobName.JpCreditCourseCompletion, completionId };
    if (!completion) {
      this.logger.warn(log, 'Completion not found; nothing to credit');
      return 'skipped';
    }
    const agencyId = await employeeAgencyId(m, completion.employeeId);
    const zone = agencyId ? await agencyTimeZone(m, agencyId) : null;
    if (!agencyId || !zone) {
      this.logger.warn(
        { ...log, employeeId: completion.employeeId },
        'The ASN or its agency is gone; nothing to credit',
      );
      return 'skipped';
    }
    const version = await this.versions.find(m, completion.courseVersionId);
    const course = await findCourseClassification(m, completion.courseId);
    const outcome = await this.crediting.credit(m, {
      employeeId: completion.employeeId,
      agencyId,
      occurredOn: localDateOf(completion.completedAt, zone),
      jenisDiklatId: version?.snapshot.jenisDiklatId ?? course?.jenisDiklatId ?? 16,
      competencyKind: course?.competencyKind ?? null,
      sourceType: 'course_completion',
      sourceId: completion.id,
      title: version?.snapshot.title ?? 'Pelatihan',
      organiser: null,
      basis: { basis: 'declared_jp', jp: completion.jp },
      recordedBy: null,
    });
    this.logger.log(
      { ...log, employeeId: completion.employeeId, lineId: outcome.lineId, jp: outcome.jp, created: outcome.created },
      outcome.created ? 'Course completion credited' : 'Course completion was credited before',
    );
    return 'success';
  }
}
