/** An inclusive byte range of a file, as HTTP counts it (`bytes=0-99` is the first 100 bytes). */
export interface ByteRange {
  start: number;
  end: number;
}

/**
 * Reads a `Range` request header (RFC 9110 §14) for a file of `size` bytes: `bytes=a-b`, `bytes=a-` or the suffix
 * `bytes=-n`; an end past the file is cut to its last byte. null: serve the whole file (no header, another unit, a
 * malformed value, or several ranges, which a server may ignore). `unsatisfiable`: the range starts past the end (416).
 */
export function parseByteRange(header: string | undefined, size: number): ByteRange | 'unsatisfiable' | null {
  if (!header) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return null;
  if (m[1] === '') {
    const suffix = Number(m[2]);
    if (suffix === 0) return 'unsatisfiable';
    return size === 0 ? 'unsatisfiable' : { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(m[1]);
  if (m[2] !== '' && Number(m[2]) < start) return null;
  if (start >= size) return 'unsatisfiable';
  return { start, end: m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1) };
}
