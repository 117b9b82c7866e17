import { PDFDocument } from 'pdf-lib';
import QRCode from 'qrcode';
import {
  ErrorCode,
  type CertificateKeyDocument,
  type CertificateSummary,
  type CertificateTemplate,
  type CertificateVerification,
  type Page,
} from '@kompeten/shared-contracts';
import { CourseCompletionCertificate, verifyCredential, type Credential } from '@kompeten/server-certificate';
import { binaryBody, qrCodesOf, seedPublishedCourse, type TestApi } from '@kompeten/server-testing';
import { bootApi, DEMO } from './app';

/**
 * Certificates over HTTP (issue 17) on the seeded demo world: templates in the admin's scope, the learner's list and
 * downloads, the QR code followed to the public verification (valid, tampered PDF, revoked), the Verifiable
 * Credential checked with the published key, revoke and re-issue.
 */
describe('certificates API', () => {
  let api: TestApi;
  let mataramId: string;
  let provinceId: string;
  const auth = (who: string) => api.auth(who);

  /** A course of Kota Mataram completed by the demo learner, and its certificate issued as the worker's job does. */
  const certify = async (title: string): Promise<string> => {
    const course = await seedPublishedCourse(api.db, { agencyId: mataramId, title, jp: 6 });
    const [{ id: employeeId }] = await api.db.query(`SELECT id FROM employee WHERE nip = $1`, [DEMO.learner]);
    const [en] = await api.db.query(
      `INSERT INTO enrolment (course_id, course_version_id, employee_id, agency_id, source, status, completed_at)
       SELECT $1, $2, e.id, e.agency_id, 'self', 'completed', now() FROM employee e WHERE e.id = $3 RETURNING id`,
      [course.courseId, course.versionId, employeeId],
    );
    const [c] = await api.db.query(
      `INSERT INTO course_completion (enrolment_id, course_id, course_version_id, employee_id, jp)
       VALUES ($1, $2, $3, $4, 6) RETURNING id`,
      [en.id, course.courseId, course.versionId, employeeId],
    );
    const issuer = api.app.get(CourseCompletionCertificate, { strict: false });
    expect(await api.db.transaction((m) => issuer.issue(m, c.id))).toBe('success');
    const [cert] = await api.db.query(`SELECT id FROM certificate WHERE source_id = $1`, [c.id]);
    return cert.id;
  };
  const pdfOf = async (who: string, id: string) => {
    const res = await api.http
      .get(`/api/certificates/${id}/pdf`)
      .set(await auth(who))
      .buffer(true)
      .parse(binaryBody);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    return res.body as Buffer;
  };
  /** Only the template's fields, as the form sends them. */
  const fields = (t: CertificateTemplate) => {
    const { agencyId: _a, agencyName: _n, isDefault: _d, sampleNumber: _s, updatedAt: _u, ...rest } = t;
    return rest;
  };
  /** The QR code to the verification page (the demo logo above is a QR code too: it reads "logo"). */
  const qrOf = async (pdf: Buffer) => {
    const codes = await qrCodesOf(pdf);
    return codes.find((c) => c.includes('/verifikasi/')) as string;
  };
  const verifyUrl = (url: string) => new URL(url).pathname.replace(/^\/verifikasi\//, '/api/public/certificates/');

  beforeAll(async () => {
    api = await bootApi({ config: { PUBLIC_URL: 'https://kompeten.ntbprov.go.id' } });
    [{ id: mataramId }] = await api.db.query(`SELECT agency_id AS id FROM employee WHERE nip = $1`, [DEMO.learner]);
    [{ id: provinceId }] = await api.db.query(`SELECT parent_id AS id FROM agency WHERE id = $1`, [mataramId]);
  });
  afterAll(() => api?.close());

  describe('templates', () => {
    it('lets the agency’s admin and the province admin above it read and save it; another agency’s admin gets 403', async () => {
      const own = await api.http.get(`/api/certificate-templates/${mataramId}`).set(await auth(DEMO.agencyAdmin));
      expect(own.status).toBe(200);
      expect((own.body as CertificateTemplate).agencyId).toBe(mataramId);
      const above = await api.http.get(`/api/certificate-templates/${mataramId}`).set(await auth(DEMO.provinceAdmin));
      expect(above.status).toBe(200);
      const other = await api.http.get(`/api/certificate-templates/${provinceId}`).set(await auth(DEMO.agencyAdmin));
      expect(other.status).toBe(403);
      expect(other.body.code).toBe(ErrorCode.CERTIFICATE_NOT_ADMIN);
      const learner = await api.http.get(`/api/certificate-templates/${mataramId}`).set(await auth(DEMO.learner));
      expect(learner.status).toBe(403);
      const unknown = await api.http
        .get(`/api/certificate-templates/00000000-0000-4000-8000-000000000000`)
        .set(await auth(DEMO.platformAdmin));
      expect(unknown.status).toBe(404);
      const notUuid = await api.http.get(`/api/certificate-templates/mataram`).set(await auth(DEMO.platformAdmin));
      expect(notUuid.status).toBe(404);

      const bad = await api.http
        .put(`/api/certificate-templates/${mataramId}`)
        .set(await auth(DEMO.agencyAdmin))
        .send({ ...fields(own.body), pattern: '{seq}', signatoryNip: '123' });
      expect(bad.status).toBe(400);
      expect(bad.body.code).toBe(ErrorCode.CERTIFICATE_INVALID_TEMPLATE);
      expect(bad.body.details.problems).toEqual([
        'NIP penanda tangan harus 18 angka',
        'Pola nomor harus memuat {tahun}: urutan dimulai lagi setiap tahun',
      ]);
      const saved = await api.http
        .put(`/api/certificate-templates/${mataramId}`)
        .set(await auth(DEMO.agencyAdmin))
        .send({
          ...fields(own.body),
          pattern: '800/{seq:0000}/{kode}/{bulanRomawi}/{tahun}',
          kode: 'BKPSDM-MTR',
          validityMonths: 36,
        });
      expect(saved.status).toBe(200);
      expect(saved.body).toMatchObject({ isDefault: false, validityMonths: 36 });
      expect((saved.body as CertificateTemplate).sampleNumber).toMatch(/^800\/\d{4}\/BKPSDM-MTR\/[IVX]+\/\d{4}$/);
    });

    it('takes a logo by its content (PNG/JPEG up to 512 KB) and previews a draft as a PDF', async () => {
      const png = await QRCode.toBuffer('logo', { type: 'png' });
      const up = await api.http
        .post(`/api/certificate-templates/${mataramId}/logo`)
        .set(await auth(DEMO.agencyAdmin))
        .attach('file', png, 'logo.png');
      expect(up.status).toBe(201);
      expect(up.body).toMatchObject({ mediaType: 'image/png', byteSize: png.length });
      const fake = await api.http
        .post(`/api/certificate-templates/${mataramId}/logo`)
        .set(await auth(DEMO.agencyAdmin))
        .attach('file', Buffer.from('not really a png'), 'logo.png');
      expect(fake.status).toBe(400);
      expect(fake.body.code).toBe(ErrorCode.CERTIFICATE_BAD_LOGO);
      const big = await api.http
        .post(`/api/certificate-templates/${mataramId}/logo`)
        .set(await auth(DEMO.agencyAdmin))
        .attach('file', Buffer.concat([png, Buffer.alloc(600 * 1024)]), 'logo.png');
      expect(big.status).toBe(413);

      const template = (await api.http.get(`/api/certificate-templates/${mataramId}`).set(await auth(DEMO.agencyAdmin)))
        .body as CertificateTemplate;
      const preview = await api.http
        .post(`/api/certificate-templates/${mataramId}/preview`)
        .set(await auth(DEMO.agencyAdmin))
        .send({ ...fields(template), logoSha256: up.body.logoSha256 })
        .buffer(true)
        .parse(binaryBody);
      expect(preview.status).toBe(200);
      expect((preview.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
      // The saved template gets the logo; the next certificates carry its hash.
      const saved = await api.http
        .put(`/api/certificate-templates/${mataramId}`)
        .set(await auth(DEMO.agencyAdmin))
        .send({ ...fields(template), logoSha256: up.body.logoSha256 });
      expect(saved.status).toBe(200);
      const logo = await api.http.get(`/api/public/certificate-logos/${up.body.logoSha256}`);
      expect(logo.status).toBe(200);
    });
  });

  describe('a learner’s certificate, its QR code and the public verification', () => {
    let id: string;
    let pdf: Buffer;

    beforeAll(async () => {
      id = await certify('Pelayanan Publik Prima');
      pdf = await pdfOf(DEMO.learner, id);
    });

    it('lists it under Sertifikat saya; nobody else but the issuing agency’s admins may open it', async () => {
      const mine = await api.http.get('/api/me/certificates').set(await auth(DEMO.learner));
      expect(mine.status).toBe(200);
      const item = (mine.body as Page<CertificateSummary>).items.find((c) => c.id === id);
      expect(item).toMatchObject({ status: 'valid', trainingName: 'Pelayanan Publik Prima', jp: 6, expired: false });
      expect(item?.validUntil).not.toBeNull();
      expect((await api.http.get(`/api/certificates/${id}`).set(await auth(DEMO.pppkLearner))).status).toBe(404);
      expect((await api.http.get(`/api/certificates/${id}`).set(await auth(DEMO.agencyAdmin))).status).toBe(200);
    });

    it('carries a QR code to the verification page, whose JSON (no login) says valid with a masked NIP', async () => {
      // The agency's logo (saved above, a QR code reading "logo") is drawn from the hash in the content.
      expect((await qrCodesOf(pdf)).sort()).toEqual([`https://kompeten.ntbprov.go.id/verifikasi/${id}`, 'logo']);
      const url = await qrOf(pdf);
      const res = await api.http.get(verifyUrl(url));
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        status: 'valid',
        pdfChecked: false,
        certificate: { nip: '198609******051001', training: 'Pelayanan Publik Prima', jp: 6 },
      });
      const checked = await api.http.post(`${verifyUrl(url)}/check`).attach('file', pdf, 'sertifikat.pdf');
      expect(checked.status).toBe(200);
      expect(checked.body).toMatchObject({ status: 'valid', pdfChecked: true });
    });

    it('says tampered for an altered PDF, and refuses a file that is no PDF; an unknown id is a 404 in words', async () => {
      // Opened and saved again with another training name in its properties, as an editor would.
      const doc = await PDFDocument.load(pdf);
      doc.setSubject('Pelatihan Kepemimpinan Nasional');
      const altered = Buffer.from(await doc.save({ useObjectStreams: false }));
      const checked = await api.http.post(`/api/public/certificates/${id}/check`).attach('file', altered, 'x.pdf');
      expect(checked.status).toBe(200);
      expect((checked.body as CertificateVerification).status).toBe('tampered');
      const notPdf = await api.http
        .post(`/api/public/certificates/${id}/check`)
        .attach('file', Buffer.from('hello'), 'x.pdf');
      expect(notPdf.status).toBe(400);
      expect(notPdf.body.code).toBe(ErrorCode.CERTIFICATE_NOT_A_PDF);
      const unknown = await api.http.get('/api/public/certificates/00000000-0000-4000-8000-000000000000');
      expect(unknown.status).toBe(404);
      expect(unknown.body.message).toBe('Sertifikat dengan kode ini tidak terdaftar di Kompeten');
      expect((await api.http.get('/api/public/certificates/abc')).status).toBe(404);
    });

    it('exports an OpenBadgeCredential that verifies with the published key, and fails once a field changes', async () => {
      const res = await api.http
        .get(`/api/certificates/${id}/credential`)
        .set(await auth(DEMO.learner))
        .buffer(true)
        .parse(binaryBody);
      expect(res.status).toBe(200);
      const vc = JSON.parse((res.body as Buffer).toString()) as Credential;
      expect(vc.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
      const method = new URL(vc.proof?.verificationMethod as string);
      expect(method.origin).toBe('https://kompeten.ntbprov.go.id');
      const key = await api.http.get(method.pathname);
      expect(key.status).toBe(200);
      const doc = key.body as CertificateKeyDocument;
      expect(doc).toMatchObject({ type: 'Multikey', publicKeyJwk: { kty: 'OKP', crv: 'Ed25519' } });
      expect(doc.publicKeyMultibase).toMatch(/^z6Mk/);
      expect(verifyCredential(vc, doc.publicKeyPem)).toBe(true);
      const forged = JSON.parse(JSON.stringify(vc));
      forged.credentialSubject.achievement.name = 'Pelatihan Kepemimpinan Nasional';
      expect(verifyCredential(forged, doc.publicKeyPem)).toBe(false);
      expect((await api.http.get('/api/public/certificate-keys/0000000000000000')).status).toBe(404);
    });
  });

  describe('admins: list, revoke and re-issue', () => {
    it('lists by agency, course and period, paginated; another agency is 403', async () => {
      const id = await certify('Literasi Digital ASN');
      const list = await api.http
        .get(`/api/certificates?agencyId=${mataramId}&pageSize=1&q=${encodeURIComponent('Hasan')}`)
        .set(await auth(DEMO.agencyAdmin));
      expect(list.status).toBe(200);
      expect(list.body).toMatchObject({ page: 1, pageSize: 1 });
      expect((list.body as Page<CertificateSummary>).total).toBeGreaterThanOrEqual(2);
      const [{ course_id }] = await api.db.query(`SELECT course_id FROM certificate WHERE id = $1`, [id]);
      const byCourse = await api.http
        .get(`/api/certificates?courseId=${course_id}`)
        .set(await auth(DEMO.provinceAdmin));
      expect((byCourse.body as Page<CertificateSummary>).items.map((c) => c.id)).toEqual([id]);
      const past = await api.http.get(`/api/certificates?to=2020-01-01`).set(await auth(DEMO.agencyAdmin));
      expect((past.body as Page<CertificateSummary>).total).toBe(0);
      expect(
        (await api.http.get(`/api/certificates?agencyId=${provinceId}`).set(await auth(DEMO.agencyAdmin))).status,
      ).toBe(403);
      expect((await api.http.get(`/api/certificates`).set(await auth(DEMO.learner))).status).toBe(403);
      expect((await api.http.get(`/api/certificates?from=2026-02-30`).set(await auth(DEMO.agencyAdmin))).status).toBe(
        400,
      );
    });

    it('revokes with a reason (public: revoked), re-issues with a new number, and keeps the old one revoked', async () => {
      const id = await certify('Standar Pelayanan Publik');
      const pdf = await pdfOf(DEMO.learner, id);
      expect(
        (
          await api.http
            .post(`/api/certificates/${id}/revoke`)
            .set(await auth(DEMO.learner))
            .send({ reason: 'salah' })
        ).status,
      ).toBe(403);
      const noReason = await api.http
        .post(`/api/certificates/${id}/revoke`)
        .set(await auth(DEMO.agencyAdmin))
        .send({});
      expect(noReason.status).toBe(400);
      const revoked = await api.http
        .post(`/api/certificates/${id}/revoke`)
        .set(await auth(DEMO.agencyAdmin))
        .send({ reason: 'Gelar peserta salah tulis' });
      expect(revoked.status).toBe(200);
      expect(revoked.body).toMatchObject({ status: 'revoked', revokedReason: 'Gelar peserta salah tulis' });
      const url = await qrOf(pdf);
      expect((await api.http.get(verifyUrl(url))).body).toMatchObject({
        status: 'revoked',
        certificate: { revokedReason: 'Gelar peserta salah tulis' },
      });
      const again = await api.http
        .post(`/api/certificates/${id}/revoke`)
        .set(await auth(DEMO.agencyAdmin))
        .send({ reason: 'lagi' });
      expect(again.status).toBe(409);

      const reissued = await api.http
        .post(`/api/certificates/${id}/reissue`)
        .set(await auth(DEMO.agencyAdmin))
        .send({ reason: 'Gelar diperbaiki' });
      expect(reissued.status).toBe(200);
      const fresh = reissued.body as CertificateSummary;
      expect(fresh).toMatchObject({ status: 'valid', replacesId: id });
      expect(fresh.number).not.toBe(revoked.body.number);
      expect((await api.http.get(`/api/public/certificates/${id}`)).body.status).toBe('revoked');
      expect((await api.http.get(`/api/public/certificates/${fresh.id}`)).body.status).toBe('valid');
      const twice = await api.http
        .post(`/api/certificates/${id}/reissue`)
        .set(await auth(DEMO.agencyAdmin))
        .send({ reason: 'lagi' });
      expect(twice.status).toBe(409);
      const events = await api.db.query(
        `SELECT 1 FROM outbox_event WHERE event_type = 'certificate.issued' AND aggregate_id = $1`,
        [fresh.id],
      );
      expect(events).toHaveLength(1);
    });
  });
});
