import { Inject, Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { JobName, OutboxEvent } from '@kompeten/shared-contracts';
import { writeOutbox, type JobResult } from '@kompeten/server-core';
import { findClassCompletion } from '@kompeten/server-calendar';
import { findEmployeeCertificateFacts } from '@kompeten/server-identity';
import { findAgencyFacts } from '@kompeten/server-organisation';
import { localDateOf, rankLabel } from '@kompeten/shared-util';
import { defaultTemplate } from '../templates/template-rules';
import { findTemplate } from '../templates/template-store';
import { CertificateIssuing, type IssueInput } from './certificate-issuing';
import { sourceHasCertificate } from './certificate-store';
import { nameWithTitles, templateParts } from './course-completion-certificate';

/** `certificate.source_type` of a class completion's certificate; its `source_id` is the class completion. */
export const CLASS_COMPLETION_SOURCE = 'class_completion';

/**
 * A class completion's certificate (issue 18, decision 0037), issued as a course completion's is: the completion
 * through the calendar's reader, the ASN through identity's; the issuer is the organising agency with its template and
 * number pattern; the training's name, days (local dates of the class), place (the venue, or "Daring" for an online
 * class), JP and form of development (`jenisDiklatId`, which the SIASN push reads) come from the class. Issued in the
 * caller's transaction with `certificate.issued`, so SIASN and the notification follow as they do for courses.
 */
@Injectable()
export class ClassCompletionCertificate {
  private readonly logger = new Logger(ClassCompletionCertificate.name);

  constructor(@Inject(CertificateIssuing) private readonly issuing: CertificateIssuing) {}

  /** What the certificate of a class completion is issued from, or the reason it cannot be. */
  async inputFor(m: EntityManager, classCompletionId: string): Promise<IssueInput | string> {
    const c = await findClassCompletion(m, classCompletionId);
    if (!c) return 'Class completion not found';
    const employee = await findEmployeeCertificateFacts(m, c.employeeId);
    if (!employee) return 'The ASN is gone';
    const issuer = await findAgencyFacts(m, c.organisingAgencyId);
    const home = await findAgencyFacts(m, employee.agencyId);
    if (!issuer || !home) return 'The organising agency or the ASN’s agency is gone';
    const template = (await findTemplate(m, issuer.id)) ?? defaultTemplate(issuer);
    // Issued on the day the class was finalised, never before its last day.
    const finalisedOn = localDateOf(c.completedAt, issuer.timeZone);
    const issuedOn = finalisedOn >= c.endDate ? finalisedOn : c.endDate;
    return {
      sourceType: CLASS_COMPLETION_SOURCE,
      sourceId: c.id,
      courseId: null,
      employeeId: employee.id,
      agencyId: issuer.id,
      pattern: template.pattern,
      kode: template.kode,
      unit: template.unit,
      content: {
        ...templateParts(template, issuedOn),
        participant: {
          name: nameWithTitles(employee),
          nip: employee.nip,
          rank: rankLabel(employee.rank),
          position: employee.positionName,
          agency: home.name,
        },
        training: {
          name: `${c.offeringTitle} — ${c.className}`,
          startDate: c.startDate,
          endDate: c.endDate,
          place: c.mode === 'online' ? 'Daring' : c.venue,
          jp: c.jp,
          result: 'Lulus',
          subjects: [],
          jenisDiklatId: c.jenisDiklatId,
        },
        issuer: {
          agency: issuer.name,
          city: template.city,
          issuedOn,
          ...(template.logoSha256 ? { logoSha256: template.logoSha256 } : {}),
        },
      },
    };
  }

  /** Runs in the caller's transaction: skipped for an unknown completion; the first certificate of it once. */
  async issue(m: EntityManager, classCompletionId: string): Promise<JobResult> {
    const log = { jobName: JobName.CertificateIssueClassCompletion, classCompletionId };
    // A revoked certificate gets a new one only through an admin's re-issue, never by a retry.
    if (await sourceHasCertificate(m, CLASS_COMPLETION_SOURCE, classCompletionId)) {
      this.logger.log(log, 'The class completion has its certificate already');
      return 'success';
    }
    const input = await this.inputFor(m, classCompletionId);
    if (typeof input === 'string') {
      this.logger.warn(log, `${input}; no certificate`);
      return 'skipped';
    }
    const issued = await this.issuing.issue(m, input);
    if (issued.created) await writeOutbox(m, OutboxEvent.CertificateIssued, issued.id, { certificateId: issued.id });
    this.logger.log({ ...log, certificateId: issued.id, number: issued.number }, 'Certificate issued');
    return 'success';
  }
}
