import type { Type } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { CORE_ENTITIES, type Principal } from '@kompeten/server-core';
import { ensureKey, insertCertificate, type CertificateContent } from '@kompeten/server-certificate';
import { IDENTITY_ENTITIES } from '@kompeten/server-identity';
import { MailCapture } from '@kompeten/server-mail-capture';
import { ORGANISATION_ENTITIES } from '@kompeten/server-organisation';
import {
  bootLibTest,
  createEnrolment,
  createWorld,
  type LibTestContext,
  type Person,
  type PublishedWorldCourse,
  type World,
} from '@kompeten/server-testing';
import { NotificationService } from './api/notification.service';
import { EmailDelivery } from './delivery/email-delivery';
import { emailsOfSource } from './delivery/email-store';
import { NOTIFICATION_ENTITIES } from './index';
import {
  NotifyCertificateIssuedJob,
  NotifyEnrolmentDecidedJob,
  NotifyJpClaimDecidedJob,
  NotifySetupLinkIssuedJob,
} from './jobs/notification.jobs';
import { NotificationJobsModule } from './jobs/notification-jobs.module';
import { NotificationModule } from './notification.module';
import { smtpSender } from './mail/mail-sender';

const PUBLIC_URL = 'https://kompeten.ntbprov.go.id';
const PAGE = { page: 1, pageSize: 20 };

/**
 * Notifications on real PostgreSQL with email over real SMTP (TCP) to the mail capture server (issue 17): each event
 * gives one in-app row and one captured email; a retried job notifies once; a switched-off email still notifies in
 * the app; an SMTP server that is down leaves the email pending for the sweep; a 5xx refusal parks it; and a user
 * reads and marks only their own notifications.
 */
