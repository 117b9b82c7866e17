import jsQR from 'jsqr';
import { PDFDocument } from 'pdf-lib';
import { imagesOf, textOf } from '@kompeten/server-testing';
import { maskNip, rentangTanggal, tanggalIndonesia, type CertificateContent } from './certificate-content';
import { renderCertificatePdf } from './render-certificate';

const content: CertificateContent = {
  title: 'SURAT TANDA TAMAT PELATIHAN',
  number: '800/0007/BPSDM/2026',
  participant: {
    name: 'dr. Hasan Basri, M.Kes.',
    nip: '198609262015051001',
    rank: 'Penata (III/c)',
    position: 'Dokter Ahli Muda',
    agency: 'Pemerintah Kota Mataram',
  },
  training: {
    name: 'Pelayanan Publik Prima',
    startDate: '2026-12-01',
    endDate: '2026-12-04',
    place: 'Mataram',
    jp: 20,
    result: 'Lulus',
    subjects: [
      { title: 'Standar Pelayanan Publik', jp: 8 },
      { title: 'Budaya Kerja “BerAKHLAK”', jp: 12 },
    ],
  },
  issuer: {
    agency: 'Badan Pengembangan Sumber Daya Manusia Provinsi Nusa Tenggara Barat',
    city: 'Mataram',
    issuedOn: '2026-12-04',
  },
  signatory: { name: 'Dr. H. Lalu Gita Ariadi, M.Si.', position: 'Kepala BPSDM', nip: '196903101990031005' },
  verifyUrl: 'https://kompeten.ntbprov.go.id/verifikasi/4f1c2a9e-7d3b-4c55-9a0e-0f3a6b1d2c11',
};

describe('the certificate PDF', () => {
  it('carries a QR code that a decoder reads back as the verification URL', async () => {
    const pdf = await renderCertificatePdf(content);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const decoded = (await imagesOf(pdf)).map((i) => jsQR(i.rgba, i.width, i.height)?.data).filter(Boolean);
    expect(decoded).toEqual([content.verifyUrl]);
  });

  it('gives the same bytes for the same content (re-rendering reproduces it), and different bytes for other content', async () => {
    const a = await renderCertificatePdf(content);
    const b = await renderCertificatePdf(content);
    expect(b.equals(a)).toBe(true);
    const other = await renderCertificatePdf({ ...content, number: '800/0008/BPSDM/2026' });
    expect(other.equals(a)).toBe(false);
  });

  it('writes the participant, NIP, rank, training, dates, JP, subjects, number and signatory on one landscape page', async () => {
    const bytes = await renderCertificatePdf(content);
    const pdf = await PDFDocument.load(bytes);
    expect(pdf.getTitle()).toBe('SURAT TANDA TAMAT PELATIHAN 800/0007/BPSDM/2026');
    expect(pdf.getPageCount()).toBe(1);
    const [page] = pdf.getPages();
    expect(page.getWidth()).toBeGreaterThan(page.getHeight());
    const text = (await textOf(bytes)).join('\n');
    for (const expected of [
      'dr. Hasan Basri, M.Kes.',
      'NIP 198609262015051001',
      'Penata (III/c)',
      'Pelayanan Publik Prima',
      '1 - 4 Desember 2026, Mataram - 20 JP - Lulus',
      'Nomor: 800/0007/BPSDM/2026',
      '2. Budaya Kerja "BerAKHLAK"',
      'Mataram, 4 Desember 2026',
      'Dr. H. Lalu Gita Ariadi, M.Si.',
      'NIP 196903101990031005',
    ])
      expect(text).toContain(expected);
  });
});

describe('certificate wording', () => {
  it('writes dates and date ranges in Indonesian, and masks the NIP for the public page', () => {
    expect(tanggalIndonesia('2026-12-04')).toBe('4 Desember 2026');
    expect(rentangTanggal('2026-12-01', '2026-12-04')).toBe('1 – 4 Desember 2026');
    expect(rentangTanggal('2026-11-28', '2026-12-04')).toBe('28 November – 4 Desember 2026');
    expect(rentangTanggal('2026-12-30', '2027-01-02')).toBe('30 Desember 2026 – 2 Januari 2027');
    expect(rentangTanggal('2026-12-04', '2026-12-04')).toBe('4 Desember 2026');
    expect(maskNip('198609262015051001')).toBe('198609******051001');
  });
});
