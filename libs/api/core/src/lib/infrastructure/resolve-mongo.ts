import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { MongoConfig } from '../config/mongo.config';
import { findOnPath, isListening, spawnServer, waitUntilListening } from './local-process';

export type MongoSource = 'MONGODB_URI' | 'shared-local' | 'mongod' | 'embedded';

export interface ResolvedService {
  url: string;
  source: string;
  stop(): Promise<void>;
}

/**
 * ARCHITECTURE.md "Embedded defaults": MONGODB_URI, else a local database already serving on the
 * embedded port (started by `npm start` or another process of ours), else a `mongod` from PATH, else
 * the project's embedded server. Data of the last two lives under DATA_DIR so a second start finds it.
 */
export async function resolveMongo(config: MongoConfig): Promise<ResolvedService & { source: MongoSource }> {
  if (config.MONGODB_URI) return { url: config.MONGODB_URI, source: 'MONGODB_URI', stop: async () => undefined };
  const port = config.EMBEDDED_MONGO_PORT;
  const localUrl = `mongodb://127.0.0.1:${port}/cadence`;
  if (await isListening(port)) return { url: localUrl, source: 'shared-local', stop: async () => undefined };

  const mongod = findOnPath('mongod');
  if (mongod) {
    const dbPath = resolve(join(config.DATA_DIR, 'mongod'));
    mkdirSync(dbPath, { recursive: true });
    const server = spawnServer(mongod, ['--dbpath', dbPath, '--port', String(port), '--bind_ip', '127.0.0.1']);
    await waitUntilListening(port, server.child, 30000);
    return { url: localUrl, source: 'mongod', stop: server.stop };
  }

  const dbPath = resolve(join(config.DATA_DIR, 'mongo'));
  mkdirSync(dbPath, { recursive: true });
  // Loaded only here: a process given MONGODB_URI (production) never loads the emulator.
  const { startEmbeddedMongo } = await import('@cadence/embedded-mongo');
  const embedded = await startEmbeddedMongo({ port, dbPath });
  return { url: `${embedded.uri.replace(/\/$/, '')}/cadence`, source: 'embedded', stop: () => embedded.stop() };
}
