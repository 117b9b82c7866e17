import { accountSetup } from './account-setup';
import { agencies } from './agencies';
import { approvals } from './approvals';
import { audit } from './audit';
import { attendance } from './attendance';
import { auth } from './auth';
import { calendar } from './calendar';
import { webinar } from './webinar';
import { catalog } from './catalog';
import { communities } from './communities';
import { discussion } from './discussion';
import { certificates } from './certificates';
import { common } from './common';
import { courses } from './courses';
import { dashboard } from './dashboard';
import { editor } from './editor';
import { employee } from './employee';
import { employees } from './employees';
import { grading } from './grading';
import { imports } from './imports';
import { jp } from './jp';
import { jpReports } from './jp-reports';
import { layout } from './layout';
import { learning } from './learning';
import { notifications } from './notifications';
import { preview } from './preview';
import { profile } from './profile';
import { quiz } from './quiz';
import { siasn } from './siasn';
import { questionImport } from './question-import';

/**
 * Bahasa Indonesia catalog (the default language): one file per namespace (feature), assembled here.
 * The English catalog (../en) has exactly the same keys: its type is this one's, and i18n-catalogs.spec.ts checks it at run time.
 */
export const id = {
  common,
  layout,
  auth,
  dashboard,
  profile,
  employee,
  agencies,
  employees,
  imports,
  audit,
  courses,
  approvals,
  catalog,
  learning,
  quiz,
  questionImport,
  grading,
  accountSetup,
  jp,
  jpReports,
  calendar,
  webinar,
  attendance,
  editor,
  preview,
  certificates,
  notifications,
  siasn,
  discussion,
  communities,
};

export type Catalog = typeof id;
