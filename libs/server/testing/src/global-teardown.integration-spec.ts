import { randomBytes } from 'node:crypto';
import IORedis from 'ioredis';
import { deleteRunKeys } from './global-teardown';
import { testConfig } from './test-config';
import { RUN_ENV, TEST_REDIS_URL } from './test-env';

// issue 13, "Tests leave no Redis keys": every test file's prefix names its run, and the run's teardown deletes exactly
// those keys (never another run's, which may be going on against the same Redis) and checks none remain.
describe('integration teardown: Redis keys', () => {
  const redis = new IORedis(TEST_REDIS_URL, { maxRetriesPerRequest: 1 });
  afterAll(() => redis.quit());

  it('gives each test file a prefix under its run', () => {
    const config = testConfig('postgres://postgres@127.0.0.1:5432/x');
    expect(config.queuePrefix).toMatch(new RegExp(`^kompeten-test-${process.env[RUN_ENV]}-[0-9a-f]{8}$`));
    expect(config.queuePrefix.length).toBeLessThanOrEqual(40);
  });

  it('deletes every key of the run, with or without a TTL, and nothing of another run', async () => {
    const run = `zz${randomBytes(5).toString('hex')}`;
    const other = `zz${randomBytes(5).toString('hex')}`;
    for (let i = 0; i < 1500; i++)
      await redis.set(`kompeten-test-${run}-${(i % 3).toString().padStart(8, '0')}:bull:events:${i}`, 'x');
    await redis.set(`kompeten-test-${run}-00000009:rl:u:1`, '1', 'EX', 600);
    await redis.set(`kompeten-test-${other}-00000001:bull:events:id`, '1', 'EX', 600);

    expect(await deleteRunKeys(run)).toBe(0);
    expect(await redis.keys(`kompeten-test-${run}-*`)).toEqual([]);
    expect(await redis.get(`kompeten-test-${other}-00000001:bull:events:id`)).toBe('1');
    await redis.del(`kompeten-test-${other}-00000001:bull:events:id`);
  });
});
