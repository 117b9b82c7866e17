import { parse, type Parser } from 'csv-parse';
import type { FileStorage } from '@kompeten/server-core';

/**
 * The separator of the header line: a semicolon file (Excel in an Indonesian locale) leaves commas inside fields
 * unquoted, e.g. gelar_belakang "S.Sos., M.Si.", so the two are never both separators.
 */
export async function sniffDelimiter(storage: FileStorage, key: string): Promise<',' | ';'> {
  let head = '';
  for await (const chunk of await storage.read(key)) {
    head += (chunk as Buffer).toString('utf8');
    if (head.includes('\n') || head.length > 64 * 1024) break;
  }
  head = head.split('\n')[0];
  const count = (ch: string) => head.split(ch).length - 1;
  return count(';') > count(',') ? ';' : ',';
}

/**
 * A stored import file as records with the parser's line numbers (`info.lines`), read the same way by the import
 * and by the failed-rows download, so a line number means the same line in both.
 */
export async function importCsvParser(storage: FileStorage, key: string, delimiter?: ',' | ';'): Promise<Parser> {
  const sep = delimiter ?? (await sniffDelimiter(storage, key));
  return (await storage.read(key)).pipe(
    parse({
      bom: true,
      delimiter: sep,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      max_record_size: 64 * 1024,
      info: true,
    }),
  );
}