describe('notifications (real PostgreSQL, SMTP to the mail capture server)', () => {
  let lib: LibTestContext;
  let world: World & { course: PublishedWorldCourse };
  const capture = new MailCapture();
  let smtpUrl: string;
  let smtpPort: number;
  let n = 0;

  const job = <T>(cls: Type<T>): T => lib.get(cls);
  const learnerWithEmail = async (o: { email?: string | null } = {}) =>
    world.person({
      email: o.email === undefined ? `asn${++n}.${randomUUID().slice(0, 6)}@mataramkota.go.id` : o.email,
    });
  const inApp = (userId: string, sourceId: string) =>
    lib.db.query(`SELECT kind, title, body, link FROM notification WHERE user_id = $1 AND source_id = $2`, [
      userId,
      sourceId,
    ]);
  const mailsTo = (address: string) => capture.messages().filter((m) => m.to.includes(address));
  const emailOf = async (p: Person) =>
    (await lib.db.query(`SELECT email FROM user_account WHERE id = $1`, [p.userId]))[0].email as string;

  const issueCertificate = async (p: Person) => {
    const id = randomUUID();
    await lib.db.transaction(async (m: EntityManager) => {
      await ensureKey(m, { keyId: 'test-key', algorithm: 'Ed25519', publicKeyPem: 'test' });
      const number = `800/${String(++n).padStart(4, '0')}/BPSDM/2026`;
      await insertCertificate(m, {
        id,
        sourceType: 'course_completion',
        sourceId: randomUUID(),
        courseId: null,
        employeeId: p.employeeId as string,
        agencyId: world.agency.id,
        year: 2026,
        seq: n,
        number,
        content: { number, training: { name: 'Pelayanan Publik Prima' } } as unknown as CertificateContent,
        signature: 'x',
        keyId: 'test-key',
        pdfSha256: 'x',
        replacesId: null,
      });
    });
    return id;
  };

  beforeAll(async () => {
    const started = await capture.start();
    smtpUrl = started.smtpUrl;
    smtpPort = started.smtpPort;
    lib = await bootLibTest({
      entities: [...CORE_ENTITIES, ...ORGANISATION_ENTITIES, ...IDENTITY_ENTITIES, ...NOTIFICATION_ENTITIES],
      imports: [NotificationJobsModule, NotificationModule],
      config: { SMTP_URL: smtpUrl, PUBLIC_URL, MAIL_FROM: 'Kompeten NTB <no-reply@ntbprov.go.id>' },
    });
    world = await createWorld(lib.db, { course: {} });
  });

  afterAll(async () => {
    await lib?.close();
    await capture.stop();
  });

  beforeEach(() => capture.setFaults({ reject: null }));

  it('certificate.issued: one in-app notification and one email over SMTP; the job run again adds neither', async () => {
    const learner = await learnerWithEmail();
    const certificateId = await issueCertificate(learner);
    const notify = job(NotifyCertificateIssuedJob);
    expect(await notify.handle({ certificateId })).toBe('success');
    expect(await notify.handle({ certificateId })).toBe('success');
    expect(await inApp(learner.userId, certificateId)).toEqual([
      {
        kind: 'certificate_issued',
        title: 'Sertifikat Anda telah terbit',
        body: expect.stringContaining('"Pelayanan Publik Prima" nomor 800/'),
        link: '/sertifikat',
      },
    ]);
    const to = await emailOf(learner);
    const mails = mailsTo(to);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({
      from: 'no-reply@ntbprov.go.id',
      subject: 'Sertifikat Anda telah terbit: Pelayanan Publik Prima',
    });
    expect(mails[0].text).toContain(`${PUBLIC_URL}/sertifikat`);
    const [delivery] = await emailsOfSource(lib.db.manager, certificateId);
    expect(delivery).toMatchObject({ status: 'sent', attempts: 1, recipient: to, lastError: null });
    expect(mails[0].messageId).toBe(`<${delivery.id}@kompeten>`);
  });

  it('enrolment rejected, then approved after asking again: each decision told once, in the app and by email', async () => {
    const learner = await learnerWithEmail();
    const enrolmentId = await createEnrolment(lib.db, {
      courseId: world.course.courseId,
      versionId: world.course.versionId,
      employeeId: learner.employeeId as string,
      status: 'rejected',
    });
    await lib.db.query(`UPDATE enrolment SET decision_reason = 'Kuota angkatan ini penuh' WHERE id = $1`, [
      enrolmentId,
    ]);
    const notify = job(NotifyEnrolmentDecidedJob);
    const first = randomUUID();
    const second = randomUUID();
    await notify.handle({ enrolmentId, decisionId: first, outcome: 'rejected' });
    await notify.handle({ enrolmentId, decisionId: first, outcome: 'rejected' });
    await notify.handle({ enrolmentId, decisionId: second, outcome: 'approved' });
    const rows = await lib.db.query(`SELECT kind, title FROM notification WHERE user_id = $1 ORDER BY created_at`, [
      learner.userId,
    ]);
    expect(rows).toEqual([
      { kind: 'enrolment_rejected', title: 'Pendaftaran ditolak' },
      { kind: 'enrolment_approved', title: 'Pendaftaran disetujui' },
    ]);
    const [rejected] = await inApp(learner.userId, first);
    expect(rejected.body).toMatch(/ditolak\. Alasan: Kuota angkatan ini penuh$/);
    const subjects = mailsTo(await emailOf(learner))
      .map((m) => m.subject)
      .sort();
    expect(subjects).toEqual([
      `Pendaftaran disetujui: ${world.course.snapshot.title}`,
      `Pendaftaran ditolak: ${world.course.snapshot.title}`,
    ]);
  });

  it('a rejected JP claim: the claimant is told with the reason; a pending claim tells nobody', async () => {
    const learner = await learnerWithEmail();
    const insert = (status: string, reason: string | null) =>
      lib.db.query(
        `INSERT INTO jp_claim (employee_id, agency_id, jenis_diklat_id, title, organiser, start_date, end_date, unit, quantity,
           delivery_mode, activity_key, status, verifier, decision_reason, decided_at)
         VALUES ($1, $2, 9, 'Seminar Nasional Kepegawaian', 'BKN', '2026-09-01', '2026-09-01', 'hour', 4, 'classroom', $3, $4,
           'hr_officer', $5, CASE WHEN $4 = 'pending' THEN NULL ELSE now() END) RETURNING id`,
        [learner.employeeId, world.agency.id, randomUUID(), status, reason],
      );
    const [{ id: rejected }] = await insert('rejected', 'Sertifikat tidak terbaca');
    const [{ id: pending }] = await insert('pending', null);
    const notify = job(NotifyJpClaimDecidedJob);
    expect(await notify.handle({ claimId: pending })).toBe('skipped');
    expect(await notify.handle({ claimId: rejected })).toBe('success');
    expect(await inApp(learner.userId, rejected)).toEqual([
      {
        kind: 'jp_claim_rejected',
        title: 'Klaim JP ditolak',
        body: 'Klaim pengembangan kompetensi "Seminar Nasional Kepegawaian" ditolak. Alasan: Sertifikat tidak terbaca',
        link: '/jp',
      },
    ]);
    const [mail] = mailsTo(await emailOf(learner));
    expect(mail.subject).toBe('Klaim JP ditolak: Seminar Nasional Kepegawaian');
    expect(mail.text).toContain('Alasan: Sertifikat tidak terbaca');
  });

  it('email switched off: the in-app notification still comes, no email is recorded or sent', async () => {
    const learner = await learnerWithEmail();
    const service = lib.get(NotificationService);
    await service.updatePreferences(learner.principal, { preferences: [{ kind: 'certificate_issued', email: false }] });
    expect((await service.preferences(learner.principal)).preferences).toContainEqual({
      kind: 'certificate_issued',
      email: false,
    });
    const certificateId = await issueCertificate(learner);
    await job(NotifyCertificateIssuedJob).handle({ certificateId });
    expect(await inApp(learner.userId, certificateId)).toHaveLength(1);
    expect(await emailsOfSource(lib.db.manager, certificateId)).toEqual([]);
    expect(mailsTo(await emailOf(learner))).toEqual([]);
  });

  it('no email address: in the app only', async () => {
    const learner = await learnerWithEmail({ email: null });
    const certificateId = await issueCertificate(learner);
    await job(NotifyCertificateIssuedJob).handle({ certificateId });
    expect(await inApp(learner.userId, certificateId)).toHaveLength(1);
    expect(await emailsOfSource(lib.db.manager, certificateId)).toEqual([]);
  });

  it('password setup link: emailed with a link minted at sending, beside the officer’s; only hashes are stored', async () => {
    const learner = await learnerWithEmail();
    const officerToken = 'officer-token';
    const [{ id: setupLinkId }] = await lib.db.query(
      `INSERT INTO account_setup_link (user_id, token_hash, purpose, expires_at) VALUES ($1, $2, 'setup', now() + interval '72 hours') RETURNING id`,
      [learner.userId, createHash('sha256').update(officerToken).digest('hex')],
    );
    expect(await job(NotifySetupLinkIssuedJob).handle({ setupLinkId })).toBe('success');
    const [mail] = mailsTo(await emailOf(learner));
    expect(mail.subject).toBe('Buat kata sandi akun Kompeten Anda');
    const token = new RegExp(`${PUBLIC_URL}/atur-kata-sandi/([\\w-]+)`).exec(mail.text)?.[1] as string;
    expect(token).toBeTruthy();
    const [link] = await lib.db.query(`SELECT token_hash, mail_token_hash FROM account_setup_link WHERE id = $1`, [
      setupLinkId,
    ]);
    expect(link.mail_token_hash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(link.token_hash).toBe(createHash('sha256').update(officerToken).digest('hex'));
    // Nothing we keep holds the raw token: not the email record, not the outbox, not the notification table.
    const stored = JSON.stringify(
      await lib.db.query(`SELECT * FROM email_delivery WHERE source_id = $1`, [setupLinkId]),
    );
    expect(stored).not.toContain(token);
    expect(stored).toContain('{{setup_link_url}}');
    expect(await inApp(learner.userId, setupLinkId)).toEqual([]);
    // A link used before its email goes is not sent: parked with the reason.
    const [{ id: used }] = await lib.db.query(
      `INSERT INTO account_setup_link (user_id, token_hash, purpose, expires_at, used_at) VALUES ($1, $2, 'reset', now() + interval '1 hour', now()) RETURNING id`,
      [learner.userId, createHash('sha256').update('other').digest('hex')],
    );
    expect(await job(NotifySetupLinkIssuedJob).handle({ setupLinkId: used })).toBe('skipped');
  });

  it('SMTP server down: the email stays pending (failed, to retry) and the sweep delivers it when the server is back', async () => {
    const learner = await learnerWithEmail();
    const delivery = new EmailDelivery(lib.db, smtpSender(smtpUrl, 'no-reply@ntbprov.go.id'), PUBLIC_URL, {
      baseDelayMs: 50,
      maxDelayMs: 100,
    });
    await capture.stop();
    try {
      const certificateId = await issueCertificate(learner);
      // The job's own attempt fails (connection refused); the job still succeeds: the record carries the email.
      expect(await job(NotifyCertificateIssuedJob).handle({ certificateId })).toBe('success');
      const [pending] = await emailsOfSource(lib.db.manager, certificateId);
      expect(pending).toMatchObject({ status: 'failed', attempts: 1, messageId: null });
      expect(pending.lastError).toMatch(/ECONNREFUSED|ESOCKET|ECONNECTION/);
      expect(await inApp(learner.userId, certificateId)).toHaveLength(1);
      await lib.db.query(`UPDATE email_delivery SET next_attempt_at = now() WHERE id = $1`, [pending.id]);
      expect(await delivery.sweep({ limit: 50, concurrency: 2 })).toMatchObject({ retry: 1, sent: 0 });

      await capture.start();
      expect(capture.lastStart?.smtpPort).toBe(smtpPort);
      await new Promise((r) => setTimeout(r, 120));
      const swept = await delivery.sweep({ limit: 50, concurrency: 2 });
      expect(swept.sent).toBeGreaterThanOrEqual(1);
      const [sent] = await emailsOfSource(lib.db.manager, certificateId);
      expect(sent).toMatchObject({ status: 'sent', attempts: 3, lastError: null });
      expect(mailsTo(await emailOf(learner))).toHaveLength(1);
    } finally {
      if (!capture.running) await capture.start();
    }
  });

  it('a permanent refusal (5xx) is parked with the server’s reason and not retried', async () => {
    const learner = await learnerWithEmail();
    capture.setFaults({ reject: { code: 550, message: 'Mailbox tidak ada' } });
    const certificateId = await issueCertificate(learner);
    await job(NotifyCertificateIssuedJob).handle({ certificateId });
    const [parked] = await emailsOfSource(lib.db.manager, certificateId);
    expect(parked).toMatchObject({ status: 'parked', attempts: 1, messageId: null });
    expect(parked.lastError).toMatch(/^Ditolak server email: .*550.*Mailbox tidak ada/);
    capture.setFaults({ reject: null });
    await lib.db.query(`UPDATE email_delivery SET next_attempt_at = now() WHERE id = $1`, [parked.id]);
    expect(await lib.get(EmailDelivery).sweep({ limit: 50, concurrency: 1 })).toMatchObject({ sent: 0 });
    expect(mailsTo(await emailOf(learner))).toEqual([]);
  });

  it('each user reads and marks only their own notifications (another’s id is answered as missing)', async () => {
    const alice = await learnerWithEmail();
    const bob = await learnerWithEmail();
    for (const p of [alice, alice, bob])
      await job(NotifyCertificateIssuedJob).handle({ certificateId: await issueCertificate(p) });
    const service = lib.get(NotificationService);
    const mine = await service.list(alice.principal, PAGE);
    expect(mine).toMatchObject({ total: 2, unreadCount: 2, page: 1, pageSize: 20 });
    const bobs = await service.list(bob.principal, PAGE);
    expect(bobs.items).toHaveLength(1);
    await expect(service.markRead(alice.principal, bobs.items[0].id)).rejects.toMatchObject({
      kind: 'not_found',
      code: 'NOTIFICATION.NOT_FOUND',
    });
    expect((await service.unread(bob.principal)).unreadCount).toBe(1);
    const read = await service.markRead(alice.principal, mine.items[0].id);
    expect(read.readAt).not.toBeNull();
    expect(await service.markRead(alice.principal, mine.items[0].id)).toEqual(read);
    expect((await service.list(alice.principal, { ...PAGE, unread: true })).items.map((i) => i.id)).toEqual([
      mine.items[1].id,
    ]);
    expect(await service.markAllRead(alice.principal)).toEqual({ updated: 1 });
    expect((await service.unread(alice.principal)).unreadCount).toBe(0);
    expect((await service.unread(bob.principal)).unreadCount).toBe(1);
    const stranger: Principal = { ...bob.principal, userId: randomUUID() };
    expect((await service.list(stranger, PAGE)).total).toBe(0);
  });
});
