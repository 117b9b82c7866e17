import { stringify, type Options, type Stringifier } from 'csv-stringify';
import { neutraliseCsvCell } from '@kompeten/shared-util';

/**
 * The one way the platform writes CSV: csv-stringify with every text cell neutralised against formula injection
 * (a name planted as `=HYPERLINK(…)` by one agency must not run on another agency's admin's machine).
 * Use it for every CSV the API or the worker writes; null and undefined become empty cells.
 */
export function csvStringifier(options: Omit<Options, 'cast'> = {}): Stringifier {
  return stringify({
    ...options,
    cast: {
      string: (value) => neutraliseCsvCell(value),
      // An empty cell, not the word "null".
      object: (value) =>
        value === null ? '' : value instanceof CsvDigitsText ? value.cell() : neutraliseCsvCell(JSON.stringify(value)),
    },
  });
}

/**
 * A cell of digits that a spreadsheet must keep as text, every digit (an 18-digit NIP: Excel and LibreOffice read
 * `198609262015051001` as the number 1.98609E+17 and drop its last three digits). It is written as the formula
 * `="198609262015051001"`, which every spreadsheet opens as that text (decision 0025); only digits may be written so,
 * anything else is written as a neutralised text cell.
 */
export class CsvDigitsText {
  constructor(readonly digits: string) {}

  cell(): string {
    return /^\d{1,40}$/.test(this.digits) ? `="${this.digits}"` : neutraliseCsvCell(this.digits);
  }
}
