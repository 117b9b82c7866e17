import { createHash, randomBytes } from 'node:crypto';
import { Module } from '@nestjs/common';
import Redis from 'ioredis';
import { CORE_ENTITIES, REDIS } from '@kompeten/server-core';
import {
  CERTIFICATE_ENTITIES,
  CertificateIssuing,
  LocalEd25519Signer,
  storeLogo,
  type IssueInput,
} from '@kompeten/server-certificate';
import { ENROLMENT_ENTITIES } from '@kompeten/server-enrolment';
import { IDENTITY_ENTITIES } from '@kompeten/server-identity';
import { LEARNING_ENTITIES } from '@kompeten/server-learning';
import { ORGANISATION_ENTITIES, OrganisationModule, OrganisationService } from '@kompeten/server-organisation';
import { SiasnSimulator } from '@kompeten/server-siasn-sim';
import {
  bootLibTest,
  createPerson,
  createWorld,
  seedPublishedCourse,
  TEST_REDIS_URL,
  type LibTestContext,
  type Person,
  type WorldFor,
} from '@kompeten/server-testing';
import { SiasnAdminService } from '../admin/siasn-admin.service';
import { SiasnPushCertificateJob } from '../jobs/siasn.jobs';
import { SIASN_ENTITIES } from '../index';
import { SiasnReconciliation } from '../reconciliation/reconciliation';
import { SiasnCoreModule } from '../siasn.module';
import { SiasnConnections } from './siasn-connections';
import { CertificatePush } from './certificate-push';
import { SiasnPushes } from './siasn-pushes';

/** The admin service and the consumer, as the API and the worker have them. */
@Module({
  imports: [OrganisationModule, SiasnCoreModule],
  providers: [SiasnAdminService, SiasnPushCertificateJob],
  exports: [SiasnAdminService, SiasnPushCertificateJob],
})
class TestSiasnModule {}

const INSTANSI = 'A5EB03E23C8AF6A0E040640A2A0245A1';

/** The SIASN_* variables pointing at a simulator. */
const envOf = (c: ReturnType<SiasnSimulator['connection']>) => ({
  SIASN_BASE_URL: c.baseUrl,
  SIASN_APIM_TOKEN_URL: c.apimTokenUrl,
  SIASN_APIM_KEY: c.apimKey,
  SIASN_APIM_SECRET: c.apimSecret,
  SIASN_SSO_TOKEN_URL: c.ssoTokenUrl,
  SIASN_SSO_CLIENT_ID: c.ssoClientId,
  SIASN_SSO_USERNAME: c.ssoUsername,
  SIASN_SSO_PASSWORD: c.ssoPassword,
});

interface PushRow {
  id: string;
  status: string;
  attempts: number;
  last_error: string | null;
  siasn_record_id: string | null;
  document_status: string | null;
  document_error: string | null;
  instansi_id: string;
  completion: { jenisDiklatId: number; jp: number; title: string; organiser: string; certificateNumber: string };
}

/**
 * The SIASN push in the running platform on real PostgreSQL and Redis against the simulator (issue 17): a certificate
 * becomes one record at SIASN with its PDF attached, whoever's credentials apply (the agency's own, sealed with
 * AES-256-GCM, else the install's default), parked pushes are resent once, a failed upload is retried by the sweep,
 * the reconciliation finds what SIASN changed, and an admin of another agency sees and resends nothing.
 */
