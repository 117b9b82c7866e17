import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { QuestionKind, QuestionOption } from '@kompeten/shared-contracts';
import { parseIndonesianNumber } from '@kompeten/shared-util';
import { choiceId, DEFAULT_POINTS, refused, type ImportedQuestion, type ParsedEntry } from './imported-question';
import { FileProblem, problem, type Problem } from './problems';
import {
  ANSWER_SEPARATOR,
  FALSE_WORDS,
  headerKey,
  KIND_WORD,
  kindOf,
  MATCH_ARROW,
  OPTION_HEADER,
  SHEET_COLUMNS,
  TRUE_WORDS,
  type SheetField,
} from './sheet-layout';
import { isZip, tidyText } from './text';

/** One spreadsheet row: its number (the header is usually row 1) and its cells as text, left to right. */
export interface SheetRow {
  row: number;
  cells: string[];
}

/** The rows of a CSV file (comma or semicolon separated, as the header line shows). */
export function csvRows(text: string): SheetRow[] {
  const head = text.split('\n', 1)[0];
  const count = (ch: string) => head.split(ch).length - 1;
  const records: string[][] = parse(text, {
    delimiter: count(';') > count(',') ? ';' : ',',
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    max_record_size: 256 * 1024,
  });
  return records.map((cells, i) => ({ row: i + 1, cells }));
}

type CellValue = ExcelJS.CellValue;

function cellText(v: CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('result' in v) return cellText(v.result as CellValue);
    if ('text' in v) return String(v.text);
    if ('error' in v) return '';
  }
  return '';
}

/** The rows of the first worksheet of an XLSX file (or of the sheet named "Soal"). */
export async function xlsxRows(bytes: Uint8Array, maxRows: number): Promise<SheetRow[]> {
  if (!isZip(bytes)) throw new FileProblem('FILE.NOT_XLSX');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  } catch {
    throw new FileProblem('FILE.UNREADABLE_XLSX');
  }
  const sheet = workbook.getWorksheet('Soal') ?? workbook.worksheets[0];
  if (!sheet) throw new FileProblem('FILE.NO_QUESTIONS');
  // The header and at most maxRows questions, plus room for blank rows between them.
  if (sheet.actualRowCount > maxRows + 1)
    throw new FileProblem('FILE.TOO_MANY_QUESTIONS', { count: sheet.actualRowCount - 1, max: maxRows });
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c).value));
    rows.push({ row: number, cells });
  });
  return rows;
}

interface Layout {
  fields: Partial<Record<SheetField, number>>;
  /** Option columns by letter index (0 = opsi_a). */
  options: Array<{ index: number; column: number }>;
}

function layoutOf(header: string[]): Layout {
  const fields: Layout['fields'] = {};
  const options: Layout['options'] = [];
  header.forEach((h, column) => {
    const key = headerKey(h);
    const col = SHEET_COLUMNS.find((c) => c.header === key || c.aliases.includes(key));
    if (col && fields[col.field] === undefined) fields[col.field] = column;
    const opt = OPTION_HEADER.exec(key);
    if (opt) options.push({ index: opt[1].charCodeAt(0) - 97, column });
  });
  const missing = SHEET_COLUMNS.filter((c) => c.required && fields[c.field] === undefined).map((c) => c.header);
  if (missing.length)
    throw new FileProblem('SHEET.HEADER_MISSING', {
      missing: missing.join(', '),
      found: header.filter((h) => h.trim()).join(', ') || '—',
    });
  return { fields, options: options.sort((a, b) => a.index - b.index) };
}

