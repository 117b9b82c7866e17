import { isSameKursus, siasnDate, toKursusRecord, type SiasnCompletion } from './kursus-mapping';

const completion: SiasnCompletion = {
  title: '  Pelayanan Publik Prima ',
  organiser: 'BPSDM Provinsi Nusa Tenggara Barat',
  jp: 2.5,
  jenisDiklatId: 16,
  startDate: '2026-11-28',
  endDate: '2026-12-04',
  certificateNumber: '800/0001/BPSDM/2026',
};
const ids = { instansiId: 'a5eb03e23c8af6a0e040640a2a0245a1', pnsOrangId: '0f3c2c1e-1111-4a2b-9c3d-123456789abc' };

describe('the completion → riwayat kursus mapping', () => {
  it('writes SIASN dates as dd-MM-yyyy and refuses anything else', () => {
    expect(siasnDate('2026-12-04')).toBe('04-12-2026');
    expect(() => siasnDate('04/12/2026')).toThrow('Not a YYYY-MM-DD date');
  });

  it('maps JP, the form of development with its letter, the dates, the year, the number and the organiser', () => {
    expect(toKursusRecord(completion, ids)).toEqual({
      id: null,
      instansiId: ids.instansiId,
      pnsOrangId: ids.pnsOrangId,
      jenisDiklatId: '16',
      jenisKursus: '',
      jenisKursusSertipikat: 'T',
      namaKursus: 'Pelayanan Publik Prima',
      institusiPenyelenggara: 'BPSDM Provinsi Nusa Tenggara Barat',
      jumlahJam: 3,
      tahunKursus: 2026,
      tanggalKursus: '28-11-2026',
      tanggalSelesaiKursus: '04-12-2026',
      nomorSertipikat: '800/0001/BPSDM/2026',
      lokasiId: null,
    });
  });

  it('uses the letter of each form (seminar P, functional F) and keeps SIASN\u2019s id when updating', () => {
    expect(toKursusRecord({ ...completion, jenisDiklatId: 9 }, ids).jenisKursusSertipikat).toBe('P');
    expect(toKursusRecord({ ...completion, jenisDiklatId: 2 }, ids).jenisKursusSertipikat).toBe('F');
    expect(toKursusRecord(completion, { ...ids, rwKursusId: 'rw-1' }).id).toBe('rw-1');
  });

  it('refuses structural leadership training (it goes to /diklat/save), unknown forms and reversed dates', () => {
    expect(() => toKursusRecord({ ...completion, jenisDiklatId: 1 }, ids)).toThrow('/diklat/save');
    expect(() => toKursusRecord({ ...completion, jenisDiklatId: 26 }, ids)).toThrow('Unknown jenisDiklatId 26');
    expect(() => toKursusRecord({ ...completion, startDate: '2026-12-05' }, ids)).toThrow('before the start');
  });

  it('recognises our record in a read-back by its certificate number, else by name and end date', () => {
    const record = toKursusRecord(completion, ids);
    const row = { nomorSertipikat: ' 800/0001/BPSDM/2026', namaKursus: 'x', tanggalSelesaiKursus: null };
    expect(isSameKursus(row, record)).toBe(true);
    expect(isSameKursus({ ...row, nomorSertipikat: '800/0002/BPSDM/2026' }, record)).toBe(false);
    expect(
      isSameKursus(
        { nomorSertipikat: null, namaKursus: 'Pelayanan Publik Prima', tanggalSelesaiKursus: '04-12-2026' },
        record,
      ),
    ).toBe(true);
  });
});