describe('SIASN push in the platform (real PostgreSQL and Redis, the SIASN simulator)', () => {
  let lib: LibTestContext;
  let world: WorldFor<{ learners: 2; course: Record<never, never> }>;
  let redis: Redis;
  let org: OrganisationService;
  let admin: SiasnAdminService;
  let job: SiasnPushCertificateJob;
  let pushes: SiasnPushes;
  let platformAdmin: Person;
  let otherAdmin: Person;
  const sim = new SiasnSimulator({ seed: 17 });
  /** Another SIASN with other credentials: where an agency with its own credentials sends. */
  const ownSim = new SiasnSimulator({
    credentials: { apimKey: 'mataram-key', apimSecret: 'mataram-secret', ssoUsername: 'bkpsdm-mataram' },
  });
  const key = randomBytes(32).toString('base64');
  const issuing = new CertificateIssuing(LocalEd25519Signer.generate(), 'https://kompeten.ntbprov.go.id');

  const scope = (p: Person) => org.scopeOf(p.principal);
  const pushOf = async (id: string): Promise<PushRow> =>
    (await lib.db.query(`SELECT * FROM siasn_push WHERE id = $1`, [id]))[0];
  const pushOfCertificate = async (certificateId: string): Promise<PushRow> =>
    (await lib.db.query(`SELECT * FROM siasn_push WHERE certificate_id = $1`, [certificateId]))[0];

  /** A completion of the world's course by `who` and its certificate, issued by the province (BPSDM). */
  const certify = async (
    who: Person,
    o: { jp?: number; name?: string; logoSha256?: string; course?: { courseId: string; versionId: string } } = {},
  ) => {
    const course = o.course ?? world.course;
    const [en] = await lib.db.query(
      `INSERT INTO enrolment (course_id, course_version_id, employee_id, agency_id, source, status, completed_at)
       SELECT $1, $2, e.id, e.agency_id, 'self', 'completed', now() FROM employee e WHERE e.id = $3 RETURNING id`,
      [course.courseId, course.versionId, who.employeeId],
    );
    const [completion] = await lib.db.query(
      `INSERT INTO course_completion (enrolment_id, course_id, course_version_id, employee_id, jp, completed_at)
       VALUES ($1, $2, $3, $4, $5, now()) RETURNING id`,
      [en.id, course.courseId, course.versionId, who.employeeId, o.jp ?? 20],
    );
    const input: IssueInput = {
      sourceType: 'course_completion',
      sourceId: completion.id,
      employeeId: who.employeeId as string,
      agencyId: world.province.id,
      pattern: '800/{seq:0000}/BPSDM/{bulanRomawi}/{tahun}',
      kode: 'BPSDM',
      unit: 'PKM',
      content: {
        title: 'SURAT TANDA TAMAT PELATIHAN',
        participant: {
          name: o.name ?? who.fullName,
          nip: who.nip as string,
          rank: 'Penata (III/c)',
          position: 'Perawat Ahli Muda',
          agency: 'Pemerintah Kota Mataram',
        },
        training: {
          name: 'Pelayanan Publik Prima',
          startDate: '2026-12-01',
          endDate: '2026-12-04',
          place: 'Mataram',
          jp: o.jp ?? 20,
          result: 'Lulus',
          subjects: [],
        },
        issuer: {
          agency: 'BPSDM Provinsi Nusa Tenggara Barat',
          city: 'Mataram',
          issuedOn: '2026-12-04',
          ...(o.logoSha256 ? { logoSha256: o.logoSha256 } : {}),
        },
        signatory: { name: 'Kepala BPSDM', position: 'Kepala BPSDM', nip: null },
      },
    };
    const issued = await lib.db.transaction((m) => issuing.issue(m, input));
    inputs.set(issued.id, input);
    return issued;
  };
  const inputs = new Map<string, IssueInput>();

  beforeAll(async () => {
    redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: 1 });
    await sim.start();
    await ownSim.start();
    lib = await bootLibTest({
      entities: [
        ...CORE_ENTITIES,
        ...ORGANISATION_ENTITIES,
        ...IDENTITY_ENTITIES,
        ...LEARNING_ENTITIES,
        ...ENROLMENT_ENTITIES,
        ...CERTIFICATE_ENTITIES,
        ...SIASN_ENTITIES,
      ],
      imports: [TestSiasnModule],
      providers: [{ provide: REDIS, useValue: redis }],
      config: {
        ...envOf(sim.connection()),
        SIASN_CREDENTIALS_KEY: key,
        SIASN_RATE_PER_SECOND: '0',
        SIASN_RETRY_BASE_MS: '5',
        SIASN_RETRY_MAX_MS: '20',
        SIASN_TIMEOUT_MS: '2000',
      },
    });
    world = await createWorld(lib.db, { learners: 2, course: {} });
    // The course is a "Seminar" (jenis 14), not the factory's default: the push must carry the course's form.
    await lib.db.query(
      `UPDATE course_version SET snapshot = jsonb_set(snapshot, '{jenisDiklatId}', '14') WHERE id = $1`,
      [world.course.versionId],
    );
    await lib.db.query(`UPDATE agency SET siasn_instansi_id = $2 WHERE id = ANY($1)`, [
      [world.agency.id, world.otherAgency.id, world.sibling.id],
      INSTANSI,
    ]);
    org = lib.get(OrganisationService);
    admin = lib.get(SiasnAdminService);
    job = lib.get(SiasnPushCertificateJob);
    pushes = lib.get(SiasnPushes);
    platformAdmin = await createPerson(lib.db, {
      agencyId: world.province.id,
      employee: false,
      roles: ['platform_admin'],
    });
    otherAdmin = await createPerson(lib.db, {
      agencyId: world.otherAgency.id,
      employee: false,
      roles: ['agency_admin'],
    });
  }, 120_000);
  afterAll(async () => {
    await sim.stop();
    await ownSim.stop();
    redis?.disconnect();
    await lib?.close();
  });

  it('certificate.issued → one SIASN record with the course form, the ASN agency instansiId, and its PDF attached', async () => {
    const cert = await certify(world.learner);
    expect(await job.handle({ certificateId: cert.id })).toBe('success');
    // The event delivered twice (a relay retry): still one push, one record, one document.
    expect(await job.handle({ certificateId: cert.id })).toBe('success');

    const push = await pushOfCertificate(cert.id);
    expect(push).toMatchObject({ status: 'acknowledged', document_status: 'uploaded', instansi_id: INSTANSI });
    expect(push.completion).toEqual({
      title: 'Pelayanan Publik Prima',
      organiser: 'BPSDM Provinsi Nusa Tenggara Barat',
      jp: 20,
      jenisDiklatId: 14,
      startDate: '2026-12-01',
      endDate: '2026-12-04',
      certificateNumber: cert.number,
    });
    const records = sim.records(world.learner.nip as string);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      id: push.siasn_record_id,
      instansiId: INSTANSI,
      jenisDiklatId: '14',
      jumlahJam: 20,
      nomorSertipikat: cert.number,
      tanggalKursus: '01-12-2026',
      tanggalSelesaiKursus: '04-12-2026',
      institusiPenyelenggara: 'BPSDM Provinsi Nusa Tenggara Barat',
    });
    const docs = sim.uploadedDocuments().filter((d) => d.idRiwayat === push.siasn_record_id);
    expect(docs).toEqual([
      expect.objectContaining({
        idRefDokumen: '881',
        sha256: createHash('sha256').update(cert.pdf).digest('hex'),
      }),
    ]);
  });

  it('uploads the issued PDF of a certificate with its agency logo (drawn again with the same logo: same bytes)', async () => {
    // A 1×1 PNG, stored as the certificate lib keeps logos (immutable, by its sha256).
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
      'base64',
    );
    const logoSha256 = await storeLogo(lib.db.manager, png, 'image/png');
    const cert = await certify(await world.person(), { logoSha256 });
    expect(await job.handle({ certificateId: cert.id })).toBe('success');
    const push = await pushOfCertificate(cert.id);
    expect(push).toMatchObject({ status: 'acknowledged', document_status: 'uploaded' });
    const docs = sim.uploadedDocuments().filter((d) => d.idRiwayat === push.siasn_record_id);
    expect(docs.map((d) => d.sha256)).toEqual([createHash('sha256').update(cert.pdf).digest('hex')]);
  });

  it('parks a push of an agency without instansiId, with the reason, and a resend delivers it once', async () => {
    await lib.db.query(`UPDATE agency SET siasn_instansi_id = NULL WHERE id = $1`, [world.agency.id]);
    const cert = await certify(world.learners[1]);
    await job.handle({ certificateId: cert.id });
    const parked = await pushOfCertificate(cert.id);
    expect(parked.status).toBe('parked');
    expect(parked.last_error).toMatch(/siasnInstansiId/);

    await lib.db.query(`UPDATE agency SET siasn_instansi_id = $2 WHERE id = $1`, [world.agency.id, INSTANSI]);
    const a = await scope(world.admin);
    // Another agency's admin neither sees nor resends it.
    await expect(admin.resend(await scope(otherAdmin), world.agency.id, parked.id)).rejects.toMatchObject({
      kind: 'not_found',
    });
    await expect(admin.resend(await scope(otherAdmin), world.otherAgency.id, parked.id)).rejects.toMatchObject({
      code: 'SIASN.PUSH_NOT_FOUND',
    });
    const first = await admin.resend(a, world.agency.id, parked.id);
    expect(first).toEqual({ requeued: true, status: 'acknowledged' });
    // Resending again: nothing left to resend, and SIASN still holds one record.
    await expect(admin.resend(a, world.agency.id, parked.id)).rejects.toMatchObject({
      code: 'SIASN.PUSH_NOT_RESENDABLE',
    });
    expect(await admin.resendAll(a, world.agency.id)).toEqual({ requeued: 0 });
    expect(sim.records(world.learners[1].nip as string)).toHaveLength(1);
    expect((await pushOf(parked.id)).document_status).toBe('uploaded');
  });

  it('retries a failed document upload from the sweep and never uploads an uploaded one again', async () => {
    const cert = await certify(await world.person());
    const pushId = (await lib.db.transaction((m) => lib.get(CertificatePush).create(m, cert.id)))?.pushId as string;
    expect(await pushes.delivery.deliver(pushId)).toBe('acknowledged');
    sim.faults = { ...sim.faults, failRate: 1 };
    expect(await pushes.delivery.deliverDocument(pushId)).toBe('retry');
    const failed = await pushOf(pushId);
    expect(failed.document_status).toBe('failed');
    expect(failed.document_error).toMatch(/503/);
    sim.faults = { ...sim.faults, failRate: 0 };
    await new Promise((r) => setTimeout(r, 50));
    const swept = await pushes.sweep(5_000);
    expect(swept.documents).toBeGreaterThanOrEqual(1);
    expect((await pushOf(pushId)).document_status).toBe('uploaded');
    const before = sim.counters.calls;
    expect(await pushes.delivery.deliverDocument(pushId)).toBe('skipped');
    expect(sim.counters.calls).toBe(before);
    const record = (await pushOf(pushId)).siasn_record_id;
    expect(sim.uploadedDocuments().filter((d) => d.idRiwayat === record)).toHaveLength(1);
  });

  it('a re-issued certificate updates the same SIASN record (new number) and replaces its document', async () => {
    const who = await world.person();
    const first = await certify(who);
    await job.handle({ certificateId: first.id });
    const before = await pushOfCertificate(first.id);
    expect(before).toMatchObject({ status: 'acknowledged', document_status: 'uploaded' });

    const input = inputs.get(first.id) as IssueInput;
    const corrected = { ...input, content: { ...input.content, training: { ...input.content.training, jp: 24 } } };
    const second = await lib.db.transaction((m) => issuing.reissue(m, first.id, 'JP salah', corrected));
    expect(second?.number).not.toBe(first.number);
    // The revoked certificate's event, late, changes nothing; the new one's updates the record.
    expect(await job.handle({ certificateId: first.id })).toBe('skipped');
    await job.handle({ certificateId: second?.id as string });

    const after = await pushOf(before.id);
    expect(after).toMatchObject({
      status: 'acknowledged',
      siasn_record_id: before.siasn_record_id,
      document_status: 'uploaded',
      completion: expect.objectContaining({ certificateNumber: second?.number, jp: 24 }),
    });
    expect(sim.records(who.nip as string)).toEqual([
      expect.objectContaining({ id: before.siasn_record_id, nomorSertipikat: second?.number, jumlahJam: 24 }),
    ]);
    expect(sim.uploadedDocuments().filter((d) => d.idRiwayat === before.siasn_record_id)).toEqual([
      expect.objectContaining({
        sha256: createHash('sha256')
          .update(second?.pdf as Buffer)
          .digest('hex'),
      }),
    ]);
  });

  it('uploads only the PDF that was issued: one that cannot be drawn again the same is parked with the reason', async () => {
    const cert = await certify(await world.person());
    // As if the certificate had been drawn with something the stored content does not hold (e.g. an emblem).
    await lib.db.query(`UPDATE certificate SET pdf_sha256 = repeat('0', 64) WHERE id = $1`, [cert.id]);
    await job.handle({ certificateId: cert.id });
    const push = await pushOfCertificate(cert.id);
    expect(push).toMatchObject({ status: 'acknowledged', document_status: 'parked' });
    expect(push.document_error).toMatch(/tidak dapat dibuat ulang persis/);
    expect(sim.uploadedDocuments().filter((d) => d.idRiwayat === push.siasn_record_id)).toEqual([]);
  });

  it('keeps agency credentials sealed (AES-256-GCM), sends with them, and refuses another key', async () => {
    const other = await createPerson(lib.db, { agencyId: world.sibling.id, fullName: 'Peserta Bima' });
    const siblingAdmin = await createPerson(lib.db, {
      agencyId: world.sibling.id,
      employee: false,
      roles: ['agency_admin'],
    });
    const own = ownSim.connection();
    // Another agency's admin may not read or store them.
    await expect(admin.credentials(await scope(otherAdmin), world.sibling.id)).rejects.toMatchObject({
      kind: 'not_found',
    });
    await expect(admin.credentials(await scope(world.admin), world.sibling.id)).rejects.toMatchObject({
      kind: 'not_found',
    });
    // A learner of the agency sees that it exists, but may not manage it.
    await expect(admin.credentials(await scope(other), world.sibling.id)).rejects.toMatchObject({
      kind: 'forbidden',
    });

    const saved = await admin.saveCredentials(await scope(siblingAdmin), world.sibling.id, {
      baseUrl: own.baseUrl,
      apimTokenUrl: own.apimTokenUrl,
      ssoTokenUrl: own.ssoTokenUrl,
      ssoClientId: own.ssoClientId,
      ssoUsername: own.ssoUsername,
      apimKey: own.apimKey,
      apimSecret: own.apimSecret,
      ssoPassword: own.ssoPassword,
    });
    expect(saved).toMatchObject({
      source: 'agency',
      stored: { apimKeySet: true, apimSecretSet: true, ssoPasswordSet: true, ssoUsername: 'bkpsdm-mataram' },
    });
    expect(JSON.stringify(saved)).not.toContain('mataram-secret');
    const [row] = await lib.db.query(`SELECT * FROM siasn_credential WHERE agency_id = $1`, [world.sibling.id]);
    for (const secret of ['mataram-key', 'mataram-secret', own.ssoPassword])
      expect(JSON.stringify(row)).not.toContain(secret);
    expect(row.apim_secret_enc).toMatch(/^v1\./);

    const connections = lib.get(SiasnConnections);
    expect((await connections.resolve(lib.db.manager, world.sibling.id)).connection).toEqual({
      ...own,
      baseUrl: own.baseUrl,
    });
    expect(await admin.testConnection(await scope(platformAdmin), world.sibling.id)).toMatchObject({
      ok: true,
      gatewayToken: true,
      ssoToken: true,
    });

    // The sibling's ASN goes to its own SIASN, not to the install's default.
    const cert = await certify(other);
    await job.handle({ certificateId: cert.id });
    expect((await pushOfCertificate(cert.id)).status).toBe('acknowledged');
    expect(ownSim.records(other.nip as string)).toHaveLength(1);
    expect(sim.records(other.nip as string)).toHaveLength(0);

    // A server with another key cannot open them: refused in words, never sent with garbage.
    const wrong = new SiasnConnections(
      { ...lib.config, siasn: { ...lib.config.siasn, credentialsKey: randomBytes(32).toString('base64') } },
      redis,
    );
    await expect(wrong.resolve(lib.db.manager, world.sibling.id)).rejects.toThrow(/SIASN_CREDENTIALS_KEY/);

    // A wrong password is reported by the connection test in words.
    await admin.saveCredentials(await scope(siblingAdmin), world.sibling.id, {
      baseUrl: own.baseUrl,
      apimTokenUrl: own.apimTokenUrl,
      ssoTokenUrl: own.ssoTokenUrl,
      ssoClientId: own.ssoClientId,
      ssoUsername: own.ssoUsername,
      ssoPassword: 'salah',
    });
    const test = await admin.testConnection(await scope(siblingAdmin), world.sibling.id);
    expect(test).toMatchObject({ ok: false, gatewayToken: true, ssoToken: false });
    expect(test.message).toMatch(/Token SSO gagal/);
    await expect(
      admin.saveCredentials(await scope(siblingAdmin), world.sibling.id, {
        baseUrl: 'https://example.org/api',
        apimTokenUrl: own.apimTokenUrl,
        ssoTokenUrl: own.ssoTokenUrl,
        ssoClientId: own.ssoClientId,
        ssoUsername: own.ssoUsername,
      }),
    ).rejects.toMatchObject({ kind: 'validation', code: 'SIASN.INVALID_CREDENTIALS' });
  });

  it('reconciliation finds a record SIASN changed and one it lost, and shows them in the report', async () => {
    const a = await scope(world.admin);
    const people = [await world.person(), await world.person(), await world.person()];
    const certs = [];
    for (const p of people) {
      const c = await certify(p);
      await job.handle({ certificateId: c.id });
      certs.push(c);
    }
    // At SIASN someone edits the JP of one record and renumbers another (so ours is no longer there).
    const [changed] = sim.records(people[0].nip as string);
    changed.jumlahJam = 18;
    const [lost] = sim.records(people[1].nip as string);
    lost.nomorSertipikat = 'LAIN/001';

    const run = await admin.requestReconciliation(a, world.agency.id);
    expect(run.status).toBe('requested');
    // Asking again while it waits answers the same run.
    expect((await admin.requestReconciliation(a, world.agency.id)).id).toBe(run.id);
    expect(await lib.get(SiasnReconciliation).runRequested()).toBe(1);

    const report = await admin.report(a, world.agency.id, { page: 1, pageSize: 20 });
    expect(report.run).toMatchObject({ id: run.id, status: 'done', differences: 2 });
    expect(report.open).toBeNull();
    const byNumber = Object.fromEntries(report.items.map((i) => [i.certificateNumber, i]));
    expect(byNumber[certs[0].number]).toMatchObject({ kind: 'different', detail: 'JP: dikirim 20, di SIASN 18' });
    expect(byNumber[certs[1].number]).toMatchObject({ kind: 'missing_at_siasn' });
    expect(byNumber[certs[2].number]).toBeUndefined();
    await expect(
      admin.report(await scope(otherAdmin), world.agency.id, { page: 1, pageSize: 20 }),
    ).rejects.toMatchObject({ kind: 'not_found' });
  });

  it('lists pushes by status and search, only for the agency\u2019s admins', async () => {
    const a = await scope(world.admin);
    const page = await admin.list(a, world.agency.id, { page: 1, pageSize: 2, q: world.learner.nip as string });
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({ nip: world.learner.nip, status: 'acknowledged', documentStatus: 'uploaded' });
    const all = await admin.list(a, world.agency.id, { page: 1, pageSize: 2, status: 'acknowledged' });
    expect(all.items).toHaveLength(2);
    expect(all.total).toBeGreaterThan(2);
    const summary = await admin.summary(a, world.agency.id);
    expect(summary.counts.acknowledged).toBe(all.total);
    await expect(admin.list(await scope(otherAdmin), world.agency.id, { page: 1, pageSize: 20 })).rejects.toMatchObject(
      {
        kind: 'not_found',
      },
    );
  });

  it('reads the official IP ASN from SIASN and keeps it with the time it was read', async () => {
    const a = await scope(world.admin);
    const learner = world.learner.employeeId as string;
    expect(await admin.officialIpAsn(a, learner)).toMatchObject({ score: null, fetchedAt: null });
    sim.setIpAsn(world.learner.nip as string, { nilaiIpAsn: 78.5, tahun: 2025 });
    const read = await admin.refreshIpAsn(a, learner);
    expect(read).toMatchObject({ total: 78.5, score: { nilaiIpAsn: 78.5, tahun: 2025 }, error: null });
    expect(read.fetchedAt).not.toBeNull();
    // Their supervisor sees it too (as on the IP ASN view); another agency's admin does not.
    expect(await admin.officialIpAsn(await scope(world.supervisor), learner)).toMatchObject({ total: 78.5 });
    await expect(admin.officialIpAsn(await scope(otherAdmin), learner)).rejects.toMatchObject({ kind: 'not_found' });
  });

  it('a completion of structural leadership training (jenis 1) → one riwayat diklat (/diklat/save) of the course kind, with its PDF (ref 874), also when the answer is lost', async () => {
    // Last in this file: the lost answer makes the agency rest (new pushes wait for the sweep) for 30 s.
    const pkp = await seedPublishedCourse(lib.db, {
      agencyId: world.agency.id,
      title: 'Pelatihan Kepemimpinan Pengawas',
    });
    // A version published with its kind (latihanStrukturalId 2: SEPALA/ADUM/Diklatpim IV, today PKP).
    await lib.db.query(`UPDATE course SET jenis_diklat_id = 1, latihan_struktural_id = 2 WHERE id = $1`, [
      pkp.courseId,
    ]);
    await lib.db.query(
      `UPDATE course_version SET snapshot = snapshot || '{"jenisDiklatId": 1, "latihanStrukturalId": 2}' WHERE id = $1`,
      [pkp.versionId],
    );
    const who = await world.person();
    const cert = await certify(who, { course: pkp, jp: 45 });
    // SIASN stores the first save but its answer is lost: the retry reads the riwayat diklat back and adopts it.
    sim.faults = { ...sim.faults, lostAckRate: 1 };
    expect(await job.handle({ certificateId: cert.id })).toBe('success');
    sim.faults = { ...sim.faults, lostAckRate: 0 };
    let push = await pushOfCertificate(cert.id);
    expect(push).toMatchObject({ status: 'sent', uncertain: true });
    await lib.db.query(`UPDATE siasn_push SET next_attempt_at = now() WHERE id = $1`, [push.id]);
    await pushes.sweep();
    push = await pushOfCertificate(cert.id);
    expect(push).toMatchObject({ status: 'acknowledged', adopted: true, document_status: 'uploaded' });
    expect(push.completion).toMatchObject({ jenisDiklatId: 1, latihanStrukturalId: 2, jp: 45 });

    expect(sim.records(who.nip as string)).toHaveLength(0);
    const diklat = sim.diklatRecords(who.nip as string);
    expect(diklat).toHaveLength(1);
    expect(diklat[0]).toMatchObject({
      id: push.siasn_record_id,
      latihanStrukturalId: '2',
      nomor: cert.number,
      tahun: 2026,
      tanggal: '01-12-2026',
      tanggalSelesai: '04-12-2026',
      institusiPenyelenggara: 'BPSDM Provinsi Nusa Tenggara Barat',
      jumlahJam: 45,
    });
    expect(sim.uploadedDocuments().filter((d) => d.idRiwayat === push.siasn_record_id)).toEqual([
      expect.objectContaining({ idRefDokumen: '874', sha256: createHash('sha256').update(cert.pdf).digest('hex') }),
    ]);
  });
});
