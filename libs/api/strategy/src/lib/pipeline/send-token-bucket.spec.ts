import { loadConfig, RedisConfig, resolveRedis } from '@cadence/api-core';
import Bull, { Queue } from 'bull';
import { randomBytes } from 'node:crypto';
import { ExecutionChannel } from '../schemas/execution.schema';
import { SendTokenBucket } from './send-token-bucket';
import { SEND_RATE_LIMITS } from './strategy-jobs';

// Real Redis (REDIS_URL, else a redis-server for the run): the bucket is a Lua script on Redis's clock.
describe('SendTokenBucket', () => {
  let redis: Awaited<ReturnType<typeof resolveRedis>>;
  let queues: Queue[];
  let bucket: SendTokenBucket;

  beforeAll(async () => {
    redis = await resolveRedis(loadConfig(RedisConfig));
    const prefix = `test-bucket-${randomBytes(4).toString('hex')}`;
    queues = ['send-sms', 'send-email', 'send-voicemail'].map((name) => new Bull(name, redis.url, { prefix }));
    bucket = new SendTokenBucket(queues[0], queues[1], queues[2]);
  });

  afterAll(async () => {
    await Promise.all(queues.map((q) => q.close()));
    await redis.stop();
  });

  it('lets a burst of the rate through at once and spaces the rest one interval apart', async () => {
    const { max, duration } = SEND_RATE_LIMITS[ExecutionChannel.Sms];
    const interval = duration / max;
    const waits = (await Promise.all(Array.from({ length: max + 5 }, () => bucket.reserve(ExecutionChannel.Sms)))).sort((a, b) => a - b);
    expect(waits.slice(0, max)).toEqual(Array(max).fill(0));
    // Each reservation after the burst waits one more interval than the one before it (a few ms of slack for the script's own time).
    waits.slice(max).forEach((wait, i) => expect(Math.abs(wait - (i + 1) * interval)).toBeLessThanOrEqual(5));
  });

  it('keeps one bucket per channel', async () => {
    expect(await bucket.reserve(ExecutionChannel.Email)).toBe(0);
    expect(await bucket.reserve(ExecutionChannel.Voicemail)).toBe(0);
  });

  it('never lets a steady stream of takers go faster than the configured rate', async () => {
    const { max, duration } = SEND_RATE_LIMITS[ExecutionChannel.Voicemail];
    // A bucket of its own, so it starts full whatever the tests above took or how long ago.
    const own = ['send-sms', 'send-email', 'send-voicemail'].map((name) => new Bull(name, redis.url, { prefix: `test-bucket-${randomBytes(4).toString('hex')}` }));
    queues.push(...own);
    const fresh = new SendTokenBucket(own[0], own[1], own[2]);
    const started = Date.now();
    // The burst, then 3 s of the rate beyond it.
    const count = max + (3 * 1000 * max) / duration;
    let taken = 0;
    await Promise.all(Array.from({ length: 4 }, async () => {
      while (taken < count) {
        taken += 1;
        await fresh.take(ExecutionChannel.Voicemail);
      }
    }));
    const seconds = (Date.now() - started) / 1000;
    // How much slower a loaded machine makes it is for the benchmark to say, not this test.
    expect(seconds).toBeGreaterThan(2.9);
  });
});
