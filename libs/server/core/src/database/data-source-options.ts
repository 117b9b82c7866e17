import type { DataSourceOptions, MixedList, EntitySchema } from 'typeorm';
import { SnakeNamingStrategy } from './snake-naming.strategy';
import { MIGRATIONS } from './migrations';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
type Entities = MixedList<Function | string | EntitySchema>;

/** The one place the PostgreSQL connection is described. Never `synchronize`: migrations own the schema. */
export function dataSourceOptions(url: string, entities: Entities, poolSize = 20): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities,
    migrations: MIGRATIONS,
    migrationsTableName: 'typeorm_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    namingStrategy: new SnakeNamingStrategy(),
    // The session time zone is set on every connection, never inherited from the server or the database (a DBA's
    // `ALTER DATABASE … SET timezone`, a distro default of the local zone): `now()::date`, `date_trunc` and timestamptz
    // text are then UTC in the API, the worker, the CLI and the tests alike. Agencies' zones are applied explicitly.
    extra: { max: poolSize, application_name: 'kompeten', options: '-c TimeZone=UTC' },
    // Failed queries surface as exceptions (the error filter logs real 500s); expected ones, like unique violations turned into 409s, stay quiet.
    logging: false,
  };
}
