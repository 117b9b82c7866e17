import type { QuestionImportItem, QuestionImportStatus } from '@kompeten/shared-contracts';
import { fingerprint } from './fingerprint';
import type { ImportedQuestion, ParsedEntry } from './imported-question';
import { problemText, type ReportLanguage } from './messages';
import { problem, type Problem } from './problems';
import { excerpt } from './text';

/**
 * What an import will do with each question of a file, given the bank as it is: into which category it goes, and
 * whether it is accepted, skipped as a duplicate, or refused. The same plan answers the preview and, recomputed under
 * the bank's lock, the commit. Pure.
 */

export interface PlanOptions {
  /** The category chosen by the uploader (its name), or null for "uncategorised". */
  target: { id: string; name: string } | null;
  /** Put questions into the categories the file names (created when missing); others go to `target`. */
  useFileCategories: boolean;
  /** Import questions that are already in the bank (or twice in the file) anyway. */
  includeDuplicates: boolean;
}

export interface PlannedItem {
  entry: ParsedEntry;
  status: QuestionImportStatus;
  reason: Problem | null;
  /** The category name it goes to (null: uncategorised). */
  category: string | null;
  question: ImportedQuestion | null;
}

export interface Plan {
  items: PlannedItem[];
  /** Category names the accepted questions need that the bank does not have yet. */
  newCategories: string[];
}

export function planImport(
  entries: ParsedEntry[],
  bank: { fingerprints: Set<string>; categories: string[] },
  options: PlanOptions,
): Plan {
  const existing = new Map(bank.categories.map((name) => [name.toLocaleLowerCase('id'), name]));
  const spelled = new Map<string, string>();
  const seen = new Map<string, number>();
  const items = entries.map((entry): PlannedItem => {
    const fromFile = options.useFileCategories && entry.category ? entry.category : null;
    // A file category matches an existing one whatever its case ("etika" goes into "Etika"); a new one is spelled
    // as the file first spells it.
    const lower = fromFile?.toLocaleLowerCase('id') ?? '';
    if (fromFile && !existing.has(lower) && !spelled.has(lower)) spelled.set(lower, fromFile);
    const category = fromFile
      ? (existing.get(lower) ?? spelled.get(lower) ?? fromFile)
      : (options.target?.name ?? null);
    if (!entry.question)
      return {
        entry,
        status: 'refused',
        reason: entry.refusal ?? problem('QUESTION.EMPTY_PROMPT'),
        category,
        question: null,
      };
    const fp = fingerprint(entry.question);
    const earlier = seen.get(fp);
    if (earlier === undefined) seen.set(fp, entry.line);
    if (!options.includeDuplicates) {
      if (earlier !== undefined)
        return {
          entry,
          status: 'duplicate',
          reason: problem('QUESTION.DUPLICATE_IN_FILE', { line: earlier }),
          category,
          question: null,
        };
      if (bank.fingerprints.has(fp))
        return { entry, status: 'duplicate', reason: problem('QUESTION.DUPLICATE_IN_BANK'), category, question: null };
    }
    return { entry, status: 'accepted', reason: null, category, question: entry.question };
  });
  // Only the file's own categories are ever created; the chosen target already exists.
  const fresh = new Set(spelled.values());
  const newCategories = [
    ...new Set(
      items
        .filter((i) => i.status === 'accepted' && i.category && fresh.has(i.category))
        .map((i) => i.category as string),
    ),
  ];
  return { items, newCategories };
}

/** One line of the report. */
export function reportItem(
  item: PlannedItem,
  lang: ReportLanguage,
  questionId: string | null = null,
): QuestionImportItem {
  return {
    line: item.entry.line,
    status: item.status,
    kind: item.entry.kind,
    excerpt: excerpt(item.entry.prompt),
    category: item.category,
    reason: item.reason ? problemText(item.reason, lang) : null,
    reasonCode: item.reason?.code ?? null,
    warnings: item.entry.warnings.map((w) => problemText(w, lang)),
    questionId,
  };
}
