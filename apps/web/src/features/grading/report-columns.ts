import { COURSE_REPORT_COLUMNS, COURSE_REPORT_HEADERS, type CourseReportColumn } from '@kompeten/shared-contracts';

/**
 * The screen's header of a course report column: in Bahasa Indonesia exactly the export's header
 * (COURSE_REPORT_HEADERS, which the CSV/XLSX writer uses), in English its translation; times name the viewer's zone.
 */
export function reportHeader(column: CourseReportColumn, zone: string, lng: string, translated: string): string {
  return lng.startsWith('id') ? COURSE_REPORT_HEADERS[column].replace('{zone}', zone) : translated;
}

/** Columns keyed by their report column, put in the order of COURSE_REPORT_COLUMNS (the export's order). */
export function orderColumns<C extends { key: string }>(columns: C[]): C[] {
  const byKey = new Map(columns.map((c) => [c.key, c]));
  return COURSE_REPORT_COLUMNS.map((c) => {
    const column = byKey.get(c);
    if (!column) throw new Error(`Course report column ${c} has no cell on screen`);
    return column;
  });
}
