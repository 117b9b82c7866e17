import { ASSESSMENT_ENTITIES } from '@kompeten/server-assessment';
import { CERTIFICATE_ENTITIES } from '@kompeten/server-certificate';
import { CALENDAR_ENTITIES } from '@kompeten/server-calendar';
import { CORE_ENTITIES } from '@kompeten/server-core';
import { DISCUSSION_ENTITIES } from '@kompeten/server-discussion';
import { ENROLMENT_ENTITIES } from '@kompeten/server-enrolment';
import { IDENTITY_ENTITIES } from '@kompeten/server-identity';
import { JP_ENTITIES } from '@kompeten/server-jp';
import { LEARNING_ENTITIES } from '@kompeten/server-learning';
import { NOTIFICATION_ENTITIES } from '@kompeten/server-notification';
import { ORGANISATION_ENTITIES } from '@kompeten/server-organisation';
import { SIASN_ENTITIES } from '@kompeten/server-siasn';

export const ALL_ENTITIES = [
  ...CORE_ENTITIES,
  ...ORGANISATION_ENTITIES,
  ...IDENTITY_ENTITIES,
  ...LEARNING_ENTITIES,
  ...ENROLMENT_ENTITIES,
  ...ASSESSMENT_ENTITIES,
  ...JP_ENTITIES,
  ...CERTIFICATE_ENTITIES,
  ...NOTIFICATION_ENTITIES,
  ...CALENDAR_ENTITIES,
  ...DISCUSSION_ENTITIES,
  ...SIASN_ENTITIES,
];
