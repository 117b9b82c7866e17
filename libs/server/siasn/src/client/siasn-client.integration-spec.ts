import { SiasnSimulator } from '@kompeten/server-siasn-sim';
import { toKursusRecord, isSameKursus } from '../mapping/kursus-mapping';
import { SiasnClient } from './siasn-client';
import type { SiasnConnection } from './siasn-config';
import { SiasnCallError } from './siasn-errors';

const NIP = '198609262015051001';
const INSTANSI = 'a5eb03e23c8af6a0e040640a2a0245a1';

/** The SIASN client against the simulator over real HTTP: tokens, headers, read-back, and what each failure means. */
describe('SiasnClient (against the SIASN simulator)', () => {
  const sim = new SiasnSimulator({ seed: 7 });
  let connection: SiasnConnection;

  beforeAll(async () => {
    await sim.start();
    connection = sim.connection();
  });
  beforeEach(() => sim.reset());
  afterAll(() => sim.stop());

  const record = (pnsOrangId: string, n = 1) =>
    toKursusRecord(
      {
        title: 'Pelayanan Publik Prima',
        organiser: 'BPSDM Provinsi Nusa Tenggara Barat',
        jp: 4,
        jenisDiklatId: 16,
        startDate: '2026-12-01',
        endDate: '2026-12-04',
        certificateNumber: `800/${String(n).padStart(4, '0')}/BPSDM/2026`,
      },
      { instansiId: INSTANSI, pnsOrangId },
    );

  it('fetches both tokens once, caches them across calls, and sends the SSO token in its own Auth header', async () => {
    const client = new SiasnClient(connection);
    const [a, b] = await Promise.all([client.pnsOrangId(NIP), client.pnsOrangId(NIP)]);
    expect(a).toMatch(/^[0-9a-f-]{36}$/);
    expect(b).toBe(a);
    for (let i = 0; i < 5; i++) await client.kursusHistory(NIP);
    expect(client.tokenRequests).toBe(2);
    expect(sim.counters.tokens).toBe(2);
    // Without the Auth header, SIASN refuses even a valid gateway token.
    const gateway = await fetch(connection.apimTokenUrl, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${connection.apimKey}:${connection.apimSecret}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: 'grant_type=client_credentials',
    }).then((r) => r.json() as Promise<{ access_token: string }>);
    const bare = await fetch(`${connection.baseUrl}/pns/data-utama/${NIP}`, {
      headers: { authorization: `Bearer ${gateway.access_token}` },
    });
    expect(bare.status).toBe(401);
  });

  it('answers null for a NIP SIASN does not know, and an empty history before anything was sent', async () => {
    const client = new SiasnClient(connection);
    sim.markUnknownNip('199001012020121001');
    expect(await client.pnsOrangId('199001012020121001')).toBeNull();
    expect(await client.kursusHistory(NIP)).toEqual([]);
  });

  it('saves a riwayat kursus, attaches the certificate, and reads it back with both spellings folded', async () => {
    const client = new SiasnClient(connection);
    const pns = (await client.pnsOrangId(NIP)) as string;
    const rec = record(pns);
    const id = await client.saveKursus(rec);
    await client.uploadDocument({ idRiwayat: id, ref: '881', pdf: Buffer.from('%PDF-1.7\n'), fileName: 'sttp.pdf' });
    const history = await client.kursusHistory(NIP);
    expect(history).toEqual([
      expect.objectContaining({
        id,
        jenisDiklatId: '16',
        jumlahJam: 4,
        nomorSertipikat: rec.nomorSertipikat,
        jenisKursusSertipikat: 'T',
        tanggalSelesaiKursus: '04-12-2026',
      }),
    ]);
    expect(sim.uploadedDocuments()).toEqual([
      expect.objectContaining({ idRiwayat: id, idRefDokumen: '881', bytes: 9 }),
    ]);
  });

  it('saves a riwayat diklat (structural leadership), attaches the certificate with ref 874, and reads it back', async () => {
    const client = new SiasnClient(connection);
    const pns = (await client.pnsOrangId(NIP)) as string;
    expect(await client.diklatHistory(NIP)).toEqual([]);
    const id = await client.saveDiklat({
      id: null,
      instansiId: INSTANSI,
      pnsOrangId: pns,
      latihanStrukturalId: '3',
      nomor: '800/0042/BPSDM/XII/2026',
      tahun: 2026,
      tanggal: '01-12-2026',
      tanggalSelesai: '04-12-2026',
      institusiPenyelenggara: 'BPSDM Provinsi Nusa Tenggara Barat',
      jumlahJam: 40,
      bobot: 0,
      jenisKompetensi: 'Pelatihan Kepemimpinan Administrator',
    });
    await client.uploadDocument({ idRiwayat: id, ref: '874', pdf: Buffer.from('%PDF-1.7\n'), fileName: 'sttp.pdf' });
    expect(await client.diklatHistory(NIP)).toEqual([
      {
        id,
        latihanStrukturalId: '3',
        latihanStrukturalNama: 'SEPADYA/SPAMA/DIKLAT PIM TK. III',
        nomor: '800/0042/BPSDM/XII/2026',
        tahun: 2026,
        tanggal: '01-12-2026',
        tanggalSelesai: '04-12-2026',
        institusiPenyelenggara: 'BPSDM Provinsi Nusa Tenggara Barat',
        jumlahJam: 40,
        jenisKompetensi: 'Pelatihan Kepemimpinan Administrator',
      },
    ]);
    expect(sim.uploadedDocuments()).toEqual([expect.objectContaining({ idRiwayat: id, idRefDokumen: '874' })]);
    const diklat = {
      id: null,
      instansiId: INSTANSI,
      pnsOrangId: pns,
      latihanStrukturalId: '9',
      nomor: '800/0043/BPSDM/XII/2026',
      tahun: 2026,
      tanggal: '01-12-2026',
      tanggalSelesai: '04-12-2026',
      institusiPenyelenggara: 'BPSDM Provinsi Nusa Tenggara Barat',
      jumlahJam: 40,
      bobot: 0,
      jenisKompetensi: 'Pelatihan Kepemimpinan',
    };
    const refused = await client.saveDiklat(diklat).catch((e: SiasnCallError) => e);
    expect(refused).toMatchObject({ kind: 'rejected', message: 'latihanStrukturalId tidak valid' });
  });

  it('drops both tokens on a 401 (SIASN expired them), fetches them again once, and the call goes through', async () => {
    const client = new SiasnClient(connection);
    await client.pnsOrangId(NIP);
    sim.expireTokens();
    expect(await client.pnsOrangId(NIP)).toMatch(/^[0-9a-f-]{36}$/);
    expect(client.tokenRequests).toBe(4);
  });

  it('reports refused credentials as auth, a validation error as rejected with SIASN\u2019s words', async () => {
    const wrong = new SiasnClient({ ...connection, ssoPassword: 'salah' });
    await expect(wrong.pnsOrangId(NIP)).rejects.toMatchObject({ kind: 'auth', retryable: false });
    const client = new SiasnClient(connection);
    const pns = (await client.pnsOrangId(NIP)) as string;
    const bad = { ...record(pns), tanggalKursus: '2026-12-01' };
    const err = await client.saveKursus(bad).catch((e: SiasnCallError) => e);
    expect(err).toMatchObject({ kind: 'rejected', status: 400, retryable: false });
    expect((err as SiasnCallError).message).toContain('tanggalKursus harus dd-MM-yyyy');
  });

  it('reports 429 as transient with Retry-After, and a 5xx on a write as an unknown outcome', async () => {
    const client = new SiasnClient(connection);
    const pns = (await client.pnsOrangId(NIP)) as string;
    sim.faults = { ...sim.faults, throttleRate: 1, retryAfterSeconds: 2 };
    await expect(client.kursusHistory(NIP)).rejects.toMatchObject({ kind: 'transient', retryAfterMs: 2000 });
    sim.faults = { ...sim.faults, throttleRate: 0, failRate: 1 };
    await expect(client.saveKursus(record(pns))).rejects.toMatchObject({ kind: 'unknown_outcome', status: 503 });
    await expect(client.kursusHistory(NIP)).rejects.toMatchObject({ kind: 'transient', status: 503 });
  });

  it('the hard case: SIASN stores the record and the answer is lost; the read-back finds it, so nothing is posted twice', async () => {
    const client = new SiasnClient(connection);
    const pns = (await client.pnsOrangId(NIP)) as string;
    const rec = record(pns, 2);
    sim.faults = { ...sim.faults, lostAckRate: 1 };
    await expect(client.saveKursus(rec)).rejects.toMatchObject({ kind: 'unknown_outcome', retryable: true });
    sim.faults = { ...sim.faults, lostAckRate: 0 };
    expect(sim.records(NIP)).toHaveLength(1);
    const adopted = (await client.kursusHistory(NIP)).find((row) => isSameKursus(row, rec));
    expect(adopted?.id).toBe(sim.records(NIP)[0].id);
  });

  it('gives up on a hanging SIASN after its timeout: an unknown outcome for a write, transient for a read', async () => {
    const client = new SiasnClient(connection, { timeoutMs: 300 });
    const pns = (await client.pnsOrangId(NIP)) as string;
    sim.faults = { ...sim.faults, hangRate: 1, hangMs: 2000 };
    await expect(client.saveKursus(record(pns, 3))).rejects.toMatchObject({ kind: 'unknown_outcome' });
    await expect(client.kursusHistory(NIP)).rejects.toMatchObject({ kind: 'transient' });
  });
});
