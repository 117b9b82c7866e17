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
      loadConfig({ DATABASE_URL: 'mysql://x', REDIS_URL: 'redis://h', JWT_SECRET: 'short', PORT: 'eighty', PUBLIC_URL: 'not a url' });
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

  it('refuses a TZ other than UTC and a lone ADMIN_EMAIL', () => {
    expect(() => loadConfig({ ...good, TZ: 'Asia/Jakarta' })).toThrow(/TZ must stay UTC/);
    expect(() => loadConfig({ ...good, ADMIN_EMAIL: 'a@b.go.id' })).toThrow(/set together/);
  });

  it('takes the first admin from ADMIN_EMAIL and ADMIN_PASSWORD', () => {
    expect(loadConfig({ ...good, ADMIN_EMAIL: 'Root@Kompeten.go.id', ADMIN_PASSWORD: 'rahasia-1234' }).initialAdmin).toEqual({
      email: 'root@kompeten.go.id',
      password: 'rahasia-1234',
    });
  });
});
