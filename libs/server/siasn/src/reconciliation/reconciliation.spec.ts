import type { KursusHistoryItem } from '../client/siasn-client';
import { compare } from './reconciliation';
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
