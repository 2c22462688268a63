import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RedisConfig } from '../config/redis.config';
import { findOnPath, freePort, spawnServer, waitUntilListening } from './local-process';
import { ResolvedService } from './resolve-mongo';

export class RedisUnavailableError extends Error {
  constructor() {
    super(
      'Redis is required for the queues. Set REDIS_URL (for example redis://127.0.0.1:6379), ' +
        'or install redis-server so it can be started for you (Debian/Ubuntu: apt-get install redis-server; macOS: brew install redis).',
    );
    this.name = 'RedisUnavailableError';
  }
}

export interface LocalRedisOptions {
  /** Keep Redis data here (append-only file) instead of a throwaway temp dir. */
  dir?: string;
}

/** REDIS_URL, else a redis-server from PATH on a free port, else an error that says how to get Redis. */
export async function resolveRedis(config: RedisConfig, options: LocalRedisOptions = {}): Promise<ResolvedService> {
  if (config.REDIS_URL) return { url: config.REDIS_URL, source: 'REDIS_URL', stop: async () => undefined };
  const binary = findOnPath('redis-server');
  if (!binary) throw new RedisUnavailableError();
  const port = await freePort();
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'cadence-redis-'));
  mkdirSync(dir, { recursive: true });
  const persistence = options.dir ? ['--appendonly', 'yes'] : ['--appendonly', 'no', '--save', ''];
  const server = spawnServer(binary, ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, ...persistence]);
  await waitUntilListening(port, server.child);
  return { url: `redis://127.0.0.1:${port}`, source: 'redis-server', stop: server.stop };
}
