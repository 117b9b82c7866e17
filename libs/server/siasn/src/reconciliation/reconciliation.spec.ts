import type { DiklatHistoryItem, KursusHistoryItem } from '../client/siasn-client';
import { compare, compareDiklat } from './reconciliation';
import type { SentRecord } from './reconciliation-store';

const sent: SentRecord = {
  pushId: 'p1',
  nip: '198609262015051001',
  siasnRecordId: 'rw-1',
  completion: {
    title: 'Pelayanan Publik Prima',
    organiser: 'BPSDM Provinsi NTB',
    jp: 19.5,
    jenisDiklatId: 16,
    startDate: '2026-12-01',
    endDate: '2026-12-04',
    certificateNumber: '800/0001/BPSDM/XII/2026',
  },
};

const row = (o: Partial<KursusHistoryItem> = {}): KursusHistoryItem => ({
  id: 'rw-1',
  jenisDiklatId: '16',
  namaKursus: 'Pelayanan Publik Prima',
  institusiPenyelenggara: 'BPSDM Provinsi NTB',
  jumlahJam: 20,
  tanggalKursus: '01-12-2026',
  tanggalSelesaiKursus: '04-12-2026',
  nomorSertipikat: '800/0001/BPSDM/XII/2026',
  jenisKursusSertipikat: 'P',
  ...o,
});

describe('reconciliation compare (what we sent against the ASN’s history at SIASN)', () => {
  it('finds nothing when SIASN holds the record as sent (JP rounded half up as it was sent)', () => {
    expect(compare(sent, [row({ id: 'rw-other', nomorSertipikat: 'X' }), row()])).toEqual([]);
  });

  it('reports a record missing at SIASN', () => {
    expect(compare(sent, [row({ nomorSertipikat: 'LAIN/1' })])).toEqual([
      expect.objectContaining({ kind: 'missing_at_siasn', certificateNumber: sent.completion.certificateNumber }),
    ]);
  });

  it('reports a different JP, dates and name in one difference, and another record id separately', () => {
    const found = compare(sent, [
      row({ id: 'rw-2', jumlahJam: 18, tanggalKursus: '02-12-2026', namaKursus: 'Pelayanan Prima' }),
    ]);
    expect(found.map((d) => d.kind)).toEqual(['record_id_mismatch', 'different']);
    expect(found[1].detail).toBe(
      'JP: dikirim 20, di SIASN 18; tanggal mulai: dikirim 01-12-2026, di SIASN 02-12-2026; nama: dikirim "Pelayanan Publik Prima", di SIASN "Pelayanan Prima"',
    );
  });
});

describe('reconciliation of structural leadership training (riwayat diklat)', () => {
  const leadership: SentRecord = {
    ...sent,
    siasnRecordId: 'rd-1',
    completion: {
      ...sent.completion,
      title: 'Pelatihan Kepemimpinan Administrator',
      jenisDiklatId: 1,
      latihanStrukturalId: 3,
    },
  };
  const diklat = (o: Partial<DiklatHistoryItem> = {}): DiklatHistoryItem => ({
    id: 'rd-1',
    latihanStrukturalId: '3',
    latihanStrukturalNama: 'SEPADYA/SPAMA/DIKLAT PIM TK. III',
    nomor: '800/0001/BPSDM/XII/2026',
    tahun: 2026,
    tanggal: '01-12-2026',
    tanggalSelesai: '04-12-2026',
    institusiPenyelenggara: 'BPSDM Provinsi NTB',
    jumlahJam: 20,
    jenisKompetensi: null,
    ...o,
  });

  it('finds nothing when SIASN holds it as sent (no name at SIASN is no difference)', () => {
    expect(compareDiklat(leadership, [diklat()])).toEqual([]);
  });

  it('reports it missing, and a different kind, JP and name in one difference', () => {
    expect(compareDiklat(leadership, [diklat({ nomor: 'LAIN/1' })])).toEqual([
      expect.objectContaining({ kind: 'missing_at_siasn' }),
    ]);
    const found = compareDiklat(leadership, [
      diklat({ latihanStrukturalId: '2', jumlahJam: 18, jenisKompetensi: 'Diklatpim IV' }),
    ]);
    expect(found).toHaveLength(1);
    expect(found[0].detail).toBe(
      'JP: dikirim 20, di SIASN 18; nama: dikirim "Pelatihan Kepemimpinan Administrator", di SIASN "Diklatpim IV"; jenis latihan struktural: dikirim 3, di SIASN 2',
    );
  });
});
