import type { QuestionImportReport, QuestionImportStatus } from '@kompeten/shared-contracts';

/** Badge colour of each status in the import report (light badges whose text keeps WCAG contrast; see courses/colors.ts). */
export const STATUS_COLOR: Record<QuestionImportStatus, string> = {
  accepted: 'kompeten',
  duplicate: 'gray',
  refused: 'red',
};

/** How many questions a commit of the previewed file will create: the accepted ones, and the duplicates if asked for. */
export function importableCount(
  report: Pick<QuestionImportReport, 'accepted' | 'duplicates'>,
  includeDuplicates: boolean,
) {
  return report.accepted + (includeDuplicates ? report.duplicates : 0);
}
