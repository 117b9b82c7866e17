import { ConfigError, loadConfig } from './env';

const good = {
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/kompeten',
  REDIS_URL: 'redis://127.0.0.1:6379',
  JWT_SECRET: 'x'.repeat(40),
};

describe('loadConfig', () => {
  it('maps a valid environment with defaults', () => {
    const c = loadConfig(good);
    expect(c.port).toBe(3000);
    expect(c.publicUrl).toBe('http://localhost:3000');
    expect(c.initialAdmin).toBeNull();
  });

  it('lists every bad variable at once', () => {
    try {
      loadConfig({
        DATABASE_URL: 'mysql://x',
        REDIS_URL: 'redis://h',
        JWT_SECRET: 'short',
        PORT: 'eighty',
        PUBLIC_URL: 'not a url',
      });
      throw new Error('expected ConfigError');
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      const msg = (e as ConfigError).problems.join('\n');
      expect(msg).toMatch(/DATABASE_URL/);
      expect(msg).toMatch(/JWT_SECRET/);
      expect(msg).toMatch(/PORT/);
      expect(msg).toMatch(/PUBLIC_URL/);
      expect((e as ConfigError).problems).toHaveLength(4);
    }
  });

  it('reads the setup-link lifetime in hours (default 72) and refuses nonsense', () => {
    expect(loadConfig(good).setupLinkTtlSeconds).toBe(72 * 3600);
    expect(loadConfig({ ...good, SETUP_LINK_TTL_HOURS: '24' }).setupLinkTtlSeconds).toBe(24 * 3600);
    expect(() => loadConfig({ ...good, SETUP_LINK_TTL_HOURS: 'lama' })).toThrow(/SETUP_LINK_TTL_HOURS/);
    expect(() => loadConfig({ ...good, SETUP_LINK_TTL_HOURS: '0' })).toThrow(/SETUP_LINK_TTL_HOURS/);
  });

  it('keeps relayed outbox events 7 days unless OUTBOX_RETENTION_DAYS says otherwise, and refuses nonsense', () => {
    expect(loadConfig(good).outboxRetentionDays).toBe(7);
    expect(loadConfig({ ...good, OUTBOX_RETENTION_DAYS: '30' }).outboxRetentionDays).toBe(30);
    expect(() => loadConfig({ ...good, OUTBOX_RETENTION_DAYS: '0' })).toThrow(
      /OUTBOX_RETENTION_DAYS must be at least 1/,
    );
    expect(() => loadConfig({ ...good, OUTBOX_RETENTION_DAYS: 'seminggu' })).toThrow(
      /OUTBOX_RETENTION_DAYS must be a whole number/,
    );
  });

  it('reads SMTP_URL and MAIL_FROM (unset: no SMTP, a default sender) and names malformed ones', () => {
    expect(loadConfig(good).mail).toEqual({ smtpUrl: null, from: 'Kompeten <no-reply@kompeten.local>' });
    expect(
      loadConfig({
        ...good,
        SMTP_URL: 'smtps://kompeten:rahasia@mail.ntbprov.go.id:465',
        MAIL_FROM: 'BPSDM NTB <no-reply@ntbprov.go.id>',
      }).mail,
    ).toEqual({
      smtpUrl: 'smtps://kompeten:rahasia@mail.ntbprov.go.id:465',
      from: 'BPSDM NTB <no-reply@ntbprov.go.id>',
    });
    expect(loadConfig({ ...good, SMTP_URL: '' }).mail.smtpUrl).toBeNull();
    expect(() => loadConfig({ ...good, SMTP_URL: 'http://mail', MAIL_FROM: 'nobody' })).toThrow(
      /SMTP_URL must be an smtp:\/\/ or smtps:\/\/ URL[\s\S]*MAIL_FROM must be an address/,
    );
  });

  it('refuses a TZ other than UTC and a lone ADMIN_EMAIL', () => {
    expect(() => loadConfig({ ...good, TZ: 'Asia/Jakarta' })).toThrow(/TZ must stay UTC/);
    expect(() => loadConfig({ ...good, ADMIN_EMAIL: 'a@b.go.id' })).toThrow(/set together/);
  });

  it('takes the first admin from ADMIN_EMAIL and ADMIN_PASSWORD', () => {
    expect(
      loadConfig({ ...good, ADMIN_EMAIL: 'Root@Kompeten.go.id', ADMIN_PASSWORD: 'rahasia-1234' }).initialAdmin,
    ).toEqual({
      email: 'root@kompeten.go.id',
      password: 'rahasia-1234',
    });
  });
});

