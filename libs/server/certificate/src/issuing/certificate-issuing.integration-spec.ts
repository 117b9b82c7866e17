import { randomUUID } from 'node:crypto';
import { CORE_ENTITIES } from '@kompeten/server-core';
import { IDENTITY_ENTITIES } from '@kompeten/server-identity';
import { ORGANISATION_ENTITIES } from '@kompeten/server-organisation';
import { bootLibTest, createWorld, qrCodesOf, type LibTestContext, type World } from '@kompeten/server-testing';
import { CERTIFICATE_ENTITIES } from '../index';
import { LocalEd25519Signer } from '../signing/certificate-signer';
import { CertificateIssuing, verifyCertificate, type IssueInput } from './certificate-issuing';

const PUBLIC_URL = 'https://kompeten.ntbprov.go.id';

/**
 * Issuing and verifying certificates on real PostgreSQL (issue 17): one per completion whatever the retries, numbers
 * from the agency's pattern without gaps, the QR code leads to a verification that says valid, and an edited record,
 * an altered PDF and a revoked certificate are each reported as such.
 */
describe('certificate issuing and verification (real PostgreSQL)', () => {
  let lib: LibTestContext;
  let world: World;
  let employeeId: string;
  const signer = LocalEd25519Signer.generate();
  const issuing = new CertificateIssuing(signer, PUBLIC_URL);

  const input = (sourceId: string, o: Partial<IssueInput> = {}): IssueInput => ({
    sourceType: 'course_completion',
    sourceId,
    employeeId,
    agencyId: world.province.id,
    pattern: '800/{seq:0000}/BPSDM/{bulanRomawi}/{tahun}',
    kode: 'BPSDM',
    unit: 'PKM',
    content: {
      title: 'SURAT TANDA TAMAT PELATIHAN',
      participant: {
        name: 'Hasan Basri, S.Kep.',
        nip: '198609262015051001',
        rank: 'Penata (III/c)',
        position: 'Perawat Ahli Muda',
        agency: 'Pemerintah Kota Mataram',
      },
      training: {
        name: 'Pelayanan Publik Prima',
        startDate: '2026-12-01',
        endDate: '2026-12-04',
        place: 'Mataram',
        jp: 20,
        result: 'Lulus',
        subjects: [],
      },
      issuer: { agency: 'BPSDM Provinsi Nusa Tenggara Barat', city: 'Mataram', issuedOn: '2026-12-04' },
      signatory: { name: 'Kepala BPSDM', position: 'Kepala BPSDM', nip: null },
    },
    ...o,
  });
  const issue = (i: IssueInput) => lib.db.transaction((m) => issuing.issue(m, i));

  beforeAll(async () => {
    lib = await bootLibTest({
      entities: [...CORE_ENTITIES, ...ORGANISATION_ENTITIES, ...IDENTITY_ENTITIES, ...CERTIFICATE_ENTITIES],
      imports: [],
    });
    world = await createWorld(lib.db, { learners: 1 });
    employeeId = (await world.person()).employeeId as string;
  });
  afterAll(() => lib?.close());

  it('issues one certificate per completion, however often and concurrently the job runs', async () => {
    const source = randomUUID();
    const results = await Promise.all(Array.from({ length: 5 }, () => issue(input(source)).catch((e: Error) => e)));
    const issued = results.filter((r): r is Exclude<typeof r, Error> => !(r instanceof Error));
    // Concurrent runs: one creates it; the others find it or lose the unique race and retry into finding it.
    const retried = await issue(input(source));
    expect(retried.created).toBe(false);
    expect(issued.filter((r) => r.created)).toHaveLength(1);
    expect(new Set([...issued.map((r) => r.number), retried.number])).toEqual(new Set(['800/0001/BPSDM/XII/2026']));
    const [{ n }] = await lib.db.query(`SELECT count(*)::int AS n FROM certificate WHERE source_id = $1`, [source]);
    expect(n).toBe(1);
  });

  it('numbers 20 concurrent completions 2–21 without a gap or a duplicate', async () => {
    const issued = await Promise.all(Array.from({ length: 20 }, () => issue(input(randomUUID()))));
    const seqs = issued.map((i) => Number(i.number.split('/')[1])).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 20 }, (_, i) => i + 2));
  });

  it('puts a QR code in the PDF that leads to a verification saying valid, with a masked NIP', async () => {
    const issued = await issue(input(randomUUID()));
    const [url] = await qrCodesOf(issued.pdf);
    expect(url).toBe(`${PUBLIC_URL}/verifikasi/${issued.id}`);
    const id = url.split('/').pop() as string;
    const v = await verifyCertificate(lib.db.manager, id, issued.pdf);
    expect(v).toEqual({
      status: 'valid',
      certificate: {
        number: issued.number,
        name: 'Hasan Basri, S.Kep.',
        nip: '198609******051001',
        training: 'Pelayanan Publik Prima',
        startDate: '2026-12-01',
        endDate: '2026-12-04',
        jp: 20,
        issuer: 'BPSDM Provinsi Nusa Tenggara Barat',
        issuedOn: '2026-12-04',
        validUntil: null,
        revokedReason: null,
      },
    });
    // Re-rendering from the stored content gives the very same PDF.
    const row = await lib.db.query(`SELECT content FROM certificate WHERE id = $1`, [issued.id]);
    expect((await issuing.pdfOf(lib.db.manager, row[0])).equals(issued.pdf)).toBe(true);
  });

  it('reports an altered PDF and an edited record as tampered, and an unknown id as not found', async () => {
    const issued = await issue(input(randomUUID()));
    const altered = Buffer.from(issued.pdf);
    altered[Math.floor(altered.length / 2)] ^= 0xff;
    expect((await verifyCertificate(lib.db.manager, issued.id, altered)).status).toBe('tampered');
    await lib.db.query(`UPDATE certificate SET content = jsonb_set(content, '{training,jp}', '40') WHERE id = $1`, [
      issued.id,
    ]);
    expect((await verifyCertificate(lib.db.manager, issued.id)).status).toBe('tampered');
    expect(await verifyCertificate(lib.db.manager, randomUUID())).toEqual({ status: 'not_found', certificate: null });
  });

  it('revokes with a reason and re-issues with a new number; the old number stays revoked', async () => {
    const source = randomUUID();
    const first = await issue(input(source));
    const corrected = input(source, {});
    corrected.content.participant.name = 'Hasan Basri, S.Kep., M.Kes.';
    const second = await lib.db.transaction((m) => issuing.reissue(m, first.id, 'Gelar peserta salah', corrected));
    expect(second?.created).toBe(true);
    expect(second?.number).not.toBe(first.number);
    expect(await verifyCertificate(lib.db.manager, first.id)).toMatchObject({
      status: 'revoked',
      certificate: { number: first.number, revokedReason: 'Gelar peserta salah' },
    });
    expect(await verifyCertificate(lib.db.manager, second?.id as string)).toMatchObject({
      status: 'valid',
      certificate: { name: 'Hasan Basri, S.Kep., M.Kes.' },
    });
    // Revoking twice does nothing more.
    expect(await lib.db.transaction((m) => issuing.reissue(m, first.id, 'lagi', corrected))).toBeNull();
  });
});
