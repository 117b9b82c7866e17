/** Multer reads multipart file names as latin1; browsers send UTF-8. Keep a readable, path-free name. */
export function cleanFileName(raw: string): string {
  const utf8 = Buffer.from(raw, 'latin1').toString('utf8');
  const chosen = utf8.includes('\uFFFD') ? raw : utf8;
  const printable = [...chosen].filter((ch) => ch.charCodeAt(0) >= 0x20 && ch.charCodeAt(0) !== 0x7f).join('');
  const name = printable.replace(/[\\/]/g, '_').trim();
  return (name || 'berkas').slice(0, 200);
}
