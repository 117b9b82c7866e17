import { DynamicModule, Global, Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { EntitySchema, MixedList } from 'typeorm';
import { APP_CONFIG, type AppConfig } from './config/env';
import { dataSourceOptions } from './database/data-source-options';
import { FILE_STORAGE, LocalDiskStorage } from './storage/file-storage';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
type Entities = MixedList<Function | string | EntitySchema>;

/** Config, database, tokens and storage, shared by the API and the worker. */
@Global()
@Module({})
export class CoreModule {
  static forRoot(config: AppConfig, entities: Entities): DynamicModule {
    return {
      module: CoreModule,
      imports: [
        TypeOrmModule.forRoot({ ...dataSourceOptions(config.databaseUrl, entities, config.dbPoolSize), migrationsRun: false }),
        JwtModule.register({ global: true, secret: config.jwtSecret, signOptions: { algorithm: 'HS256', issuer: 'kompeten' }, verifyOptions: { algorithms: ['HS256'], issuer: 'kompeten' } }),
      ],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: FILE_STORAGE, useValue: new LocalDiskStorage(config.storageDir) },
      ],
      exports: [APP_CONFIG, FILE_STORAGE, JwtModule],
    };
  }
}
