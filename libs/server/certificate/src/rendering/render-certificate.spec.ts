import { inflateSync } from 'node:zlib';
import jsQR from 'jsqr';
import { PDFDocument, PDFName, PDFNumber, PDFRawStream } from 'pdf-lib';
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

/** Every image of a PDF as RGBA pixels (the QR code is one), read back with pdf-lib and inflated. */
async function imagesOf(pdfBytes: Buffer): Promise<Array<{ width: number; height: number; rgba: Uint8ClampedArray }>> {
  const pdf = await PDFDocument.load(pdfBytes);
  const images: Array<{ width: number; height: number; rgba: Uint8ClampedArray }> = [];
  for (const [, obj] of pdf.context.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFRawStream) || obj.dict.get(PDFName.of('Subtype')) !== PDFName.of('Image')) continue;
    const width = (obj.dict.get(PDFName.of('Width')) as PDFNumber).asNumber();
    const height = (obj.dict.get(PDFName.of('Height')) as PDFNumber).asNumber();
    const raw = inflateSync(Buffer.from(obj.contents));
    const channels = raw.length / (width * height);
    if (channels !== 1 && channels !== 3) continue;
    const rgba = new Uint8ClampedArray(width * height * 4);
    for (let i = 0; i < width * height; i++) {
      for (let k = 0; k < 3; k++) rgba[i * 4 + k] = raw[i * channels + (channels === 3 ? k : 0)];
      rgba[i * 4 + 3] = 255;
    }
    images.push({ width, height, rgba });
  }
  return images;
}

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

/** The text drawn on the pages: pdf-lib writes each run as a hex string shown with Tj. */
async function textOf(pdfBytes: Buffer): Promise<string[]> {
  const pdf = await PDFDocument.load(pdfBytes);
  const runs: string[] = [];
  for (const [, obj] of pdf.context.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFRawStream) || obj.dict.get(PDFName.of('Subtype'))) continue;
    const filter = obj.dict.get(PDFName.of('Filter'));
    const body = (
      filter === PDFName.of('FlateDecode') ? inflateSync(Buffer.from(obj.contents)) : Buffer.from(obj.contents)
    ).toString('latin1');
    for (const [, hex] of body.matchAll(/<([0-9A-Fa-f]+)> Tj/g)) runs.push(Buffer.from(hex, 'hex').toString('latin1'));
  }
  return runs;
}

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
