import { inflateSync } from 'node:zlib';
import jsQR from 'jsqr';
import { PDFDocument, PDFName, PDFNumber, PDFRawStream } from 'pdf-lib';

/**
 * The text of every QR code in a PDF, decoded with jsQR from the images pdf-lib reads back (the same reading as
 * libs/server/testing's `qrCodesOf`, kept here so the browser journeys do not load the server libs).
 */
export async function qrCodesOf(pdfBytes: Buffer): Promise<string[]> {
  const pdf = await PDFDocument.load(pdfBytes);
  const codes: string[] = [];
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
    const code = jsQR(rgba, width, height);
    if (code) codes.push(code.data);
  }
  return codes;
}
