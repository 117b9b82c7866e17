import { Inject, Injectable, Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { JobName, type JpRule } from '@kompeten/shared-contracts';
import type { JobResult } from '@kompeten/server-core';
import { findCommunitySessionCredit, type CommunitySessionCredit } from '@kompeten/server-discussion';
import { employeeAgencyId } from '@kompeten/server-identity';
import type { CreditBasis } from '../rules/rule-arithmetic';
import { JpCrediting } from './jp-crediting';

/** Komunitas Belajar (DOMAIN.md §3, §6): the social channel of 10:20:70. */
export const JENIS_KOMUNITAS_BELAJAR = 23;

/**
 * What one attendee's participation counts, by the unit of the rule in force for jenis 23 (decision 0039): one session
 * (the national default: 1 JP per session, at most 10 a year), the meeting's hours (its minutes ÷ 60, so JP per hour
 * or, without it, the minutes per JP of its mode), or one day or activity.
 */
export function communitySessionBasis(
  rule: Pick<JpRule, 'unit'>,
  s: Pick<CommunitySessionCredit, 'durationMinutes' | 'mode'>,
): CreditBasis {
  const deliveryMode = s.mode === 'classroom' ? 'classroom' : 'online';
  if (rule.unit === 'hour')
    return {
      basis: 'quantity',
      unit: 'hour',
      quantity: Math.round((s.durationMinutes / 60) * 100) / 100,
      deliveryMode,
    };
  return { basis: 'quantity', unit: rule.unit, quantity: 1, deliveryMode };
}

/**
 * A recorded community session's JP credits: one ledger line per attendee (the attendee row is the source, unique per
 * source), by the rules of the attendee's own agency on the session's day. Each attendee is its own transaction, so a
 * gone ASN is skipped without holding the others, and a retry writes only what is missing.
 */
@Injectable()
export class CommunitySessionCrediting {
  private readonly logger = new Logger('CommunitySessionCredit');

  constructor(@Inject(JpCrediting) private readonly crediting: JpCrediting) {}

  async credit(db: DataSource, sessionId: string): Promise<JobResult> {
    const log = { jobName: JobName.JpCreditCommunitySession, sessionId };
    const session = await findCommunitySessionCredit(db.manager, sessionId);
    if (!session) {
      this.logger.warn(log, 'Community session not found; nothing to credit');
      return 'skipped';
    }
    let created = 0;
    for (const a of session.attendees) {
      const outcome = await db.transaction(async (m) => {
        const agencyId = await employeeAgencyId(m, a.employeeId);
        if (!agencyId) return null;
        return this.crediting.credit(m, {
          employeeId: a.employeeId,
          agencyId,
          occurredOn: session.heldOn,
          jenisDiklatId: JENIS_KOMUNITAS_BELAJAR,
          competencyKind: null,
          sourceType: 'community_session',
          sourceId: a.attendeeId,
          title: `${session.communityName}: ${session.title}`,
          organiser: session.hostAgencyName,
          basis: (rule) => communitySessionBasis(rule, session),
          recordedBy: null,
        });
      });
      if (outcome?.created) created++;
    }
    this.logger.log({ ...log, attendees: session.attendees.length, created }, 'Community session credited');
    return 'success';
  }
}
