import { InitialSchema1795500000000 } from './1795500000000-InitialSchema';
import { Learning1795600000000 } from './1795600000000-Learning';
import { Enrolment1795700000000 } from './1795700000000-Enrolment';
import { Assessment1795800000000 } from './1795800000000-Assessment';
import { CourseVersionTitle1795900000000 } from './1795900000000-CourseVersionTitle';
import { AccountSetupLinks1796300000000 } from './1796300000000-AccountSetupLinks';
import { CourseDraftEditorsAndInvitations1796400000000 } from './1796400000000-CourseDraftEditorsAndInvitations';
import { ImportEntries1796600000000 } from './1796600000000-ImportEntries';
import { LearningClock1796700000000 } from './1796700000000-LearningClock';
import { EnrolmentDueTimeZone1796900000000 } from './1796900000000-EnrolmentDueTimeZone';
import { PublishedReadModels1797000000000 } from './1797000000000-PublishedReadModels';
import { OutboxDeliveries1797100000000 } from './1797100000000-OutboxDeliveries';
import { JpLedger1797200000000 } from './1797200000000-JpLedger';
import { JpClaims1797210000000 } from './1797210000000-JpClaims';
import { JpReports1797250000000 } from './1797250000000-JpReports';
import { CourseFileImages1797300000000 } from './1797300000000-CourseFileImages';
import { AccountResetRequests1797400000000 } from './1797400000000-AccountResetRequests';
import { UserLanguage1797500000000 } from './1797500000000-UserLanguage';
import { ImportHeaderCheck1797510000000 } from './1797510000000-ImportHeaderCheck';
import { AuditTouchedAgencies1797520000000 } from './1797520000000-AuditTouchedAgencies';
import { AudienceAssignments1797550000000 } from './1797550000000-AudienceAssignments';
import { SiasnPush1797600000000 } from './1797600000000-SiasnPush';
import { CertificateSequence1797610000000 } from './1797610000000-CertificateSequence';
import { Certificates1797620000000 } from './1797620000000-Certificates';
import { CertificateTemplates1797630000000 } from './1797630000000-CertificateTemplates';
import { SiasnPlatform1797640000000 } from './1797640000000-SiasnPlatform';
import { Notifications1797650000000 } from './1797650000000-Notifications';
import { EnrolmentDecisionReason1797651000000 } from './1797651000000-EnrolmentDecisionReason';
import { JpReportGroups1797660000000 } from './1797660000000-JpReportGroups';
import { TrainingCalendar1797670000000 } from './1797670000000-TrainingCalendar';
import { CourseLatihanStruktural1797680000000 } from './1797680000000-CourseLatihanStruktural';
import { ClassAttendance1797690000000 } from './1797690000000-ClassAttendance';
import { ClassCompletion1797700000000 } from './1797700000000-ClassCompletion';
import { Webinars1797710000000 } from './1797710000000-Webinars';
import { DiscussionsAndCommunities1797720000000 } from './1797720000000-DiscussionsAndCommunities';
import { CalendarFeeds1797730000000 } from './1797730000000-CalendarFeeds';
import { ClassRegistrationNoOverlap1797740000000 } from './1797740000000-ClassRegistrationNoOverlap';

/** Every migration, in order. Listed explicitly so the bundle-free build and tests need no globbing. */
export const MIGRATIONS = [
  InitialSchema1795500000000,
  Learning1795600000000,
  Enrolment1795700000000,
  Assessment1795800000000,
  CourseVersionTitle1795900000000,
  AccountSetupLinks1796300000000,
  CourseDraftEditorsAndInvitations1796400000000,
  ImportEntries1796600000000,
  LearningClock1796700000000,
  EnrolmentDueTimeZone1796900000000,
  PublishedReadModels1797000000000,
  OutboxDeliveries1797100000000,
  JpLedger1797200000000,
  JpClaims1797210000000,
  JpReports1797250000000,
  CourseFileImages1797300000000,
  AccountResetRequests1797400000000,
  UserLanguage1797500000000,
  ImportHeaderCheck1797510000000,
  AuditTouchedAgencies1797520000000,
  AudienceAssignments1797550000000,
  SiasnPush1797600000000,
  CertificateSequence1797610000000,
  Certificates1797620000000,
  CertificateTemplates1797630000000,
  SiasnPlatform1797640000000,
  Notifications1797650000000,
  EnrolmentDecisionReason1797651000000,
  JpReportGroups1797660000000,
  TrainingCalendar1797670000000,
  CourseLatihanStruktural1797680000000,
  ClassAttendance1797690000000,
  ClassCompletion1797700000000,
  Webinars1797710000000,
  DiscussionsAndCommunities1797720000000,
  CalendarFeeds1797730000000,
  ClassRegistrationNoOverlap1797740000000,
];
