import { plainToInstance, Transform } from 'class-transformer';
import {
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';
import { LOGIN_THROTTLE_DEFAULTS, parseTrustProxy, type LoginThrottleConfig, type TrustProxy } from './login-defence';

function blankToUndefined({ value }: { value: unknown }): unknown {
  return value === '' ? undefined : value;
}

/** An optional whole-number variable within [min, max]; the type check runs first (decorators apply bottom-up). */
function OptionalInt(name: string, min: number, max: number): PropertyDecorator {
  return (target, key) => {
    IsInt({ message: `${name} must be a whole number` })(target, key);
    Max(max, { message: `${name} must be at most ${max}` })(target, key);
    Min(min, { message: `${name} must be at least ${min}` })(target, key);
    Transform(({ value }) => (value === undefined || value === '' ? undefined : Number(value)))(target, key);
    IsOptional()(target, key);
  };
}

/** Every environment variable Kompeten reads. Nothing else reads process.env. */
export class EnvDto {
  @IsOptional()
  @IsIn(['development', 'production', 'test'])
  NODE_ENV?: 'development' | 'production' | 'test';

  @Matches(/^postgres(ql)?:\/\/.+/, {
    message: 'DATABASE_URL must be a postgres:// URL, e.g. postgres://postgres@127.0.0.1:5432/kompeten',
  })
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
  @IsUrl(
    { require_tld: false, require_protocol: true },
    { message: 'PUBLIC_URL must be an absolute URL, e.g. https://kompeten.ntbprov.go.id' },
  )
  PUBLIC_URL?: string;

  /** How long an account setup link (new account or password reset) stays valid; default 72 hours. */
  @IsOptional()
  @Transform(({ value }) => (value === undefined || value === '' ? undefined : Number(value)))
  @Min(1)
  @Max(720)
  @IsInt({ message: 'SETUP_LINK_TTL_HOURS must be a whole number of hours (1–720)' })
  SETUP_LINK_TTL_HOURS?: number;

  /** Where email is sent (issue 17): smtp://user:pass@host:587 or smtps://…:465; unset, emails wait as pending. */
  @IsOptional()
  @Transform(blankToUndefined)
  @Matches(/^smtps?:\/\/[^\s/]+(\/.*)?$/, {
    message: 'SMTP_URL must be an smtp:// or smtps:// URL, e.g. smtp://user:password@mail.example.go.id:587',
  })
  SMTP_URL?: string;

  /** The sender of every email, e.g. `Kompeten BPSDM NTB <no-reply@ntbprov.go.id>`. */
  @IsOptional()
  @Transform(blankToUndefined)
  @Matches(/^([^<>]*<[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/, {
    message: 'MAIL_FROM must be an address, optionally with a name, e.g. Kompeten <no-reply@kompeten.go.id>',
  })
  MAIL_FROM?: string;

  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET: string;

  /**
   * The Ed25519 key that signs certificates and their Verifiable Credentials (PKCS#8 PEM, `\n` allowed for line
   * breaks). Without it a key is derived from JWT_SECRET, so the API and the worker agree (decision 0030).
   */
  @IsOptional()
  @Transform(blankToUndefined)
  @Matches(/-----BEGIN PRIVATE KEY-----[\s\S]+-----END PRIVATE KEY-----/, {
    message:
      'CERTIFICATE_SIGNING_KEY must be an Ed25519 private key in PKCS#8 PEM (openssl genpkey -algorithm ed25519)',
  })
  CERTIFICATE_SIGNING_KEY?: string;

  @IsOptional()
  @IsIn(['UTC', 'Etc/UTC'], {
    message: 'TZ must stay UTC inside the platform; each agency has its own display time zone',
  })
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

  /** Decision 0041: signed-in pages rendered on the server at once, at most (0 turns server rendering of them off). */
  @IsOptional()
  @Transform(({ value }) => (value === undefined || value === '' ? undefined : Number(value)))
  @Min(0)
  @Max(64)
  @IsInt({ message: 'SERVER_RENDER_CONCURRENCY must be a whole number from 0 (off) to 64' })
  SERVER_RENDER_CONCURRENCY?: number;

  @IsOptional()
  @Transform(blankToUndefined)
  @IsIn(['local', 's3'], { message: 'STORAGE_DRIVER must be local or s3' })
  STORAGE_DRIVER?: 'local' | 's3';

  @IsOptional()
  @Transform(blankToUndefined)
  @Matches(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, {
    message: 'S3_BUCKET must be a bucket name: 3-63 lowercase letters, digits, dots and hyphens',
  })
  S3_BUCKET?: string;

  @IsOptional()
  @Transform(blankToUndefined)
  @IsUrl(
    { require_tld: false, require_protocol: true, protocols: ['http', 'https'] },
    { message: 'S3_ENDPOINT must be an http(s) URL, e.g. http://127.0.0.1:9000' },
  )
  S3_ENDPOINT?: string;

  @IsOptional()
  @Transform(blankToUndefined)
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'S3_REGION must be a region name, e.g. us-east-1' })
  S3_REGION?: string;

  @IsOptional()
  @Transform(blankToUndefined)
  @IsString()
  S3_ACCESS_KEY_ID?: string;

  @IsOptional()
  @Transform(blankToUndefined)
  @IsString()
  S3_SECRET_ACCESS_KEY?: string;

  @IsOptional()
  @Transform(blankToUndefined)
  @IsIn(['true', 'false'], { message: 'S3_FORCE_PATH_STYLE must be true or false' })
  S3_FORCE_PATH_STYLE?: string;

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

  /** Days the worker keeps relayed outbox events whose deliveries are all done (decision 0017). */
  @OptionalInt('OUTBOX_RETENTION_DAYS', 1, 3650) OUTBOX_RETENTION_DAYS?: number;

  @IsOptional()
  @Transform(({ value }) => (value === undefined || value === '' ? undefined : Number(value)))
  @Min(1)
  @Max(3600)
  @IsInt({ message: 'RATE_LIMIT_WINDOW_SECONDS must be a whole number of seconds (1-3600)' })
  RATE_LIMIT_WINDOW_SECONDS?: number;

  @IsOptional()
  @Transform(({ value }) => (value === undefined || value === '' ? undefined : Number(value)))
  @Min(1)
  @IsInt({ message: 'RATE_LIMIT_PER_USER must be a whole number' })
  RATE_LIMIT_PER_USER?: number;

  @IsOptional()
  @Transform(({ value }) => (value === undefined || value === '' ? undefined : Number(value)))
  @Min(1)
  @IsInt({ message: 'RATE_LIMIT_PER_ADDRESS must be a whole number' })
  RATE_LIMIT_PER_ADDRESS?: number;

  // --- Login defence (issue 12, docs/decisions/0011-login-throttling.md) ---
  /** Checked in loadConfig: a list of proxy addresses/CIDRs or Express names (loopback, linklocal, uniquelocal), or a hop count. */
  @IsOptional()
  @IsString()
  TRUST_PROXY?: string;

  @OptionalInt('LOGIN_FREE_FAILURES', 1, 1000) LOGIN_FREE_FAILURES?: number;
  @OptionalInt('LOGIN_DELAY_BASE_MS', 1, 600_000) LOGIN_DELAY_BASE_MS?: number;
  @OptionalInt('LOGIN_DELAY_MAX_SECONDS', 1, 86_400) LOGIN_DELAY_MAX_SECONDS?: number;
  @OptionalInt('LOGIN_ACCOUNT_FREE_FAILURES', 1, 10_000) LOGIN_ACCOUNT_FREE_FAILURES?: number;
  @OptionalInt('LOGIN_ACCOUNT_DELAY_MAX_SECONDS', 1, 300) LOGIN_ACCOUNT_DELAY_MAX_SECONDS?: number;
  @OptionalInt('LOGIN_FAILURE_WINDOW_SECONDS', 60, 7 * 86_400) LOGIN_FAILURE_WINDOW_SECONDS?: number;
  @OptionalInt('LOGIN_SOURCE_BUDGET', 1, 1_000_000) LOGIN_SOURCE_BUDGET?: number;
  @OptionalInt('LOGIN_SOURCE_WINDOW_SECONDS', 1, 86_400) LOGIN_SOURCE_WINDOW_SECONDS?: number;
  @OptionalInt('LOGIN_GLOBAL_BUDGET_PER_MINUTE', 1, 10_000_000) LOGIN_GLOBAL_BUDGET_PER_MINUTE?: number;
  @OptionalInt('LOGIN_GLOBAL_PENALTY_SECONDS', 1, 3600) LOGIN_GLOBAL_PENALTY_SECONDS?: number;

  // Read by `npm start` (tools/scripts/start.mjs) before the processes exist; validated here too, so a process started
  // any other way (Docker, systemd) names the same bad variable.
  @IsOptional()
  @Transform(blankToUndefined)
  @Matches(/^\d{2,5}$/, { message: 'HEAP_LIMIT_MB must be a whole number of megabytes, e.g. 256' })
  HEAP_LIMIT_MB?: string;

  @IsOptional()
  @Transform(blankToUndefined)
  @IsIn(['true', 'false'], { message: 'SEED_DEMO must be true or false' })
  SEED_DEMO?: string;

  @IsOptional()
  @Transform(blankToUndefined)
  @IsIn(['true', 'false'], { message: 'SEED_DEMO_COURSES must be true or false' })
  SEED_DEMO_COURSES?: string;

  // --- SIASN (issue 17, docs/siasn.md): the install's default connection; the siasn lib checks it is complete ---
  @IsOptional() @IsString() SIASN_BASE_URL?: string;
  @IsOptional() @IsString() SIASN_APIM_TOKEN_URL?: string;
  @IsOptional() @IsString() SIASN_APIM_KEY?: string;
  @IsOptional() @IsString() SIASN_APIM_SECRET?: string;
  @IsOptional() @IsString() SIASN_SSO_TOKEN_URL?: string;
  @IsOptional() @IsString() SIASN_SSO_CLIENT_ID?: string;
  @IsOptional() @IsString() SIASN_SSO_USERNAME?: string;
  @IsOptional() @IsString() SIASN_SSO_PASSWORD?: string;

  /** AES-256-GCM key of the per-agency SIASN credentials: 32 random bytes in base64 (`openssl rand -base64 32`). */
  @IsOptional()
  @Transform(blankToUndefined)
  @Matches(/^[A-Za-z0-9+/]{43}=$/, {
    message: 'SIASN_CREDENTIALS_KEY must be 32 bytes in base64 (44 characters), e.g. from `openssl rand -base64 32`',
  })
  SIASN_CREDENTIALS_KEY?: string;

  /** SIASN calls per second per credential across all workers (0: no limit, for the simulator's bench). Default 5. */
  @OptionalInt('SIASN_RATE_PER_SECOND', 0, 1000) SIASN_RATE_PER_SECOND?: number;
  /** Per SIASN call, token requests included. Default 15000. */
  @OptionalInt('SIASN_TIMEOUT_MS', 100, 120_000) SIASN_TIMEOUT_MS?: number;
  /** First retry delay of a failed push (exponential with jitter). Default 5000. */
  @OptionalInt('SIASN_RETRY_BASE_MS', 1, 3_600_000) SIASN_RETRY_BASE_MS?: number;
  /** Longest retry delay. Default 1800000 (30 minutes). */
  @OptionalInt('SIASN_RETRY_MAX_MS', 1, 86_400_000) SIASN_RETRY_MAX_MS?: number;
  /** How often the worker re-drives due pushes and uploads. Default 15000. */
  @OptionalInt('SIASN_SWEEP_EVERY_MS', 200, 3_600_000) SIASN_SWEEP_EVERY_MS?: number;
}

/**
 * JWT_SECRET values published in this repository (docker/compose.yml, docs) or typical placeholders: anyone could sign
 * tokens with them, so production refuses them.
 */
export function isPlaceholderSecret(secret: string): boolean {
  return /change-?me|changeit|placeholder|example|^(x+|0+|secret)$|^(secret|kompeten|password)[-_]?\w{0,8}$/i.test(
    secret.trim(),
  );
}

export interface AppConfig {
  env: 'development' | 'production' | 'test';
  databaseUrl: string;
  redisUrl: string;
  port: number;
  publicUrl: string;
  jwtSecret: string;
  /** CERTIFICATE_SIGNING_KEY (PEM), or null: the certificate lib then derives a key from JWT_SECRET. */
  certificateSigningKeyPem: string | null;
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
  /** Lifetime of an account setup link (SETUP_LINK_TTL_HOURS). */
  setupLinkTtlSeconds: number;
  /** Outgoing email (SMTP_URL, MAIL_FROM); `smtpUrl` null: deliveries are recorded and wait until it is set. */
  mail: { smtpUrl: string | null; from: string };
  initialAdmin: { email: string; password: string } | null;
  /** Local files, and the temporary folder (`tmp`) of uploads in flight with either driver. */
  storageDir: string;
  /** Where uploaded files are kept: `local` (under storageDir) or `s3` (the bucket in `s3`). */
  storageDriver: 'local' | 's3';
  s3: S3Config | null;
  webDistDir: string | null;
  /** Signed-in pages rendered on the server at once, at most; 0: none (decision 0041). */
  serverRenderConcurrency: number;
  logLevel: string;
  workerHealthPort: number;
  dbPoolSize: number;
  runMigrations: boolean;
  /** Redis key prefix of every queue (tests use their own). */
  queuePrefix: string;
  /** Relayed outbox events whose deliveries are all done are deleted after this many days. */
  outboxRetentionDays: number;
  /**
   * Per-client request budget of every /api route (except /api/health), a fixed window counted in Redis:
   * per user for requests with a valid access token, per client address otherwise.
   */
  rateLimit: { windowSeconds: number; perUser: number; perAddress: number };

  /** Express `trust proxy`: which peers may set X-Forwarded-For. `false` (the default): none, the socket address is the client. */
  trustProxy: TrustProxy;
  loginThrottle: LoginThrottleConfig;
  siasn: SiasnEnvConfig;
}

/** SIASN settings as read from the environment; the siasn lib turns `connectionEnv` into a connection (or refuses). */
export interface SiasnEnvConfig {
  /** The SIASN_* connection variables as given (all unset: no install default). */
  connectionEnv: Record<string, string | undefined>;
  /** Base64 of the 32-byte key encrypting per-agency credentials; null: they cannot be stored or read. */
  credentialsKey: string | null;
  ratePerSecond: number;
  timeoutMs: number;
  retryBaseMs: number;
  retryMaxMs: number;
  sweepEveryMs: number;
}

export interface S3Config {
  bucket: string;
  /** null: AWS S3 itself, found from the region. */
  endpoint: string | null;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  forcePathStyle: boolean;
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
  if (dto.NODE_ENV === 'production' && dto.JWT_SECRET && isPlaceholderSecret(dto.JWT_SECRET)) {
    problems.push(
      'JWT_SECRET is a published default or placeholder; with NODE_ENV=production set a random secret of at least 32 characters (e.g. `openssl rand -base64 48`)',
    );
  }
  const storageDriver = dto.STORAGE_DRIVER ?? 'local';
  const s3 = storageDriver === 's3' ? s3Config(dto, problems) : null;
  const trustProxy = parseTrustProxy(dto.TRUST_PROXY, problems);
  if (problems.length) throw new ConfigError(problems);
  const port = dto.PORT ?? 3000;
  return {
    env: dto.NODE_ENV ?? 'development',
    databaseUrl: dto.DATABASE_URL,
    redisUrl: dto.REDIS_URL,
    port,
    publicUrl: (dto.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/$/, ''),
    jwtSecret: dto.JWT_SECRET,
    certificateSigningKeyPem: dto.CERTIFICATE_SIGNING_KEY?.replace(/\\n/g, '\n') ?? null,
    accessTokenTtlSeconds: 15 * 60,
    refreshTokenTtlSeconds: 30 * 24 * 3600,
    setupLinkTtlSeconds: (dto.SETUP_LINK_TTL_HOURS ?? 72) * 3600,
    mail: { smtpUrl: dto.SMTP_URL ?? null, from: dto.MAIL_FROM ?? 'Kompeten <no-reply@kompeten.local>' },
    initialAdmin:
      dto.ADMIN_EMAIL && dto.ADMIN_PASSWORD
        ? { email: dto.ADMIN_EMAIL.toLowerCase(), password: dto.ADMIN_PASSWORD }
        : null,
    storageDir: dto.STORAGE_DIR ?? '.data/storage',
    storageDriver,
    s3,
    webDistDir: dto.WEB_DIST_DIR ?? null,
    serverRenderConcurrency: dto.SERVER_RENDER_CONCURRENCY ?? 4,
    logLevel: dto.LOG_LEVEL ?? 'info',
    workerHealthPort: dto.WORKER_HEALTH_PORT ?? 3001,
    dbPoolSize: dto.DB_POOL_SIZE ?? 20,
    runMigrations: dto.RUN_MIGRATIONS !== 'false',
    queuePrefix: dto.QUEUE_PREFIX ?? 'kompeten',
    outboxRetentionDays: dto.OUTBOX_RETENTION_DAYS ?? 7,
    // A learner autosaving every 5 s makes ~12 requests a minute; a busy admin page ~100. A school of 500 behind one
    // NAT address signing in at 07:30 sends ~2 anonymous requests each (login, maybe a refresh) within a few minutes.
    rateLimit: {
      windowSeconds: dto.RATE_LIMIT_WINDOW_SECONDS ?? 60,
      perUser: dto.RATE_LIMIT_PER_USER ?? 1200,
      perAddress: dto.RATE_LIMIT_PER_ADDRESS ?? 3000,
    },
    trustProxy,
    loginThrottle: loginThrottleConfig(dto),
    siasn: {
      connectionEnv: Object.fromEntries(
        SIASN_CONNECTION_VARS.map((k) => [k, (dto as unknown as Record<string, string | undefined>)[k]]),
      ),
      credentialsKey: dto.SIASN_CREDENTIALS_KEY ?? null,
      ratePerSecond: dto.SIASN_RATE_PER_SECOND ?? 5,
      timeoutMs: dto.SIASN_TIMEOUT_MS ?? 15_000,
      retryBaseMs: dto.SIASN_RETRY_BASE_MS ?? 5_000,
      retryMaxMs: dto.SIASN_RETRY_MAX_MS ?? 30 * 60_000,
      sweepEveryMs: dto.SIASN_SWEEP_EVERY_MS ?? 15_000,
    },
  };
}

const SIASN_CONNECTION_VARS = [
  'SIASN_BASE_URL',
  'SIASN_APIM_TOKEN_URL',
  'SIASN_APIM_KEY',
  'SIASN_APIM_SECRET',
  'SIASN_SSO_TOKEN_URL',
  'SIASN_SSO_CLIENT_ID',
  'SIASN_SSO_USERNAME',
  'SIASN_SSO_PASSWORD',
] as const;

function loginThrottleConfig(dto: EnvDto): LoginThrottleConfig {
  const d = LOGIN_THROTTLE_DEFAULTS;
  return {
    freeFailures: dto.LOGIN_FREE_FAILURES ?? d.freeFailures,
    delayBaseMs: dto.LOGIN_DELAY_BASE_MS ?? d.delayBaseMs,
    delayMaxSeconds: dto.LOGIN_DELAY_MAX_SECONDS ?? d.delayMaxSeconds,
    accountFreeFailures: dto.LOGIN_ACCOUNT_FREE_FAILURES ?? d.accountFreeFailures,
    accountDelayMaxSeconds: dto.LOGIN_ACCOUNT_DELAY_MAX_SECONDS ?? d.accountDelayMaxSeconds,
    failureWindowSeconds: dto.LOGIN_FAILURE_WINDOW_SECONDS ?? d.failureWindowSeconds,
    sourceBudget: dto.LOGIN_SOURCE_BUDGET ?? d.sourceBudget,
    sourceWindowSeconds: dto.LOGIN_SOURCE_WINDOW_SECONDS ?? d.sourceWindowSeconds,
    globalBudgetPerMinute: dto.LOGIN_GLOBAL_BUDGET_PER_MINUTE ?? d.globalBudgetPerMinute,
    globalPenaltySeconds: dto.LOGIN_GLOBAL_PENALTY_SECONDS ?? d.globalPenaltySeconds,
  };
}

/** The S3 store of STORAGE_DRIVER=s3, or null after adding a problem per missing variable. */
function s3Config(dto: EnvDto, problems: string[]): S3Config | null {
  const { S3_BUCKET: bucket, S3_ACCESS_KEY_ID: accessKeyId, S3_SECRET_ACCESS_KEY: secretAccessKey } = dto;
  if (!bucket) problems.push('S3_BUCKET is required when STORAGE_DRIVER=s3');
  if (!accessKeyId) problems.push('S3_ACCESS_KEY_ID is required when STORAGE_DRIVER=s3');
  if (!secretAccessKey) problems.push('S3_SECRET_ACCESS_KEY is required when STORAGE_DRIVER=s3');
  if (!bucket || !accessKeyId || !secretAccessKey) return null;
  return {
    bucket,
    endpoint: dto.S3_ENDPOINT?.replace(/\/$/, '') ?? null,
    region: dto.S3_REGION ?? 'us-east-1',
    accessKeyId,
    secretAccessKey,
    // Path style by default for an own endpoint (MinIO, Ceph); AWS itself wants virtual-hosted buckets.
    forcePathStyle: dto.S3_FORCE_PATH_STYLE ? dto.S3_FORCE_PATH_STYLE === 'true' : dto.S3_ENDPOINT !== undefined,
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
