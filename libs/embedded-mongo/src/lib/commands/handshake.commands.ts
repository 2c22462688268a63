import { Long, type Document } from 'bson';
import { MongoServerError } from '../errors';
import {
  MAX_BSON_OBJECT_SIZE,
  MAX_MESSAGE_SIZE_BYTES,
  MAX_WIRE_VERSION,
  MAX_WRITE_BATCH_SIZE,
  SERVER_VERSION,
} from '../wire/limits';
import type { CommandHandler, CommandRequest, ServerState } from './command-context';

/**
 * A standalone's hello: no setName (so drivers use no sessions-with-transactions and no retryable
 * writes), no topologyVersion (so the monitor polls instead of streaming), and
 * logicalSessionTimeoutMinutes (without it the driver would not attach lsid).
 */
function hello(request: CommandRequest): Document {
  const legacy = request.name !== 'hello';
  return {
    ...(legacy ? { ismaster: true } : { isWritablePrimary: true }),
    helloOk: true,
    maxBsonObjectSize: MAX_BSON_OBJECT_SIZE,
    maxMessageSizeBytes: MAX_MESSAGE_SIZE_BYTES,
    maxWriteBatchSize: MAX_WRITE_BATCH_SIZE,
    localTime: new Date(),
    logicalSessionTimeoutMinutes: 30,
    connectionId: request.connectionId,
    minWireVersion: 0,
    maxWireVersion: MAX_WIRE_VERSION,
    readOnly: false,
    ok: 1,
  };
}

function buildInfo(): Document {
  return {
    version: SERVER_VERSION,
    gitVersion: 'embedded',
    versionArray: SERVER_VERSION.split('.').map(Number).concat(0),
    bits: 64,
    debug: false,
    maxBsonObjectSize: MAX_BSON_OBJECT_SIZE,
    storageEngines: ['embedded'],
    modules: [],
    ok: 1,
  };
}

function parameters(state: ServerState): Document {
  return {
    featureCompatibilityVersion: { version: SERVER_VERSION.split('.').slice(0, 2).join('.') },
    authenticationMechanisms: [],
    cursorTimeoutMillis: Long.fromNumber(state.cursors.idleTimeoutMs),
    ttlMonitorSleepSecs: Math.max(1, Math.round(state.housekeeping.periodMs / 1000)),
  };
}

function getParameter(request: CommandRequest, state: ServerState): Document {
  const all = parameters(state);
  const wanted = request.body['getParameter'];
  if (wanted === '*' || (typeof wanted === 'object' && wanted?.allParameters)) return { ...all, ok: 1 };
  const names = Object.keys(request.body).filter((key) => key in all);
  if (names.length === 0) throw new MongoServerError('InvalidOptions', 'no option found to get');
  return { ...Object.fromEntries(names.map((name) => [name, all[name]])), ok: 1 };
}

/** The two server parameters tests tune: how often TTL indexes are swept and when idle cursors die. */
function setParameter(request: CommandRequest, state: ServerState): Document {
  const names = Object.keys(request.body).filter((key) => key !== 'setParameter' && !key.startsWith('$') && key !== 'lsid');
  if (names.length === 0) throw new MongoServerError('BadValue', 'no option found to set, use help:true to see options');
  const was: Document = {};
  for (const name of names) {
    const value = Number(request.body[name]);
    if (name === 'ttlMonitorSleepSecs' && value >= 1) {
      was['was'] = Math.round(state.housekeeping.periodMs / 1000);
      state.housekeeping.periodMs = value * 1000;
    } else if (name === 'cursorTimeoutMillis' && value >= 0) {
      was['was'] = Long.fromNumber(state.cursors.idleTimeoutMs);
      state.cursors.idleTimeoutMs = value;
    } else {
      throw new MongoServerError('BadValue', `attempted to set unrecognized parameter [${name}], use help:true to see options`);
    }
  }
  return { ...was, ok: 1 };
}

function serverStatus(_request: CommandRequest, state: ServerState): Document {
  const memory = process.memoryUsage();
  return {
    host: 'embedded-mongo',
    version: SERVER_VERSION,
    process: 'mongod',
    pid: process.pid,
    uptime: Math.floor((Date.now() - state.startedAt) / 1000),
    uptimeMillis: Date.now() - state.startedAt,
    localTime: new Date(),
    connections: { current: state.connections.current, available: 1_000_000, totalCreated: state.connections.totalCreated },
    mem: { bits: 64, resident: Math.round(memory.rss / 2 ** 20), virtual: Math.round(memory.rss / 2 ** 20), supported: true },
    metrics: { cursor: { open: { total: state.cursors.size } } },
    ok: 1,
  };
}

const acknowledge: CommandHandler = () => ({ ok: 1 });

export const HANDSHAKE_COMMANDS: Record<string, CommandHandler> = {
  hello,
  isMaster: hello,
  ismaster: hello,
  ping: acknowledge,
  buildInfo,
  buildinfo: buildInfo,
  getParameter,
  setParameter,
  serverStatus,
  endSessions: acknowledge,
  refreshSessions: acknowledge,
  killAllSessions: acknowledge,
  connectionStatus: () => ({ authInfo: { authenticatedUsers: [], authenticatedUserRoles: [] }, ok: 1 }),
  whatsmyuri: (request) => ({ you: request.remoteAddress, ok: 1 }),
  hostInfo: () => ({ system: { hostname: 'embedded-mongo', cpuAddrSize: 64 }, os: { type: process.platform }, extra: {}, ok: 1 }),
};