/** A cell that our CSV export protected against formula injection (`'=…`, `'-…`) gets its text back. */
const unprotect = (s: string) => (/^'[=+\-@]/.test(s) ? s.slice(1) : s);

const letterOf = (i: number) => String.fromCharCode(65 + i);

class Row {
  readonly warnings: Problem[] = [];
  constructor(
    private readonly cells: string[],
    private readonly layout: Layout,
  ) {}

  get(field: SheetField): string {
    const at = this.layout.fields[field];
    return at === undefined ? '' : tidyText(unprotect(this.cells[at] ?? ''));
  }

  /** Filled option cells with their letter index. */
  options(): Array<{ index: number; text: string }> {
    return this.layout.options
      .map(({ index, column }) => ({ index, text: tidyText(unprotect(this.cells[column] ?? '')) }))
      .filter((o) => o.text);
  }

  empty(): boolean {
    return this.cells.every((c) => !c.trim());
  }
}

type Body = Pick<ImportedQuestion, 'options' | 'answerKey'>;

function choices(r: Row, kind: QuestionKind): { body: Body } | { refusal: Problem } {
  const filled = r.options();
  if (filled.length < 2) return { refusal: problem('QUESTION.TOO_FEW_OPTIONS', { count: filled.length }) };
  const options: QuestionOption[] = filled.map((o, i) => ({ id: choiceId(i), text: o.text }));
  const answer = r.get('answer');
  if (!answer) return { refusal: problem('SHEET.ANSWER_MISSING') };
  const letters = answer
    .toUpperCase()
    .split(/\s*(?:[,;/&+]|\bDAN\b|\bAND\b)\s*|\s+/)
    .map((l) => l.replace(/^OPSI_|^\(|[.)]$/g, ''))
    .filter(Boolean);
  const filledLetters = filled.map((o) => letterOf(o.index));
  const ids: string[] = [];
  for (const l of letters) {
    const at = filledLetters.indexOf(l);
    if (at < 0)
      return { refusal: problem('SHEET.ANSWER_NOT_OPTION', { answer: l, letters: filledLetters.join(', ') }) };
    if (!ids.includes(options[at].id)) ids.push(options[at].id);
  }
  if (!ids.length) return { refusal: problem('SHEET.ANSWER_MISSING') };
  if (kind === 'single' && ids.length > 1) return { refusal: problem('QUESTION.ONE_ANSWER_ONLY') };
  return { body: { options, answerKey: kind === 'single' ? { correct: ids[0] } : { correct: ids } } };
}

function body(r: Row, kind: QuestionKind): { body: Body } | { refusal: Problem } {
  const answer = r.get('answer');
  const noOptions = () => {
    if (r.options().length) r.warnings.push(problem('WARN.COLUMNS_IGNORED', { columns: 'opsi' }));
  };
  switch (kind) {
    case 'single':
    case 'multiple':
      return choices(r, kind);
    case 'true_false': {
      noOptions();
      const word = answer.toLowerCase();
      if (TRUE_WORDS.includes(word)) return { body: { options: [], answerKey: { correct: true } } };
      if (FALSE_WORDS.includes(word)) return { body: { options: [], answerKey: { correct: false } } };
      return { refusal: problem(answer ? 'SHEET.TRUE_FALSE_INVALID' : 'SHEET.ANSWER_MISSING', { answer }) };
    }
    case 'short_answer': {
      noOptions();
      const accepted = [
        ...new Set(
          answer
            .split('\n')
            .flatMap((a) => a.split(ANSWER_SEPARATOR))
            .map((a) => a.trim())
            .filter(Boolean),
        ),
      ];
      if (!accepted.length) return { refusal: problem('SHEET.ANSWER_MISSING') };
      if (accepted.some((a) => a.includes('*'))) return { refusal: problem('QUESTION.STAR_NOT_WILDCARD') };
      return { body: { options: [], answerKey: { accepted } } };
    }
    case 'numeric': {
      noOptions();
      if (!answer) return { refusal: problem('SHEET.ANSWER_MISSING') };
      // "3,5 ± 0,1" (or "+-" / "+/-") writes the tolerance in the answer cell; the tolerance column wins.
      const [v, inlineTol] = answer.split(/\s*(?:±|\+\/?-)\s*/);
      const value = parseIndonesianNumber(v);
      if (value === null) return { refusal: problem('SHEET.NUMBER_INVALID', { field: 'jawaban', value: v }) };
      const tolText = r.get('tolerance') || inlineTol || '0';
      const tolerance = parseIndonesianNumber(tolText);
      if (tolerance === null || tolerance < 0)
        return { refusal: problem('SHEET.NUMBER_INVALID', { field: 'toleransi', value: tolText }) };
      return { body: { options: [], answerKey: { value, tolerance } } };
    }
    case 'matching': {
      const left: QuestionOption[] = [];
      const right: QuestionOption[] = [];
      const pairs: Array<{ left: string; right: string }> = [];
      for (const o of r.options()) {
        const arrow = o.text.indexOf(MATCH_ARROW);
        if (arrow < 0) return { refusal: problem('SHEET.MATCH_NO_ARROW', { text: o.text }) };
        const l = o.text.slice(0, arrow).trim();
        const rt = o.text.slice(arrow + MATCH_ARROW.length).trim();
        if (!rt) return { refusal: problem('QUESTION.EMPTY_OPTION', { n: o.index + 1 }) };
        let rid = right.find((x) => x.text === rt)?.id;
        if (l && rid && pairs.some((p) => p.right === rid))
          return { refusal: problem('QUESTION.MATCH_RIGHT_REUSED', { text: rt }) };
        if (!rid) {
          rid = `r${right.length + 1}`;
          right.push({ id: rid, text: rt, side: 'right' });
        }
        if (l) {
          const lid = `l${left.length + 1}`;
          left.push({ id: lid, text: l, side: 'left' });
          pairs.push({ left: lid, right: rid });
        }
      }
      if (left.length < 2) return { refusal: problem('QUESTION.MATCH_TOO_FEW', { count: left.length }) };
      if (answer) r.warnings.push(problem('WARN.COLUMNS_IGNORED', { columns: 'jawaban' }));
      return { body: { options: [...left, ...right], answerKey: { pairs } } };
    }
    case 'ordering': {
      const items = r.options().map((o, i) => ({ id: `i${i + 1}`, text: o.text }));
      if (items.length < 2) return { refusal: problem('QUESTION.TOO_FEW_OPTIONS', { count: items.length }) };
      if (answer) r.warnings.push(problem('WARN.COLUMNS_IGNORED', { columns: 'jawaban' }));
      return { body: { options: items, answerKey: { order: items.map((o) => o.id) } } };
    }
    case 'essay':
      noOptions();
      if (answer) r.warnings.push(problem('WARN.COLUMNS_IGNORED', { columns: 'jawaban' }));
      return { body: { options: [], answerKey: null } };
  }
}

function points(r: Row): number | Problem {
  const text = r.get('points');
  if (!text) return DEFAULT_POINTS;
  const n = parseIndonesianNumber(text);
  if (n === null || n < 0.01 || n > 9999.99 || Math.round(n * 100) !== n * 100)
    return problem('SHEET.POINTS_INVALID', { value: text });
  return n;
}

/** Every question of a sheet: the first non-empty row is the header, each later non-empty row one question. */
export function parseSheet(rows: SheetRow[]): ParsedEntry[] {
  const nonEmpty = rows.filter((r) => r.cells.some((c) => c.trim()));
  if (!nonEmpty.length) throw new FileProblem('FILE.NO_QUESTIONS');
  const layout = layoutOf(nonEmpty[0].cells);
  const entries: ParsedEntry[] = [];
  for (const { row, cells } of nonEmpty.slice(1)) {
    const r = new Row(cells, layout);
    if (r.empty()) continue;
    const prompt = r.get('prompt');
    const category = r.get('category') || null;
    const kindCell = r.get('kind');
    const kind = kindOf(kindCell);
    if (!kindCell) {
      entries.push(refused(row, null, prompt, category, problem('SHEET.KIND_MISSING')));
      continue;
    }
    if (!kind) {
      entries.push(
        refused(
          row,
          null,
          prompt,
          category,
          problem('SHEET.KIND_UNKNOWN', { value: kindCell, kinds: Object.values(KIND_WORD).join(', ') }),
        ),
      );
      continue;
    }
    if (!prompt) {
      entries.push(refused(row, kind, '', category, problem('QUESTION.EMPTY_PROMPT')));
      continue;
    }
    const p = points(r);
    if (typeof p !== 'number') {
      entries.push(refused(row, kind, prompt, category, p));
      continue;
    }
    const b = body(r, kind);
    if ('refusal' in b) {
      entries.push(refused(row, kind, prompt, category, b.refusal, r.warnings));
      continue;
    }
    entries.push({
      line: row,
      kind,
      prompt,
      category,
      question: { kind, prompt, ...b.body, points: p, feedback: r.get('feedback') || null },
      refusal: null,
      warnings: r.warnings,
    });
  }
  if (!entries.length) throw new FileProblem('FILE.NO_QUESTIONS');
  return entries;
}
