import { InfrastructureUrls, loadConfig, RedisConfig, resolveRedis } from '@cadence/api-core';
import { startEmbeddedMongo } from '@cadence/embedded-mongo';
import { randomBytes } from 'node:crypto';

export interface TestInfrastructure {
  urls: InfrastructureUrls;
  stop(): Promise<void>;
}

/**
 * A database and a queue namespace of the test file's own: the embedded MongoDB in memory (or a
 * fresh database on MONGODB_URI, so the same specs run against real MongoDB), and a unique Bull
 * prefix on REDIS_URL (or a redis-server started for the run).
 */
export async function startTestInfrastructure(): Promise<TestInfrastructure> {
  const runId = randomBytes(4).toString('hex');
  const configured = process.env['MONGODB_URI'];
  const embedded = configured ? null : await startEmbeddedMongo({ port: 0 });
  const mongoUrl = withDatabase(configured ?? embedded?.uri ?? '', `test_${runId}`);
  const redis = await resolveRedis(loadConfig(RedisConfig));
  return {
    urls: new InfrastructureUrls(mongoUrl, redis.url, `test-${runId}`),
    stop: async () => {
      await redis.stop();
      await embedded?.stop();
    },
  };
}

function withDatabase(uri: string, db: string): string {
  const url = new URL(uri);
  url.pathname = `/${db}`;
  return url.toString();
}