describe('loadConfig storage', () => {
  const s3 = {
    ...good,
    STORAGE_DRIVER: 's3',
    S3_BUCKET: 'kompeten-files',
    S3_ACCESS_KEY_ID: 'AKIA',
    S3_SECRET_ACCESS_KEY: 'secret',
  };

  it('keeps files on local disk by default and ignores S3 settings there', () => {
    const c = loadConfig({ ...good, S3_BUCKET: 'kompeten-files' });
    expect(c.storageDriver).toBe('local');
    expect(c.s3).toBeNull();
    expect(c.storageDir).toBe('.data/storage');
    expect(loadConfig({ ...good, STORAGE_DRIVER: '' }).storageDriver).toBe('local');
  });

  it('refuses an unknown driver', () => {
    expect(() => loadConfig({ ...good, STORAGE_DRIVER: 'gcs' })).toThrow(/STORAGE_DRIVER must be local or s3/);
  });

  it('reads an S3 store on an own endpoint with path-style addressing by default', () => {
    const c = loadConfig({ ...s3, S3_ENDPOINT: 'http://minio:9000/', STORAGE_DIR: '/var/kompeten' });
    expect(c.storageDriver).toBe('s3');
    expect(c.storageDir).toBe('/var/kompeten');
    expect(c.s3).toEqual({
      bucket: 'kompeten-files',
      endpoint: 'http://minio:9000',
      region: 'us-east-1',
      accessKeyId: 'AKIA',
      secretAccessKey: 'secret',
      forcePathStyle: true,
    });
  });

  it('uses virtual-hosted buckets on AWS unless told otherwise', () => {
    expect(loadConfig({ ...s3, S3_REGION: 'ap-southeast-3' }).s3).toMatchObject({
      endpoint: null,
      region: 'ap-southeast-3',
      forcePathStyle: false,
    });
    expect(loadConfig({ ...s3, S3_FORCE_PATH_STYLE: 'true' }).s3?.forcePathStyle).toBe(true);
    expect(
      loadConfig({ ...s3, S3_ENDPOINT: 'https://s3.example.go.id', S3_FORCE_PATH_STYLE: 'false' }).s3?.forcePathStyle,
    ).toBe(false);
  });

  it('lists every missing S3 variable at once', () => {
    try {
      loadConfig({ ...good, STORAGE_DRIVER: 's3', S3_ACCESS_KEY_ID: '' });
      throw new Error('expected ConfigError');
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      expect((e as ConfigError).problems).toEqual([
        'S3_BUCKET is required when STORAGE_DRIVER=s3',
        'S3_ACCESS_KEY_ID is required when STORAGE_DRIVER=s3',
        'S3_SECRET_ACCESS_KEY is required when STORAGE_DRIVER=s3',
      ]);
    }
  });

  it('names each malformed S3 variable', () => {
    try {
      loadConfig({
        ...s3,
        S3_BUCKET: 'Kompeten_Files',
        S3_ENDPOINT: 'minio:9000',
        S3_REGION: 'us east',
        S3_FORCE_PATH_STYLE: 'yes',
      });
      throw new Error('expected ConfigError');
    } catch (e) {
      const problems = (e as ConfigError).problems;
      expect(problems).toHaveLength(4);
      for (const name of ['S3_BUCKET', 'S3_ENDPOINT', 'S3_REGION', 'S3_FORCE_PATH_STYLE'])
        expect(problems.join('\n')).toMatch(name);
    }
  });
});

