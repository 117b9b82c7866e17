/**
 * The organisation lib's published read models (decision 0016): views another lib may join where one statement must
 * read agencies or work units with its own rows (lists with unit names, scope filters on a unit path). Their names and
 * columns are this lib's contract; they are created by migration 1797000000000 and listed here for
 * tools/scripts/table-ownership.mjs. Single lookups go through the readers in readers.ts and the AgencyTree.
 */
export const ORGANISATION_READ_MODELS = {
  /** id, code, name, level, parent_id, time_zone */
  agency: 'organisation_agency',
  /** id, agency_id, parent_id, code, name, path (materialised "/<root>/…/<id>/"), depth */
  workUnit: 'organisation_work_unit',
} as const;
