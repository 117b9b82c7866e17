import { CsvDigitsText, csvStringifier } from './csv';
import { neutraliseCsvCell } from '@kompeten/shared-util';

async function write(rows: unknown[][], columns?: string[]): Promise<string> {
  const out = csvStringifier({ header: !!columns, columns });
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(Buffer.from(c)));
  const done = new Promise((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  for (const r of rows) out.write(r);
  out.end();
  await done;
  return Buffer.concat(chunks).toString('utf8');
}

describe('neutraliseCsvCell', () => {
  it.each([
    ['=HYPERLINK("http://x","klik")', `'=HYPERLINK("http://x","klik")`],
    ['+62812', `'+62812`],
    ['-1+2', `'-1+2`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['\t=1+1', `'\t=1+1`],
    ['\r=1+1', `'\r=1+1`],
    ['Dr. Baiq Nurul Aini, S.E.', 'Dr. Baiq Nurul Aini, S.E.'],
    ['198609262015051001', '198609262015051001'],
    ['', ''],
  ])('%j → %j', (value, expected) => {
    expect(neutraliseCsvCell(value)).toBe(expected);
  });
});

describe('csvStringifier', () => {
  it('neutralises text cells, keeps numbers (also negative ones) and writes null as an empty cell', async () => {
    const csv = await write(
      [['=cmd|/c calc!A1', -5, null, 'Lalu Hasan', undefined, 12.5]],
      ['Nama', 'Kenaikan', 'Unit', 'X', 'Y', 'Z'],
    );
    expect(csv).toBe(`Nama,Kenaikan,Unit,X,Y,Z\n'=cmd|/c calc!A1,-5,,Lalu Hasan,,12.5\n`);
  });
});

describe('CsvDigitsText', () => {
  it('writes an 18-digit NIP as a ="…" text formula, so spreadsheets keep every digit', async () => {
    const csv = await write([[new CsvDigitsText('198609262015051001'), 'Lalu Hasan']], ['NIP', 'Nama']);
    expect(csv).toBe(`NIP,Nama\n"=""198609262015051001""",Lalu Hasan\n`);
  });

  it('writes anything but digits as a neutralised text cell, never as a formula', async () => {
    const csv = await write([[new CsvDigitsText('1"+cmd|calc'), new CsvDigitsText('=1+1')]]);
    expect(csv).toBe(`"1""+cmd|calc",'=1+1\n`);
  });
});
