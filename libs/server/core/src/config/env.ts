import { plainToInstance, Transform } from 'class-transformer';
import { IsEmail, IsIn, IsInt, IsOptional, IsString, IsUrl, Matches, Max, Min, MinLength, validateSync } from 'class-validator';

/** Every environment variable Kompeten reads. Nothing else reads process.env. */
export class EnvDto {
  @IsOptional()
  @IsIn(['development', 'production', 'test'])
  NODE_ENV?: 'development' | 'production' | 'test';

  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL must be a postgres:// URL, e.g. postgres://postgres@127.0.0.1:5432/kompeten' })
  DATABASE_URL: string;

  @Matches(/^rediss?:\/\/.+/, { message: 'REDIS_URL must be a redis:// URL, e.g. redis://127.0.0.1:6379' })
  REDIS_URL: string;

  @IsOptional()
  @Transform(({ value }) => (value === undefined || value === '' ? undefined : Number(value)))
  @Min(1)
  @Max(65535)
  @IsInt({ message: 'PORT must be a whole number' })
  PORT?: number;

  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true }, { message: 'PUBLIC_URL must be an absolute URL, e.g. https://kompeten.ntbprov.go.id' })
  PUBLIC_URL?: string;

  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET: string;

  @IsOptional()
  @IsIn(['UTC', 'Etc/UTC'], { message: 'TZ must stay UTC inside the platform; each agency has its own display time zone' })
  TZ?: string;

  @IsOptional()
  @IsEmail({}, { message: 'ADMIN_EMAIL must be an email address' })
  ADMIN_EMAIL?: string;

  @IsOptional()
  @IsString()
  @MinLength(10, { message: 'ADMIN_PASSWORD must be at least 10 characters' })
  ADMIN_PASSWORD?: string;

  @IsOptional()
  @IsString()
  STORAGE_DIR?: string;

  @IsOptional()
  @IsString()
  WEB_DIST_DIR?: string;

  @IsOptional()
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL?: string;

  @IsOptional()
  @Transform(({ value }) => (value === undefined || value === '' ? undefined : Number(value)))
  @Min(0)
  @Max(65535)
  @IsInt({ message: 'WORKER_HEALTH_PORT must be a whole number' })
  WORKER_HEALTH_PORT?: number;

  @IsOptional()
  @Transform(({ value }) => (value === undefined || value === '' ? undefined : Number(value)))
  @Min(1)
  @Max(200)
  @IsInt({ message: 'DB_POOL_SIZE must be a whole number' })
  DB_POOL_SIZE?: number;

  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,40}$/, { message: 'QUEUE_PREFIX may hold letters, digits, - and _ (at most 40)' })
  QUEUE_PREFIX?: string;

  @IsOptional()
  @IsIn(['true', 'false'], { message: 'RUN_MIGRATIONS must be true or false' })
  RUN_MIGRATIONS?: string;
}

export interface AppConfig {
  env: 'development' | 'production' | 'test';
  databaseUrl: string;
  redisUrl: string;
  port: number;
  publicUrl: string;
  jwtSecret: string;
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
  initialAdmin: { email: string; password: string } | null;
  storageDir: string;
  webDistDir: string | null;
  logLevel: string;
  workerHealthPort: number;
  dbPoolSize: number;
  runMigrations: boolean;
  /** Redis key prefix of every queue (tests use their own). */
  queuePrefix: string;
}

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Reads and validates the environment once, listing every bad variable at once. */
export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const dto = plainToInstance(EnvDto, { ...env });
  // One message per variable: decorators are checked bottom-up, so the type check sits closest to the property.
  const errors = validateSync(dto, { whitelist: false, stopAtFirstError: true });
  const problems = errors.flatMap((e) => Object.values(e.constraints ?? {}));
  if ((env.ADMIN_EMAIL && !env.ADMIN_PASSWORD) || (!env.ADMIN_EMAIL && env.ADMIN_PASSWORD)) {
    problems.push('ADMIN_EMAIL and ADMIN_PASSWORD must be set together');
  }
  if (problems.length) throw new ConfigError(problems);
  const port = dto.PORT ?? 3000;
  return {
    env: dto.NODE_ENV ?? 'development',
    databaseUrl: dto.DATABASE_URL,
    redisUrl: dto.REDIS_URL,
    port,
    publicUrl: (dto.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/$/, ''),
    jwtSecret: dto.JWT_SECRET,
    accessTokenTtlSeconds: 15 * 60,
    refreshTokenTtlSeconds: 30 * 24 * 3600,
    initialAdmin: dto.ADMIN_EMAIL && dto.ADMIN_PASSWORD ? { email: dto.ADMIN_EMAIL.toLowerCase(), password: dto.ADMIN_PASSWORD } : null,
    storageDir: dto.STORAGE_DIR ?? '.data/storage',
    webDistDir: dto.WEB_DIST_DIR ?? null,
    logLevel: dto.LOG_LEVEL ?? 'info',
    workerHealthPort: dto.WORKER_HEALTH_PORT ?? 3001,
    dbPoolSize: dto.DB_POOL_SIZE ?? 20,
    runMigrations: dto.RUN_MIGRATIONS !== 'false',
    queuePrefix: dto.QUEUE_PREFIX ?? 'kompeten',
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');

/** Loads the config for a process, or prints every problem in one message and exits (78: configuration error). */
export function loadConfigOrExit(processName: string): AppConfig {
  try {
    return loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(`${processName} refuses to start. ${e.message}`);
      process.exit(78);
    }
    throw e;
  }
}
