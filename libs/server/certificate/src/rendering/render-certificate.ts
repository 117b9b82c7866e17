import { PDFDocument, rgb, StandardFonts, type PDFFont, type PDFPage } from 'pdf-lib';
import QRCode from 'qrcode';
import { rentangTanggal, tanggalIndonesia, type CertificateContent } from './certificate-content';

export interface RenderOptions {
  /** The agency's emblem or logo (PNG or JPEG), drawn at the top centre. */
  emblem?: { bytes: Uint8Array; type: 'png' | 'jpg' } | null;
}

const A4_LANDSCAPE: [number, number] = [841.89, 595.28];
const INK = rgb(0.1, 0.12, 0.16);
const MUTED = rgb(0.35, 0.38, 0.42);

/** The standard fonts speak WinAnsi: typographic quotes and dashes become their plain forms, anything else a '?'. */
function winAnsi(text: string): string {
  return text
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/[^\u0020-\u007e\u00a0-\u00ff]/g, '?');
}

function centred(page: PDFPage, text: string, y: number, font: PDFFont, size: number, color = INK): void {
  const safe = winAnsi(text);
  const width = font.widthOfTextAtSize(safe, size);
  page.drawText(safe, { x: (page.getWidth() - width) / 2, y, size, font, color });
}

/** Shrinks the size until the text fits `maxWidth` (long names and training titles). */
function fitted(font: PDFFont, text: string, size: number, maxWidth: number): number {
  let s = size;
  while (s > 8 && font.widthOfTextAtSize(winAnsi(text), s) > maxWidth) s -= 0.5;
  return s;
}

/**
 * Draws the certificate (landscape A4): emblem, issuing agency, title and number, the participant with NIP, rank,
 * position and agency, the training with its dates, place, result and JP, the list of subjects with their JP (when
 * the course has them), the place and date of issue with the signatory, and the QR code to the verification page.
 * The same content always gives the same bytes (dates of the document are the issue date), so re-rendering a
 * certificate reproduces it.
 */
