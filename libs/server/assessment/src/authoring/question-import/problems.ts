/**
 * Why a question of an import was refused or changed, as a stable code with parameters; `messages.ts` words it in
 * Indonesian or English for the report. Pure.
 */

export type ProblemParams = Record<string, string | number>;

export interface Problem {
  code: ProblemCode;
  params?: ProblemParams;
}

/** Refusals: the question is not imported. */
export const REFUSALS = [
  'GIFT.UNCLOSED_BRACE',
  'GIFT.UNOPENED_BRACE',
  'GIFT.TWO_ANSWER_BLOCKS',
  'GIFT.DESCRIPTION',
  'GIFT.SEVERAL_CORRECT',
  'GIFT.MATCH_NO_ARROW',
  'GIFT.NUMBER_INVALID',
  'AIKEN.NO_ANSWER_LINE',
  'AIKEN.ANSWER_NOT_OPTION',
  'QUESTION.ONE_ANSWER_ONLY',
  'AIKEN.DUPLICATE_LETTER',
  'SHEET.KIND_MISSING',
  'SHEET.KIND_UNKNOWN',
  'SHEET.ANSWER_MISSING',
  'SHEET.ANSWER_NOT_OPTION',
  'SHEET.TRUE_FALSE_INVALID',
  'SHEET.NUMBER_INVALID',
  'SHEET.POINTS_INVALID',
  'SHEET.MATCH_NO_ARROW',
  'QUESTION.EMPTY_PROMPT',
  'QUESTION.EMPTY_OPTION',
  'QUESTION.TOO_FEW_OPTIONS',
  'QUESTION.TOO_MANY_OPTIONS',
  'QUESTION.NO_CORRECT',
  'QUESTION.NO_FULL_ANSWER',
  'QUESTION.MATCH_TOO_FEW',
  'QUESTION.MATCH_RIGHT_REUSED',
  'QUESTION.STAR_NOT_WILDCARD',
  'QUESTION.TOO_LONG',
  'QUESTION.BANK_RULE',
  'QUESTION.DUPLICATE_IN_BANK',
  'QUESTION.DUPLICATE_IN_FILE',
] as const;

/** Warnings: the question is imported, with something left out or changed. */
export const WARNINGS = [
  'WARN.ANSWER_FEEDBACK_DROPPED',
  'WARN.PARTIAL_CREDIT_DROPPED',
  'WARN.EXTRA_NUMERIC_ANSWERS',
  'WARN.IMAGE_DROPPED',
  'WARN.CATEGORY_SHORTENED',
  'WARN.COLUMNS_IGNORED',
] as const;

export type RefusalCode = (typeof REFUSALS)[number];
export type WarningCode = (typeof WARNINGS)[number];
export type ProblemCode = RefusalCode | WarningCode;

/** A problem with the whole file (wrong format, missing header): the import stops with a 400 and this message. */
export const FILE_PROBLEMS = [
  'FILE.EMPTY',
  'FILE.NOT_TEXT',
  'FILE.NOT_UTF8',
  'FILE.IS_SPREADSHEET',
  'FILE.NOT_XLSX',
  'FILE.UNREADABLE_XLSX',
  'FILE.NO_QUESTIONS',
  'FILE.TOO_MANY_QUESTIONS',
  'SHEET.HEADER_MISSING',
] as const;
export type FileProblemCode = (typeof FILE_PROBLEMS)[number];

export class FileProblem extends Error {
  constructor(
    readonly code: FileProblemCode,
    readonly params: ProblemParams = {},
  ) {
    super(code);
    this.name = 'FileProblem';
  }
}

export const problem = (code: ProblemCode, params?: ProblemParams): Problem => (params ? { code, params } : { code });
