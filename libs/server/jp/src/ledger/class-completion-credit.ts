import { Inject, Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { JobName } from '@kompeten/shared-contracts';
import type { JobResult } from '@kompeten/server-core';
import { findClassCompletion } from '@kompeten/server-calendar';
import { employeeAgencyId } from '@kompeten/server-identity';
import { agencyTimeZone } from '@kompeten/server-organisation';
import { localDateOf, type CreditBasis } from '@kompeten/shared-util';
import { JpCrediting } from './jp-crediting';

/**
 * A class completion's JP credit (issue 18, decision 0037), as a course completion's: the completion through the
 * calendar's reader, the ASN's agency through identity's and its zone through organisation's. The basis is the
 * offering's declared JP, or the minutes attended at the class rule's minutes per JP (at most the declared JP) — the
 * same arithmetic the completion used, so the ledger, the certificate and SIASN say one number before the agency's
 * caps. The day and year are those of the completion instant in the ASN's agency zone.
 */
@Injectable()
export class ClassCompletionCredit {
  private readonly logger = new Logger(ClassCompletionCredit.name);

  constructor(@Inject(JpCrediting) private readonly crediting: JpCrediting) {}

  /** Runs in the caller's transaction; skipped for an unknown completion, success otherwise (credited once). */
  async credit(m: EntityManager, classCompletionId: string): Promise<JobResult> {
    const log = { jobName: JobName.JpCreditClassCompletion, classCompletionId };
    const completion = await findClassCompletion(m, classCompletionId);
    if (!completion) {
      this.logger.warn(log, 'Class completion not found; nothing to credit');
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
    const basis: CreditBasis =
      completion.jpBasis === 'attended_minutes' && completion.minutesPerJp
        ? {
            basis: 'attended_minutes',
            minutes: completion.attendedMinutes,
            minutesPerJp: completion.minutesPerJp,
            maxJp: completion.offeringJp,
          }
        : { basis: 'declared_jp', jp: completion.jp };
    const outcome = await this.crediting.credit(m, {
      employeeId: completion.employeeId,
      agencyId,
      occurredOn: localDateOf(completion.completedAt, zone),
      jenisDiklatId: completion.jenisDiklatId,
      competencyKind: completion.competencyKind,
      sourceType: 'class_attendance',
      sourceId: completion.id,
      title: `${completion.offeringTitle} — ${completion.className}`,
      organiser: null,
      basis,
      recordedBy: null,
    });
    this.logger.log(
      { ...log, employeeId: completion.employeeId, lineId: outcome.lineId, jp: outcome.jp, created: outcome.created },
      outcome.created ? 'Class completion credited' : 'Class completion was credited before',
    );
    return 'success';
  }
}
