import { createSecretKey } from 'node:crypto';
import { DynamicModule, Global, Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { EntitySchema, MixedList } from 'typeorm';
import { SessionStore, REDIS, RedisCloser, redisProvider } from './auth/session-store';
import { APP_CONFIG, type AppConfig } from './config/env';
import { dataSourceOptions } from './database/data-source-options';
import { FILE_STORAGE, LocalDiskStorage, type FileStorage } from './storage/file-storage';
import { S3FileStorage } from './storage/s3-file-storage';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
type Entities = MixedList<Function | string | EntitySchema>;

/** Config, database, tokens, storage and the shared Redis client (connected on first use), shared by the API and the worker. */
@Global()
@Module({})
export class CoreModule {
  static forRoot(config: AppConfig, entities: Entities): DynamicModule {
    return {
      module: CoreModule,
      imports: [
        TypeOrmModule.forRoot({
          ...dataSourceOptions(config.databaseUrl, entities, config.dbPoolSize),
          migrationsRun: false,
        }),
        // A KeyObject, not the string: jsonwebtoken otherwise tries (and fails) to parse the string as a public key on
        // every verify, ~0.3 ms of CPU per request (measured in docs/performance.md).
        JwtModule.register({
          global: true,
          secret: createSecretKey(Buffer.from(config.jwtSecret, 'utf8')),
          signOptions: { algorithm: 'HS256', issuer: 'kompeten' },
          verifyOptions: { algorithms: ['HS256'], issuer: 'kompeten' },
        }),
      ],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: FILE_STORAGE, useValue: fileStorage(config) },
        redisProvider,
        RedisCloser,
        SessionStore,
      ],
      exports: [APP_CONFIG, FILE_STORAGE, JwtModule, REDIS, SessionStore],
    };
  }
}

/** STORAGE_DRIVER picks the store; uploads in flight stay in STORAGE_DIR/tmp either way. */
function fileStorage(config: AppConfig): FileStorage {
  return config.storageDriver === 's3' && config.s3
    ? new S3FileStorage(config.s3)
    : new LocalDiskStorage(config.storageDir);
}
