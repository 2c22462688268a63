import { freePort, loadConfig, MongoConfig, RedisConfig, resolveMongo, resolveRedis, ResolvedService } from '@cadence/api-core';
import { startEmbeddedMongo } from '@cadence/embedded-mongo';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { LogMode, ManagedProcess, startProcess, waitFor } from './processes';

export const ROOT = resolve(__dirname, '../..');

export interface StackOptions {
  /** In-memory MongoDB and throwaway Redis data: for tests. Default: data kept under DATA_DIR. */
  memory?: boolean;
  apiPort?: number;
  webPort?: number;
  /** Serve the built SPA (dist/apps/web) with /api proxied; false starts no web server. */
  serveBuiltWeb?: boolean;
  log?: LogMode;
  /** Extra environment for the api and worker (e.g. a low rate limit in a test). */
  env?: NodeJS.ProcessEnv;
}

export interface Stack {
  apiUrl: string;
  webUrl: string;
  mongoUrl: string;
  redisUrl: string;
  stop(): Promise<void>;
}

/**
 * MongoDB and Redis (configured or embedded), the built API and worker, and the built SPA behind a
 * proxy: what `npm start` runs and what the browser tests run against.
 */
export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const log = options.log ?? 'inherit';
  const dataDir = resolve(ROOT, process.env['DATA_DIR'] ?? '.data');
  mkdirSync(dataDir, { recursive: true });
  const services: ResolvedService[] = [];
  const processes: ManagedProcess[] = [];
  const stop = async () => {
    for (const p of processes.reverse()) await p.stop();
    for (const s of services.reverse()) await s.stop();
  };
  try {
    const mongo = options.memory && !process.env['MONGODB_URI'] ? await inMemoryMongo() : await resolveMongo(loadConfig(MongoConfig, { ...process.env, DATA_DIR: dataDir }));
    services.push(mongo);
    const redis = await resolveRedis(loadConfig(RedisConfig), options.memory ? {} : { dir: join(dataDir, 'redis') });
    services.push(redis);

    const apiPort = options.apiPort ?? Number(process.env['PORT'] ?? 3000);
    const webPort = options.webPort ?? Number(process.env['WEB_PORT'] ?? 4200);
    const webUrl = `http://localhost:${webPort}`;
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: String(apiPort),
      API_PORT: String(apiPort),
      WEB_PORT: String(webPort),
      MONGODB_URI: mongo.url,
      REDIS_URL: redis.url,
      JWT_SECRET: process.env['JWT_SECRET'] ?? (options.memory ? randomBytes(32).toString('base64url') : devSecret(dataDir)),
      WEB_ORIGIN: process.env['WEB_ORIGIN'] ?? webUrl,
      ...options.env,
    };

    processes.push(startProcess('api', process.execPath, [join(ROOT, 'dist/apps/api/main.js')], env, log));
    processes.push(startProcess('worker', process.execPath, [join(ROOT, 'dist/apps/worker/main.js')], env, log));
    if (options.serveBuiltWeb !== false) {
      const vite = join(ROOT, 'node_modules/vite/bin/vite.js');
      processes.push(startProcess('web', process.execPath, [vite, 'preview', '--config', join(ROOT, 'apps/web/vite.config.mts'), '--port', String(webPort), '--strictPort'], env, log));
    }

    const apiUrl = `http://localhost:${apiPort}`;
    await waitFor('the API and worker to report healthy', () => healthy(apiUrl), 60000, processes);
    if (options.serveBuiltWeb !== false) await waitFor('the web server', () => fetch(webUrl).then((r) => r.ok), 30000, processes);
    return { apiUrl, webUrl, mongoUrl: mongo.url, redisUrl: redis.url, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function healthy(apiUrl: string): Promise<boolean> {
  const response = await fetch(`${apiUrl}/api/health`);
  if (response.status !== 200) return false;
  const body = (await response.json()) as { checks?: { worker?: { status?: string } } };
  return body.checks?.worker?.status === 'up';
}

async function inMemoryMongo(): Promise<ResolvedService> {
  const server = await startEmbeddedMongo({ port: 0 });
  return { url: `${server.uri.replace(/\/$/, '')}/cadence`, source: 'embedded (memory)', stop: () => server.stop() };
}

/** A development JWT secret kept with the local data, so sessions survive a restart of `npm start`. */
function devSecret(dataDir: string): string {
  const file = join(dataDir, 'jwt-secret');
  if (!existsSync(file)) writeFileSync(file, randomBytes(48).toString('base64url'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

export { freePort };
