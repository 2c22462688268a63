import { createServer, type AddressInfo, type Socket } from 'node:net';
import type { ServerState } from './commands/command-context';
import { CursorRegistry } from './commands/cursor-registry';
import { Connection } from './connection';
import { Housekeeping } from './housekeeping';
import { Catalog } from './storage/catalog';
import type { Journal } from './storage/journal';
import { recover, type RecoveryReport } from './storage/recovery';
import { removeExpired } from './storage/ttl-monitor';

export interface EmbeddedMongoOptions {
  /** TCP port; 0 (the default) picks a free one. */
  port?: number;
  /** Interface to bind; 127.0.0.1 by default, so the server is not reachable from other machines. */
  host?: string;
  /** Directory for the journal and snapshot; without it, data lives in memory only. */
  dbPath?: string;
  /** How often TTL indexes are swept (MongoDB: 60 s; here 1 s). setParameter ttlMonitorSleepSecs changes it. */
  ttlIntervalMs?: number;
  /** How long an idle cursor lives (MongoDB's cursorTimeoutMillis: 10 minutes). */
  cursorTimeoutMs?: number;
}

export interface EmbeddedMongo {
  uri: string;
  host: string;
  port: number;
  /** What startup recovered from dbPath, if one was given. */
  recovery?: RecoveryReport;
  stop(): Promise<void>;
}

const DEFAULT_TTL_INTERVAL_MS = 1000;
const DEFAULT_CURSOR_TIMEOUT_MS = 10 * 60 * 1000;

let warned = false;

/** Starts a MongoDB-compatible server speaking the wire protocol, for development and tests only. */
export async function startEmbeddedMongo(options: EmbeddedMongoOptions = {}): Promise<EmbeddedMongo> {
  if (!warned) {
    warned = true;
    process.stderr.write('embedded-mongo: this is a development and test server, not for production (use MongoDB)\n');
  }
  const catalog = new Catalog();
  let journal: Journal | undefined;
  let recovery: RecoveryReport | undefined;
  if (options.dbPath) {
    ({ journal, report: recovery } = recover(options.dbPath, catalog));
    catalog.changes = journal;
  }
  const commit = (): void => journal?.commit();
  const cursors = new CursorRegistry(options.cursorTimeoutMs ?? DEFAULT_CURSOR_TIMEOUT_MS);
  const housekeeping = new Housekeeping(() => {
    if (removeExpired(catalog) > 0) commit();
    cursors.sweep();
  }, options.ttlIntervalMs ?? DEFAULT_TTL_INTERVAL_MS);
  const state: ServerState = {
    catalog,
    cursors,
    housekeeping,
    startedAt: Date.now(),
    connections: { current: 0, totalCreated: 0 },
  };

  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    state.connections.current++;
    const id = ++state.connections.totalCreated;
    socket.on('close', () => {
      sockets.delete(socket);
      state.connections.current--;
    });
    new Connection(socket, id, state, commit);
  });

  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;

  let stopped: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopped ??= new Promise<void>((resolve) => {
      housekeeping.stop();
      for (const socket of sockets) socket.destroy();
      server.close(() => {
        journal?.close();
        resolve();
      });
    });
    return stopped;
  };

  const uriHost = host.includes(':') ? `[${host}]` : host;
  return { uri: `mongodb://${uriHost}:${port}/`, host, port, recovery, stop };
}
