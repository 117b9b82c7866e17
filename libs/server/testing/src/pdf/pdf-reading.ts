import { inflateSync } from 'node:zlib';
import jsQR from 'jsqr';
import { PDFDocument, PDFName, PDFNumber, PDFRawStream } from 'pdf-lib';

// Reading a certificate PDF back in tests: its images (the QR code) and the text runs pdf-lib drew.

/** Every image of a PDF as RGBA pixels (the QR code is one), read back with pdf-lib and inflated. */
export async function imagesOf(
  pdfBytes: Buffer,
): Promise<Array<{ width: number; height: number; rgba: Uint8ClampedArray }>> {
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

/** The text drawn on the pages: pdf-lib writes each run as a hex string shown with Tj. */
export async function textOf(pdfBytes: Buffer): Promise<string[]> {
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

/** The URLs of every QR code in the PDF, decoded with jsQR. */
export async function qrCodesOf(pdfBytes: Buffer): Promise<string[]> {
  return (await imagesOf(pdfBytes)).map((i) => jsQR(i.rgba, i.width, i.height)?.data).filter((d): d is string => !!d);
}
