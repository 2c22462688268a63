import { Binary, type Document } from 'bson';
import { encodeDocument } from '../bson/codec';
import { MongoServerError, notSupported } from '../errors';
import { compileFilter } from '../query/mingo-context';
import { ID_INDEX_SPEC, type CollectionStore } from '../storage/collection-store';
import { collectionName, type CommandHandler } from './command-context';
import { CursorRegistry } from './cursor-registry';
import { cursorReply } from './cursor-reply';

/** Options that would change how MongoDB stores or validates data; accepting them silently would lie. */
const UNSUPPORTED_CREATE_OPTIONS = ['capped', 'timeseries', 'validator', 'viewOn', 'clusteredIndex', 'collation', 'encryptedFields', 'changeStreamPreAndPostImages'];
/** Options that only matter to MongoDB's operations, not to results. */
const IGNORED_CREATE_OPTIONS = new Set(['create', 'writeConcern', 'lsid', '$db', 'comment', 'autoIndexId', 'storageEngine', 'indexOptionDefaults', 'validationLevel', 'validationAction', '$readPreference', 'apiVersion', 'apiStrict', 'apiDeprecationErrors']);

const create: CommandHandler = (request, state) => {
  const name = collectionName(request);
  for (const option of UNSUPPORTED_CREATE_OPTIONS) {
    if (request.body[option] !== undefined && request.body[option] !== false) throw notSupported(`The create option '${option}'`);
  }
  const options = Object.fromEntries(Object.entries(request.body).filter(([key]) => !IGNORED_CREATE_OPTIONS.has(key)));
  state.catalog.create(request.db, name, options);
  return { ok: 1 };
};

const drop: CommandHandler = (request, state) => {
  const name = collectionName(request);
  const store = state.catalog.get(request.db, name);
  if (!store) return { ok: 1 };
  const nIndexesWas = store.indexes.size + 1;
  state.catalog.drop(request.db, name);
  return { nIndexesWas, ns: store.ns, ok: 1 };
};

const dropDatabase: CommandHandler = (request, state) => {
  state.catalog.dropDatabase(request.db);
  return { dropped: request.db, ok: 1 };
};

function collectionInfo(store: CollectionStore): Document {
  return {
    name: store.name,
    type: 'collection',
    options: store.options,
    info: { readOnly: false, uuid: new Binary(Buffer.from(store.uuid.replace(/-/g, ''), 'hex'), Binary.SUBTYPE_UUID) },
    idIndex: ID_INDEX_SPEC,
  };
}

const listCollections: CommandHandler = (request, state) => {
  const { body } = request;
  const filter = compileFilter(body['filter'] ?? {});
  const infos = state.catalog
    .collections(request.db)
    .map(collectionInfo)
    .filter((info) => filter.test(info))
    .map((info) => (body['nameOnly'] ? { name: info['name'], type: info['type'] } : info));
  const batch = CursorRegistry.takeBatch({ items: infos, position: 0 }, undefined);
  return cursorReply(`${request.db}.$cmd.listCollections`, 0n, 'firstBatch', batch);
};

function dataSize(stores: CollectionStore[]): number {
  return stores.reduce((sum, store) => sum + store.docs.bytes, 0);
}

const listDatabases: CommandHandler = (request, state) => {
  const databases = state.catalog.databaseNames().map((name) => {
    const size = dataSize(state.catalog.collections(name));
    return request.body['nameOnly'] ? { name } : { name, sizeOnDisk: size, empty: size === 0 };
  });
  const filter = compileFilter(request.body['filter'] ?? {});
  const listed = databases.filter((db) => filter.test(db));
  return { databases: listed, totalSize: listed.reduce((sum, db) => sum + Number(db.sizeOnDisk ?? 0), 0), totalSizeMb: 0, ok: 1 };
};

function splitNamespace(ns: unknown): [string, string] {
  if (typeof ns !== 'string' || !ns.includes('.')) throw new MongoServerError('InvalidNamespace', `Invalid namespace specified '${String(ns)}'`);
  const dot = ns.indexOf('.');
  return [ns.slice(0, dot), ns.slice(dot + 1)];
}

const renameCollection: CommandHandler = (request, state) => {
  const [fromDb, from] = splitNamespace(request.body['renameCollection']);
  const [toDb, to] = splitNamespace(request.body['to']);
  if (fromDb !== toDb) throw notSupported('Renaming a collection across databases');
  if (!state.catalog.get(fromDb, from)) throw new MongoServerError('NamespaceNotFound', `Source collection ${fromDb}.${from} does not exist`);
  if (state.catalog.get(toDb, to)) {
    if (!request.body['dropTarget']) throw new MongoServerError('NamespaceExists', 'target namespace exists');
    state.catalog.drop(toDb, to);
  }
  state.catalog.rename(fromDb, from, to);
  return { ok: 1 };
};

const dbStats: CommandHandler = (request, state) => {
  const stores = state.catalog.collections(request.db);
  const objects = stores.reduce((sum, store) => sum + store.docs.size, 0);
  const size = dataSize(stores);
  return {
    db: request.db,
    collections: stores.length,
    views: 0,
    objects,
    avgObjSize: objects ? size / objects : 0,
    dataSize: size,
    storageSize: size,
    indexes: stores.reduce((sum, store) => sum + store.indexes.size + 1, 0),
    indexSize: 0,
    totalSize: size,
    scaleFactor: 1,
    ok: 1,
  };
};

/** collMod: only the TTL of an index can change here. */
const collMod: CommandHandler = (request, state) => {
  const store = state.catalog.get(request.db, collectionName(request));
  if (!store) throw new MongoServerError('NamespaceNotFound', `ns does not exist: ${request.db}.${collectionName(request)}`);
  const others = Object.keys(request.body).filter((key) => !['collMod', 'index', 'writeConcern', 'lsid', '$db', 'comment'].includes(key));
  if (others.length) throw notSupported(`collMod option '${others[0]}'`);
  const change = request.body['index'] as Document | undefined;
  if (!change) return { ok: 1 };
  const index = [...store.indexes.values()].find((i) => i.name === change['name'] || (change['keyPattern'] && encodeDocument(i.spec.key).equals(encodeDocument(change['keyPattern']))));
  if (!index) throw new MongoServerError('IndexNotFound', 'cannot find index for ns');
  if (change['expireAfterSeconds'] === undefined) throw notSupported('collMod index change other than expireAfterSeconds');
  const before = index.spec.expireAfterSeconds;
  const spec = { ...index.spec, expireAfterSeconds: Number(change['expireAfterSeconds']) };
  store.dropIndex(index.name);
  store.createIndex(spec);
  return { expireAfterSeconds_old: before, expireAfterSeconds_new: spec.expireAfterSeconds, ok: 1 };
};

export const COLLECTION_COMMANDS: Record<string, CommandHandler> = {
  create,
  drop,
  dropDatabase,
  listCollections,
  listDatabases,
  renameCollection,
  dbStats,
  dbstats: dbStats,
  collMod,
};
