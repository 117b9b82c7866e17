import { OutboxEvent } from '@kompeten/shared-contracts';
import {
  bootLibTest,
  createWorld,
  qrCodesOf,
  seedPublishedCourse,
  type LibTestContext,
  type Person,
  type World,
} from '@kompeten/server-testing';
import { CourseCompletionCertificate } from '../issuing/course-completion-certificate';
import { verifyCertificate } from '../issuing/certificate-issuing';
import type { CertificateContent } from '../rendering/certificate-content';
import { saveTemplate } from '../templates/template-store';
import { defaultTemplate } from '../templates/template-rules';
import { CERTIFICATE_TEST_ENTITIES, completeCourse } from '../test/certificate-fixtures';
import { CertificateJobsModule } from './certificate-jobs.module';
import { IssueCourseCompletionCertificateJob } from './issue-course-completion-certificate.job';

// The issuing job on real PostgreSQL (issue 17): one completion, one certificate and one `certificate.issued`,
// whatever the deliveries; a worker dying mid-way leaves no number used; the content comes from the other domains'
// readers and the issuing agency's template.
describe('certificate.issue-course-completion (real PostgreSQL)', () => {
  let lib: LibTestContext;
  let world: World;
  let handler: IssueCourseCompletionCertificateJob;
  let certificates: CourseCompletionCertificate;

  const certificatesOf = (completionId: string) =>
    lib.db.query<Array<{ id: string; number: string; seq: number; content: CertificateContent; agency_id: string }>>(
      `SELECT id, number, seq, content, agency_id FROM certificate WHERE source_id = $1`,
      [completionId],
    );
  const eventsOf = (certificateId: string) =>
    lib.db.query<Array<{ payload: { certificateId: string } }>>(
      `SELECT payload FROM outbox_event WHERE event_type = $1 AND aggregate_id = $2`,
      [OutboxEvent.CertificateIssued, certificateId],
    );
  const complete = async (p: Person, o: { completedAt: string; startedAt?: string; modules?: number[] }) => {
    const c = await seedPublishedCourse(lib.db, { agencyId: world.province.id, jp: 12 });
    if (o.modules) {
      const modules = c.snapshot.modules.map((mod, i) => ({ ...mod, jp: o.modules?.[i] }));
      await lib.db.query(
        `UPDATE course_version SET snapshot = jsonb_set(snapshot, '{modules}', $2::jsonb) WHERE id = $1`,
        [c.versionId, JSON.stringify(modules)],
      );
    }
    return completeCourse(lib.db, {
      employeeId: p.employeeId as string,
      courseId: c.courseId,
      versionId: c.versionId,
      jp: 12,
      completedAt: o.completedAt,
      startedAt: o.startedAt,
    });
  };

  beforeAll(async () => {
    lib = await bootLibTest({
      entities: CERTIFICATE_TEST_ENTITIES,
      imports: [CertificateJobsModule],
      config: { PUBLIC_URL: 'https://kompeten.ntbprov.go.id' },
    });
    world = await createWorld(lib.db, { learners: 1 });
    handler = lib.get(IssueCourseCompletionCertificateJob);
    certificates = lib.get(CourseCompletionCertificate);
  });
  afterAll(() => lib?.close());

  it('issues one certificate and one event though the job runs twice, and twice at once', async () => {
    const learner = await world.person();
    const completionId = await complete(learner, { completedAt: '2026-12-04T02:00:00Z' });
    expect(await handler.handle({ completionId })).toBe('success');
    expect(await handler.handle({ completionId })).toBe('success');
    const [cert, ...more] = await certificatesOf(completionId);
    expect(more).toHaveLength(0);
    expect(await eventsOf(cert.id)).toEqual([{ payload: { certificateId: cert.id } }]);

    const other = await complete(learner, { completedAt: '2026-12-05T02:00:00Z' });
    expect(
      await Promise.all([handler.handle({ completionId: other }), handler.handle({ completionId: other })]),
    ).toEqual(['success', 'success']);
    const issued = await certificatesOf(other);
    expect(issued).toHaveLength(1);
    expect(await eventsOf(issued[0].id)).toHaveLength(1);
    // The loser of the race rolled back: its number returned to the sequence.
    expect(issued[0].seq).toBe(cert.seq + 1);
  });

  it('leaves no certificate, no event and no used number when the worker dies before the commit', async () => {
    const learner = await world.person();
    const completionId = await complete(learner, { completedAt: '2026-12-06T02:00:00Z' });
    const [{ last }] = await lib.db.query(
      `SELECT coalesce(max(last_value), 0) AS last FROM certificate_sequence WHERE agency_id = $1 AND year = 2026`,
      [world.province.id],
    );
    await expect(
      lib.db.transaction(async (m) => {
        expect(await certificates.issue(m, completionId)).toBe('success');
        throw new Error('worker died');
      }),
    ).rejects.toThrow('worker died');
    expect(await certificatesOf(completionId)).toHaveLength(0);
    expect(await handler.handle({ completionId })).toBe('success');
    const [cert] = await certificatesOf(completionId);
    expect(cert.seq).toBe(Number(last) + 1);
    expect(await eventsOf(cert.id)).toHaveLength(1);
  });

  it('skips an unknown completion', async () => {
    expect(await handler.handle({ completionId: '00000000-0000-4000-8000-000000000000' })).toBe('skipped');
  });

  it('prints the ASN, the training in the agency’s dates and the template; the QR code leads to a valid verification', async () => {
    const learner = await world.person({ fullName: 'Baiq Nurul Aini', positionName: 'Analis Kepegawaian' });
    await lib.db.query(`UPDATE employee SET front_title = 'dr.', back_title = 'M.Kes.', rank = 'III/c' WHERE id = $1`, [
      learner.employeeId,
    ]);
    await lib.db.transaction((m) =>
      saveTemplate(
        m,
        world.province.id,
        {
          ...defaultTemplate({ name: 'Pemerintah Provinsi Nusa Tenggara Barat', code: 'BPSDM', hrBodyName: null }),
          city: 'Mataram',
          signatoryName: 'Dr. H. Lalu Gita Ariadi, M.Si.',
          signatoryPosition: 'Kepala BPSDM',
          validityMonths: 24,
        },
        null,
      ),
    );
    // Begun 1 December 00:30 WITA and completed 4 December 00:30 WITA (30 November and 3 December in UTC).
    const completionId = await complete(learner, {
      startedAt: '2026-11-30T16:30:00Z',
      completedAt: '2026-12-03T16:30:00Z',
      modules: [4, 8],
    });
    expect(await handler.handle({ completionId })).toBe('success');
    const [cert] = await certificatesOf(completionId);
    expect(cert.agency_id).toBe(world.province.id);
    expect(cert.number).toMatch(/^800\/\d{4}\/BPSDM\/2026$/);
    expect(cert.content.participant).toEqual({
      name: 'dr. Baiq Nurul Aini, M.Kes.',
      nip: learner.nip,
      rank: 'III/c Penata',
      position: 'Analis Kepegawaian',
      agency: expect.any(String),
    });
    expect(cert.content.training).toMatchObject({
      startDate: '2026-12-01',
      endDate: '2026-12-04',
      jp: 12,
      result: 'Lulus',
      subjects: [
        { title: 'Modul 1', jp: 4 },
        { title: 'Modul 2', jp: 8 },
      ],
    });
    expect(cert.content.signatory).toEqual({
      name: 'Dr. H. Lalu Gita Ariadi, M.Si.',
      position: 'Kepala BPSDM',
      nip: null,
    });
    expect(cert.content.validUntil).toBe('2028-12-03');

    const pdf = await lib.get(CourseCompletionCertificate)['issuing'].pdfOf(lib.db.manager, cert);
    const [url] = await qrCodesOf(pdf);
    expect(url).toBe(`https://kompeten.ntbprov.go.id/verifikasi/${cert.id}`);
    const id = url.split('/').pop() as string;
    expect((await verifyCertificate(lib.db.manager, id, pdf, '2026-12-10')).status).toBe('valid');
    expect((await verifyCertificate(lib.db.manager, id, pdf, '2028-12-04')).status).toBe('expired');
  });
});
