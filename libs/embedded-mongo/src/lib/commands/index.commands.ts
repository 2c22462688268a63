import type { Document } from 'bson';
import { encodeDocument } from '../bson/codec';
import { MongoServerError, notSupported } from '../errors';
import type { CollectionStore } from '../storage/collection-store';
import type { IndexSpec } from '../storage/hash-index';
import { collectionName, type CommandHandler } from './command-context';
import { CursorRegistry } from './cursor-registry';
import { cursorReply } from './cursor-reply';

/** createIndexes, listIndexes and dropIndexes. */

const sameKey = (a: Document, b: Document): boolean => encodeDocument(a).equals(encodeDocument(b));

const IGNORED_INDEX_OPTIONS = new Set(['key', 'name', 'v', 'ns', 'background']);

function sameOptions(a: IndexSpec, b: Document): boolean {
  const options = (spec: Document): string[] =>
    Object.keys(spec).filter((key) => !IGNORED_INDEX_OPTIONS.has(key)).sort().map((key) => `${key}=${JSON.stringify(spec[key])}`);
  return options(a).join() === options(b).join();
}

function normalizeSpec(input: Document): IndexSpec {
  const key = input['key'];
  if (typeof key !== 'object' || key === null || Object.keys(key).length === 0) {
    throw new MongoServerError('BadValue', "Error in specification { } :: caused by :: The 'key' field must be a non-empty object");
  }
  if (typeof input['name'] !== 'string' || !input['name']) throw new MongoServerError('BadValue', "Error in specification: the 'name' field is a required property of an index specification");
  if (input['collation'] && input['collation'].locale !== 'simple') throw notSupported('An index collation');
  const rest: Document = { ...input };
  delete rest['ns'];
  delete rest['background'];
  return { v: 2, ...rest, key, name: input['name'] } as IndexSpec;
}

function ensureCreatable(store: CollectionStore, spec: IndexSpec): boolean {
  for (const existing of store.indexSpecs()) {
    const nameClash = existing.name === spec.name;
    const keyClash = sameKey(existing.key, spec.key);
    if (nameClash && keyClash) {
      if (sameOptions(existing, spec)) return false;
      throw new MongoServerError('IndexOptionsConflict', `An equivalent index already exists with the same name but different options. Requested index: ${JSON.stringify(spec)}, existing index: ${JSON.stringify(existing)}`);
    }
    if (nameClash) {
      throw new MongoServerError('IndexKeySpecsConflict', `An existing index has the same name as the requested index. When index names are not specified, they are auto generated and can cause conflicts. Please refer to our documentation. Requested index: ${JSON.stringify(spec)}, existing index: ${JSON.stringify(existing)}`);
    }
    if (keyClash && sameOptions(existing, spec)) {
      throw new MongoServerError('IndexOptionsConflict', `Index already exists with a different name: ${existing.name}`);
    }
  }
  return true;
}

const createIndexes: CommandHandler = (request, state) => {
  const name = collectionName(request);
  const specs = ((request.body['indexes'] ?? []) as Document[]).map(normalizeSpec);
  if (specs.length === 0) throw new MongoServerError('BadValue', 'Must specify at least one index to create');
  const createdCollectionAutomatically = !state.catalog.get(request.db, name);
  const store = state.catalog.ensure(request.db, name);
  const numIndexesBefore = store.indexes.size + 1;
  for (const spec of specs) {
    if (!ensureCreatable(store, spec)) continue;
    try {
      store.createIndex(spec);
    } catch (error) {
      if (error instanceof MongoServerError && error.codeName === 'DuplicateKey') {
        throw new MongoServerError('DuplicateKey', `Index build failed: ${store.uuid}: Collection ${store.ns} ( ${store.uuid} ) :: caused by :: ${error.message}`, error.extra);
      }
      throw error;
    }
  }
  const numIndexesAfter = store.indexes.size + 1;
  return {
    numIndexesBefore,
    numIndexesAfter,
    ...(numIndexesAfter === numIndexesBefore ? { note: 'all indexes already exist' } : {}),
    createdCollectionAutomatically,
    ok: 1,
  };
};

function requireStore(store: CollectionStore | undefined, ns: string, message = 'ns does not exist'): CollectionStore {
  if (!store) throw new MongoServerError('NamespaceNotFound', `${message}: ${ns}`);
  return store;
}

const listIndexes: CommandHandler = (request, state) => {
  const name = collectionName(request);
  const store = requireStore(state.catalog.get(request.db, name), `${request.db}.${name}`);
  const batch = CursorRegistry.takeBatch({ items: store.indexSpecs(), position: 0 }, undefined);
  return cursorReply(store.ns, 0n, 'firstBatch', batch);
};

const dropIndexes: CommandHandler = (request, state) => {
  const name = collectionName(request);
  const store = requireStore(state.catalog.get(request.db, name), `${request.db}.${name}`, 'ns not found');
  const nIndexesWas = store.indexes.size + 1;
  const target = request.body['index'];
  if (target === '*') {
    for (const index of [...store.indexes.keys()]) store.dropIndex(index);
    return { nIndexesWas, msg: 'non-_id indexes dropped for collection', ok: 1 };
  }
  const names = Array.isArray(target) ? target.map(String) : [resolveIndexName(store, target)];
  for (const indexName of names) {
    if (indexName === '_id_') throw new MongoServerError('InvalidOptions', 'cannot drop _id index');
    if (!store.indexes.has(indexName)) throw new MongoServerError('IndexNotFound', `index not found with name [${indexName}]`);
  }
  names.forEach((indexName) => store.dropIndex(indexName));
  return { nIndexesWas, ok: 1 };
};

function resolveIndexName(store: CollectionStore, target: unknown): string {
  if (typeof target === 'string') return target;
  if (typeof target === 'object' && target !== null) {
    const found = store.indexSpecs().find((spec) => sameKey(spec.key, target as Document));
    if (!found) throw new MongoServerError('IndexNotFound', `can't find index with key: ${JSON.stringify(target)}`);
    return found.name;
  }
  throw new MongoServerError('TypeMismatch', "BSON field 'dropIndexes.index' is the wrong type");
}

export const INDEX_COMMANDS: Record<string, CommandHandler> = { createIndexes, listIndexes, dropIndexes };