export async function renderCertificatePdf(c: CertificateContent, o: RenderOptions = {}): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const issued = new Date(`${c.issuer.issuedOn}T00:00:00Z`);
  pdf.setTitle(winAnsi(`${c.title} ${c.number}`));
  pdf.setAuthor(winAnsi(c.issuer.agency));
  pdf.setSubject(winAnsi(c.training.name));
  pdf.setCreator('Kompeten');
  pdf.setProducer('Kompeten (pdf-lib)');
  pdf.setCreationDate(issued);
  pdf.setModificationDate(issued);
  const page = pdf.addPage(A4_LANDSCAPE);
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const { width, height } = page.getSize();

  page.drawRectangle({ x: 24, y: 24, width: width - 48, height: height - 48, borderColor: INK, borderWidth: 1.5 });
  page.drawRectangle({ x: 30, y: 30, width: width - 60, height: height - 60, borderColor: MUTED, borderWidth: 0.5 });

  let y = height - 70;
  if (o.emblem) {
    const image = o.emblem.type === 'png' ? await pdf.embedPng(o.emblem.bytes) : await pdf.embedJpg(o.emblem.bytes);
    const scaled = image.scaleToFit(60, 60);
    page.drawImage(image, { x: (width - scaled.width) / 2, y: y - scaled.height + 14, ...scaled });
    y -= scaled.height + 6;
  }
  centred(page, c.issuer.agency.toUpperCase(), y, bold, fitted(bold, c.issuer.agency.toUpperCase(), 12, width - 160));
  y -= 36;
  centred(page, c.title, y, bold, 26);
  y -= 20;
  centred(page, `Nomor: ${c.number}`, y, regular, 11, MUTED);
  y -= 30;
  centred(page, c.wording?.awardedTo ?? 'diberikan kepada', y, regular, 11, MUTED);
  y -= 28;
  centred(page, c.participant.name, y, bold, fitted(bold, c.participant.name, 22, width - 160));
  y -= 20;
  const who = [`NIP ${c.participant.nip}`, c.participant.rank, c.participant.position, c.participant.agency].filter(
    (s): s is string => Boolean(s),
  );
  centred(page, who.join('  |  '), y, regular, fitted(regular, who.join('  |  '), 10, width - 140), MUTED);
  y -= 30;
  centred(page, c.wording?.completed ?? 'telah mengikuti', y, regular, 11, MUTED);
  y -= 24;
  centred(page, c.training.name, y, bold, fitted(bold, c.training.name, 16, width - 160));
  y -= 18;
  const when = [rentangTanggal(c.training.startDate, c.training.endDate), c.training.place].filter(Boolean).join(', ');
  centred(
    page,
    `${when} - ${formatJp(c.training.jp)} JP${c.training.result ? ` - ${c.training.result}` : ''}`,
    y,
    regular,
    11,
  );
  y -= 22;
  const closing = c.wording?.closing;
  if (closing) {
    centred(page, closing, y, regular, fitted(regular, closing, 10, width - 160), MUTED);
    y -= 20;
  }

  if (c.training.subjects.length) {
    // As many subjects as fit above the signature block (y 160); the rest are counted on the last line.
    const room = Math.max(1, Math.min(12, Math.floor((y - 160) / 12)));
    const lines =
      c.training.subjects.length > room
        ? [
            ...c.training.subjects.slice(0, room - 1),
            { title: `dan ${c.training.subjects.length - room + 1} mata pelatihan lainnya`, jp: NaN },
          ]
        : c.training.subjects;
    const colX = width / 2 - 190;
    page.drawText('Mata pelatihan', { x: colX, y, size: 9, font: bold, color: INK });
    page.drawText('JP', { x: colX + 360, y, size: 9, font: bold, color: INK });
    for (const [i, s] of lines.entries()) {
      const ly = y - 12 * (i + 1);
      page.drawText(winAnsi(`${Number.isFinite(s.jp) ? `${i + 1}. ` : ''}${s.title}`).slice(0, 80), {
        x: colX,
        y: ly,
        size: 8.5,
        font: regular,
        color: INK,
      });
      if (Number.isFinite(s.jp))
        page.drawText(formatJp(s.jp), { x: colX + 360, y: ly, size: 8.5, font: regular, color: INK });
    }
  }

  // Place and date, signatory, on the right; the QR code on the left, both along the bottom.
  const sx = width - 300;
  page.drawText(winAnsi(`${c.issuer.city}, ${tanggalIndonesia(c.issuer.issuedOn)}`), {
    x: sx,
    y: 150,
    size: 10,
    font: regular,
    color: INK,
  });
  page.drawText(winAnsi(c.signatory.position), { x: sx, y: 136, size: 10, font: regular, color: INK });
  page.drawText(winAnsi(c.signatory.name), { x: sx, y: 78, size: 10.5, font: bold, color: INK });
  if (c.signatory.nip) page.drawText(`NIP ${c.signatory.nip}`, { x: sx, y: 64, size: 9.5, font: regular, color: INK });

  const qr = await QRCode.toBuffer(c.verifyUrl, { type: 'png', errorCorrectionLevel: 'M', margin: 2, scale: 4 });
  const qrImage = await pdf.embedPng(qr);
  page.drawImage(qrImage, { x: 60, y: 50, width: 96, height: 96 });
  page.drawText('Pindai untuk memeriksa keaslian', { x: 60, y: 40, size: 7.5, font: regular, color: MUTED });
  if (c.validUntil)
    page.drawText(`Berlaku sampai dengan ${tanggalIndonesia(c.validUntil)}`, {
      x: 170,
      y: 50,
      size: 8,
      font: regular,
      color: MUTED,
    });

  return Buffer.from(await pdf.save({ useObjectStreams: false }));
}

/** JP with a decimal comma when it has a fraction: 2,5. */
function formatJp(jp: number): string {
  return Number.isInteger(jp) ? String(jp) : String(Math.round(jp * 100) / 100).replace('.', ',');
}
