import { Inject, Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { findCertificate, type CertificateRow } from '@kompeten/server-certificate';
import { findCompletion } from '@kompeten/server-enrolment';
import { employeeAgencyId } from '@kompeten/server-identity';
import { findCourseClassification, PublishedVersions } from '@kompeten/server-learning';
import { agencySiasnFacts } from '@kompeten/server-organisation';
import { isStructuralLeadership, type SiasnCompletion } from '../mapping/kursus-mapping';
import { insertPush, pushCertificateId, replaceCertificate } from '../push/push-store';

/** The form of development when neither the certificate nor the course says (the JP ledger's default too). */
const DEFAULT_JENIS_DIKLAT = 16;

/**
 * A certificate becomes its SIASN push (docs/siasn.md), once per source (the completion): what the record says is
 * fixed here from the certificate (title, issuing agency as organiser, JP, dates, number) and the course's form of
 * development (learning's readers via the completion); the record belongs to the ASN's agency, whose SIASN instansiId
 * it carries (empty when the agency has none yet: the delivery parks it with that reason). A certificate re-issued for
 * the same source replaces the old one in the push, and SIASN's record is updated (same rwKursusId, new number).
 */
@Injectable()
export class CertificatePush {
  private readonly logger = new Logger(CertificatePush.name);

  constructor(@Inject(PublishedVersions) private readonly versions: PublishedVersions) {}

  /** The push and its agency, or null when the certificate is unknown or revoked (nothing to push). */
  async create(m: EntityManager, certificateId: string): Promise<{ pushId: string; agencyId: string } | null> {
    const cert = await findCertificate(m, certificateId);
    if (!cert || cert.status !== 'valid') {
      this.logger.warn({ certificateId, status: cert?.status ?? 'missing' }, 'No valid certificate; nothing to push');
      return null;
    }
    const agencyId = (await employeeAgencyId(m, cert.employeeId)) ?? cert.agencyId;
    const agency = await agencySiasnFacts(m, agencyId);
    const c = cert.content;
    const form = await this.formOf(m, cert);
    const completion: SiasnCompletion = {
      title: c.training.name,
      organiser: c.issuer.agency,
      jp: c.training.jp,
      jenisDiklatId: form.jenisDiklatId,
      ...(form.latihanStrukturalId != null ? { latihanStrukturalId: form.latihanStrukturalId } : {}),
      startDate: c.training.startDate,
      endDate: c.training.endDate,
      certificateNumber: cert.number,
    };
    const pushId = await insertPush(m, {
      sourceType: cert.sourceType,
      sourceId: cert.sourceId,
      employeeId: cert.employeeId,
      agencyId,
      nip: c.participant.nip,
      instansiId: agency?.siasnInstansiId ?? '',
      completion,
      certificateId: cert.id,
      personName: c.participant.name,
    });
    const carried = await pushCertificateId(m, pushId);
    if (carried && carried !== cert.id) {
      // A re-issue (new number, the old one revoked): the record at SIASN is updated to say what the new one says.
      const replaced = await replaceCertificate(m, pushId, {
        completion,
        certificateId: cert.id,
        personName: c.participant.name,
      });
      if (!replaced)
        throw new Error(
          'Pengiriman SIASN sertifikat lama sedang berjalan atau belum pasti; penggantian dicoba lagi nanti',
        );
    }
    return { pushId, agencyId };
  }

  /**
   * The certificate's own form of development when it carries one, else the course's (as the JP ledger credits it);
   * for structural leadership training (jenis 1) also its kind, latihanStrukturalId: the version's snapshot's, else
   * the course's own when it is jenis 1 too (a version published before the kind existed), else none (the delivery
   * parks the push with that reason).
   */
  private async formOf(
    m: EntityManager,
    cert: CertificateRow,
  ): Promise<{ jenisDiklatId: number; latihanStrukturalId: number | null }> {
    const own = (cert.content.training as { jenisDiklatId?: unknown }).jenisDiklatId;
    const ownJenis = typeof own === 'number' && Number.isInteger(own) ? own : null;
    if (cert.sourceType !== 'course_completion')
      return { jenisDiklatId: ownJenis ?? DEFAULT_JENIS_DIKLAT, latihanStrukturalId: null };
    const done = await findCompletion(m, cert.sourceId);
    if (!done) return { jenisDiklatId: ownJenis ?? DEFAULT_JENIS_DIKLAT, latihanStrukturalId: null };
    const version = await this.versions.find(m, done.courseVersionId);
    const course = await findCourseClassification(m, done.courseId);
    const jenisDiklatId = ownJenis ?? version?.snapshot.jenisDiklatId ?? course?.jenisDiklatId ?? DEFAULT_JENIS_DIKLAT;
    if (!isStructuralLeadership(jenisDiklatId)) return { jenisDiklatId, latihanStrukturalId: null };
    const fromCourse = course && isStructuralLeadership(course.jenisDiklatId) ? course.latihanStrukturalId : null;
    return { jenisDiklatId, latihanStrukturalId: version?.snapshot.latihanStrukturalId ?? fromCourse ?? null };
  }
}
