import { isSameDiklat, toDiklatRecord, toKursusRecord, type SiasnCompletion } from './kursus-mapping';

const leadership: SiasnCompletion = {
  title: ' Pelatihan Kepemimpinan Administrator ',
  organiser: ' BPSDM Provinsi Nusa Tenggara Barat',
  jp: 40.5,
  jenisDiklatId: 1,
  latihanStrukturalId: 3,
  startDate: '2026-12-30',
  endDate: '2027-01-02',
  certificateNumber: '800/0042/BPSDM/2027',
};
const ids = { instansiId: 'a5eb03e23c8af6a0e040640a2a0245a1', pnsOrangId: '0f3c2c1e-1111-4a2b-9c3d-123456789abc' };

describe('the completion → riwayat diklat mapping (structural leadership training, /diklat/save)', () => {
  it('maps the kind, JP, the dates as dd-MM-yyyy, the year of the end, the number and the organiser', () => {
    expect(toDiklatRecord(leadership, ids)).toEqual({
      id: null,
      instansiId: ids.instansiId,
      pnsOrangId: ids.pnsOrangId,
      latihanStrukturalId: '3',
      nomor: '800/0042/BPSDM/2027',
      tahun: 2027,
      tanggal: '30-12-2026',
      tanggalSelesai: '02-01-2027',
      institusiPenyelenggara: 'BPSDM Provinsi Nusa Tenggara Barat',
      jumlahJam: 41,
      bobot: 0,
      jenisKompetensi: 'Pelatihan Kepemimpinan Administrator',
    });
  });

  it("updates SIASN's record when its rwDiklatId is known", () => {
    expect(toDiklatRecord(leadership, { ...ids, rwDiklatId: 'rw-7' }).id).toBe('rw-7');
  });

  it('refuses other forms of development, a missing or out-of-range kind and reversed dates, in words', () => {
    expect(() => toDiklatRecord({ ...leadership, jenisDiklatId: 16 }, ids)).toThrow('not 16');
    expect(() => toDiklatRecord({ ...leadership, latihanStrukturalId: undefined }, ids)).toThrow(
      'tanpa jenis latihan struktural',
    );
    expect(() => toDiklatRecord({ ...leadership, latihanStrukturalId: null }, ids)).toThrow('latihanStrukturalId');
    expect(() => toDiklatRecord({ ...leadership, latihanStrukturalId: 9 }, ids)).toThrow('di luar 1–8');
    expect(() => toDiklatRecord({ ...leadership, startDate: '2027-01-03' }, ids)).toThrow('before the start');
  });

  it('is never sent as a riwayat kursus', () => {
    expect(() => toKursusRecord(leadership, ids)).toThrow('/diklat/save');
  });

  it('recognises our record read back by its number (nomor), else by kind and end date', () => {
    const record = toDiklatRecord(leadership, ids);
    expect(
      isSameDiklat({ nomor: ' 800/0042/BPSDM/2027 ', latihanStrukturalId: '2', tanggalSelesai: null }, record),
    ).toBe(true);
    expect(
      isSameDiklat({ nomor: '800/0043/BPSDM/2027', latihanStrukturalId: '3', tanggalSelesai: '02-01-2027' }, record),
    ).toBe(false);
    expect(isSameDiklat({ nomor: null, latihanStrukturalId: '3', tanggalSelesai: '02-01-2027' }, record)).toBe(true);
    expect(isSameDiklat({ nomor: null, latihanStrukturalId: '4', tanggalSelesai: '02-01-2027' }, record)).toBe(false);
  });
});