describe('loadConfig login defence', () => {
  it('trusts no proxy by default, so X-Forwarded-For from a client changes nothing', () => {
    expect(loadConfig(good).trustProxy).toBe(false);
    expect(loadConfig({ ...good, TRUST_PROXY: '' }).trustProxy).toBe(false);
    expect(loadConfig({ ...good, TRUST_PROXY: '0' }).trustProxy).toBe(false);
  });

  it('reads a hop count or a list of proxy addresses, CIDRs and Express names', () => {
    expect(loadConfig({ ...good, TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ ...good, TRUST_PROXY: 'loopback, 10.0.0.0/8,192.168.1.10 ,fd00::/8' }).trustProxy).toEqual([
      'loopback',
      '10.0.0.0/8',
      '192.168.1.10',
      'fd00::/8',
    ]);
  });

  it('refuses trusting everyone and malformed entries', () => {
    expect(() => loadConfig({ ...good, TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY/);
    expect(() => loadConfig({ ...good, TRUST_PROXY: '*' })).toThrow(/TRUST_PROXY/);
    expect(() => loadConfig({ ...good, TRUST_PROXY: '10.0.0.0/33' })).toThrow(/TRUST_PROXY/);
    expect(() => loadConfig({ ...good, TRUST_PROXY: 'proxy.local' })).toThrow(/TRUST_PROXY/);
  });

  it('has throttle defaults and takes small values for tests', () => {
    expect(loadConfig(good).loginThrottle).toMatchObject({
      freeFailures: 5,
      accountDelayMaxSeconds: 5,
      sourceBudget: 200,
      globalBudgetPerMinute: 300,
    });
    expect(loadConfig({ ...good, LOGIN_FREE_FAILURES: '3', LOGIN_DELAY_BASE_MS: '100' }).loginThrottle).toMatchObject({
      freeFailures: 3,
      delayBaseMs: 100,
    });
    expect(() => loadConfig({ ...good, LOGIN_FREE_FAILURES: 'five' })).toThrow(
      /LOGIN_FREE_FAILURES must be a whole number/,
    );
    expect(() => loadConfig({ ...good, LOGIN_ACCOUNT_DELAY_MAX_SECONDS: '3600' })).toThrow(
      /LOGIN_ACCOUNT_DELAY_MAX_SECONDS must be at most 300/,
    );
  });
});

describe('loadConfig: what the README promises (issue 13)', () => {
  it('names HEAP_LIMIT_MB when it is not a number', () => {
    expect(() => loadConfig({ ...good, HEAP_LIMIT_MB: 'abc' })).toThrow(/HEAP_LIMIT_MB must be a whole number/);
    expect(() => loadConfig({ ...good, HEAP_LIMIT_MB: '256' })).not.toThrow();
  });

  it('names SEED_DEMO and SEED_DEMO_COURSES when they are not true/false', () => {
    expect(() => loadConfig({ ...good, SEED_DEMO: 'no' })).toThrow(/SEED_DEMO must be true or false/);
    expect(() => loadConfig({ ...good, SEED_DEMO_COURSES: '0' })).toThrow(/SEED_DEMO_COURSES must be true or false/);
  });

  it('refuses to start in production without a JWT_SECRET or with a published default', () => {
    const { JWT_SECRET: _unused, ...noSecret } = good;
    expect(() => loadConfig({ ...noSecret, NODE_ENV: 'production' })).toThrow(/JWT_SECRET/);
    expect(() =>
      loadConfig({ ...good, NODE_ENV: 'production', JWT_SECRET: 'change-me-change-me-change-me-change-me' }),
    ).toThrow(/JWT_SECRET is a published default/);
    expect(() => loadConfig({ ...good, NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) })).toThrow(
      /JWT_SECRET is a published default/,
    );
    expect(
      loadConfig({ ...good, NODE_ENV: 'production', JWT_SECRET: 'q3V8s0lZb1yJm7Kp2cXw9RtE4uHn6GaD5fLo' }).jwtSecret,
    ).toHaveLength(36);
  });

  it('lets development and test run with any secret of 32+ characters', () => {
    expect(
      loadConfig({ ...good, NODE_ENV: 'development', JWT_SECRET: 'change-me-change-me-change-me-change-me' }).env,
    ).toBe('development');
  });
});

describe('loadConfig: SIASN (issue 17, docs/siasn.md)', () => {
  it('takes a 32-byte base64 SIASN_CREDENTIALS_KEY and names one that is not', () => {
    const key = Buffer.alloc(32, 7).toString('base64');
    expect(loadConfig({ ...good, SIASN_CREDENTIALS_KEY: key }).siasn.credentialsKey).toBe(key);
    expect(loadConfig({ ...good, SIASN_CREDENTIALS_KEY: '' }).siasn.credentialsKey).toBeNull();
    expect(() => loadConfig({ ...good, SIASN_CREDENTIALS_KEY: Buffer.alloc(16).toString('base64') })).toThrow(
      /SIASN_CREDENTIALS_KEY must be 32 bytes in base64/,
    );
  });

  it('passes the SIASN_* connection variables on as given, with the delivery defaults', () => {
    const c = loadConfig({ ...good, SIASN_BASE_URL: 'https://siasn.example/apisiasn/1.0', SIASN_RATE_PER_SECOND: '0' });
    expect(c.siasn).toMatchObject({
      connectionEnv: { SIASN_BASE_URL: 'https://siasn.example/apisiasn/1.0', SIASN_APIM_KEY: undefined },
      ratePerSecond: 0,
      timeoutMs: 15_000,
      retryBaseMs: 5_000,
      sweepEveryMs: 15_000,
    });
    expect(() => loadConfig({ ...good, SIASN_SWEEP_EVERY_MS: '10' })).toThrow(/SIASN_SWEEP_EVERY_MS must be at least/);
  });
});
