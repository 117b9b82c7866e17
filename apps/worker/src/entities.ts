import { CORE_ENTITIES } from '@kompeten/server-core';
import { IDENTITY_ENTITIES } from '@kompeten/server-identity';
import { ORGANISATION_ENTITIES } from '@kompeten/server-organisation';

export const ALL_ENTITIES = [...CORE_ENTITIES, ...ORGANISATION_ENTITIES, ...IDENTITY_ENTITIES];
