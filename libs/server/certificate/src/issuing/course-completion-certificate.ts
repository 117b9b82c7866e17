import { Inject, Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { JobName, OutboxEvent } from '@kompeten/shared-contracts';
import { writeOutbox, type JobResult } from '@kompeten/server-core';
import { findCompletion, findEnrolmentStart } from '@kompeten/server-enrolment';
import { findEmployeeCertificateFacts } from '@kompeten/server-identity';
import { findCourseAgencyId, PublishedVersions } from '@kompeten/server-learning';
import { findAgencyFacts } from '@kompeten/server-organisation';
import { localDateOf, rankLabel } from '@kompeten/shared-util';
import { defaultTemplate, validUntil, type TemplateFields } from '../templates/template-rules';
import { findTemplate } from '../templates/template-store';
import { CertificateIssuing, type IssueInput } from './certificate-issuing';
import { sourceHasCertificate } from './certificate-store';

export const COURSE_COMPLETION_SOURCE = 'course_completion';

/** `dr.` + `Hasan Basri` + `M.Kes.` → `dr. Hasan Basri, M.Kes.` */
export function nameWithTitles(p: { fullName: string; frontTitle: string | null; backTitle: string | null }): string {
  return `${p.frontTitle?.trim() ? `${p.frontTitle.trim()} ` : ''}${p.fullName.trim()}${p.backTitle?.trim() ? `, ${p.backTitle.trim()}` : ''}`;
}

/** The content a template gives a certificate, besides the participant and the training. */
export function templateParts(t: TemplateFields, issuedOn: string) {
  return {
    title: t.title,
    wording: { awardedTo: t.awardedTo, completed: t.completed, closing: t.closing },
    signatory: { name: t.signatoryName, position: t.signatoryPosition, nip: t.signatoryNip },
    validUntil: validUntil(issuedOn, t.validityMonths),
  };
}

/**
 * A course completion's certificate (issue 17): the completion through enrolment's readers, the ASN through
 * identity's, the version's title, JP and subjects through learning's published versions, the course's owning agency
 * (the issuer) and its template; issued in the caller's transaction with `certificate.issued` written beside it, so
 * the number, the certificate and the event commit together or not at all.
 */
@Injectable()
export class CourseCompletionCertificate {
  private readonly logger = new Logger(CourseCompletionCertificate.name);

  constructor(
    @Inject(CertificateIssuing) private readonly issuing: CertificateIssuing,
    @Inject(PublishedVersions) private readonly versions: PublishedVersions,
  ) {}

  /** What the certificate of a completion is issued from, or null (with the reason) when it cannot be. */
  async inputFor(m: EntityManager, completionId: string): Promise<IssueInput | string> {
    const completion = await findCompletion(m, completionId);
    if (!completion) return 'Completion not found';
    const employee = await findEmployeeCertificateFacts(m, completion.employeeId);
    if (!employee) return 'The ASN is gone';
    const issuerId = await findCourseAgencyId(m, completion.courseId);
    const issuer = issuerId ? await findAgencyFacts(m, issuerId) : null;
    const home = await findAgencyFacts(m, employee.agencyId);
    if (!issuer || !home) return 'The course or the agency is gone';
    const version = await this.versions.find(m, completion.courseVersionId);
    const template = (await findTemplate(m, issuer.id)) ?? defaultTemplate(issuer);
    const started = await findEnrolmentStart(m, completion.enrolmentId);
    const endDate = localDateOf(completion.completedAt, issuer.timeZone);
    const startLocal = started ? localDateOf(started, issuer.timeZone) : endDate;
    const startDate = startLocal <= endDate ? startLocal : endDate;
    const modules = version?.snapshot.modules ?? [];
    // Subjects with their JP only when the course gives JP per module (DOMAIN.md §7: "often with the list of subjects").
    const subjects = modules.every((mod) => typeof mod.jp === 'number' && mod.jp > 0)
      ? modules.map((mod) => ({ title: mod.title, jp: mod.jp as number }))
      : [];
    return {
      sourceType: COURSE_COMPLETION_SOURCE,
      sourceId: completion.id,
      courseId: completion.courseId,
      employeeId: employee.id,
      agencyId: issuer.id,
      pattern: template.pattern,
      kode: template.kode,
      unit: template.unit,
      content: {
        ...templateParts(template, endDate),
        participant: {
          name: nameWithTitles(employee),
          nip: employee.nip,
          rank: rankLabel(employee.rank),
          position: employee.positionName,
          agency: home.name,
        },
        training: {
          name: version?.snapshot.title ?? 'Pelatihan',
          startDate,
          endDate,
          place: 'Daring (e-learning Kompeten)',
          jp: completion.jp,
          result: 'Lulus',
          subjects,
        },
        issuer: {
          agency: issuer.name,
          city: template.city,
          issuedOn: endDate,
          ...(template.logoSha256 ? { logoSha256: template.logoSha256 } : {}),
        },
      },
    };
  }

  /** Runs in the caller's transaction: skipped for an unknown completion; the first certificate of it once. */
  async issue(m: EntityManager, completionId: string): Promise<JobResult> {
    const log = { jobName: JobName.CertificateIssueCourseCompletion, completionId };
    // A completion whose certificate was revoked gets a new one only through an admin's re-issue, never by a retry.
    if (await sourceHasCertificate(m, COURSE_COMPLETION_SOURCE, completionId)) {
      this.logger.log(log, 'The completion has its certificate already');
      return 'success';
    }
    const input = await this.inputFor(m, completionId);
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
