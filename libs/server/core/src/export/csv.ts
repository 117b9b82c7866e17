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
      object: (value) => (value === null ? '' : neutraliseCsvCell(JSON.stringify(value))),
    },
  });
}
