import type { Document } from 'bson';
import { MongoServerError } from '../errors';
import { DISCARD_CHANGES, type ChangeLog } from './change-log';
import { CollectionStore } from './collection-store';

/** All databases and their collections. A database exists while it holds a collection, as in MongoDB. */
export class Catalog {
  private readonly databases = new Map<string, Map<string, CollectionStore>>();
  /** Swapped from DISCARD_CHANGES to the journal once recovery has replayed it. */
  changes: ChangeLog = DISCARD_CHANGES;

  get(db: string, name: string): CollectionStore | undefined {
    return this.databases.get(db)?.get(name);
  }

  /** The collection, created implicitly (as an insert or createIndexes does) when missing. */
  ensure(db: string, name: string): CollectionStore {
    return this.get(db, name) ?? this.create(db, name, {});
  }

  create(db: string, name: string, options: Document): CollectionStore {
    if (this.get(db, name)) throw new MongoServerError('NamespaceExists', `Collection ${db}.${name} already exists.`);
    validateCollectionName(db, name);
    const store = new CollectionStore(db, name, options, () => this.changes);
    let collections = this.databases.get(db);
    if (!collections) this.databases.set(db, (collections = new Map()));
    collections.set(name, store);
    this.changes.createCollection(db, name, options);
    return store;
  }

  drop(db: string, name: string): boolean {
    const collections = this.databases.get(db);
    if (!collections?.delete(name)) return false;
    if (collections.size === 0) this.databases.delete(db);
    this.changes.dropCollection(db, name);
    return true;
  }

  rename(db: string, from: string, to: string): void {
    const collections = this.databases.get(db);
    const store = collections?.get(from);
    if (!collections || !store) return;
    validateCollectionName(db, to);
    collections.delete(from);
    store.name = to;
    collections.set(to, store);
    this.changes.renameCollection(db, from, to);
  }

  dropDatabase(db: string): void {
    if (this.databases.delete(db)) this.changes.dropDatabase(db);
  }

  databaseNames(): string[] {
    return [...this.databases.keys()];
  }

  collections(db: string): CollectionStore[] {
    return [...(this.databases.get(db)?.values() ?? [])];
  }

  *allCollections(): Generator<CollectionStore> {
    for (const collections of this.databases.values()) yield* collections.values();
  }
}

function validateCollectionName(db: string, name: string): void {
  if (!name || name.includes('$') || name.includes('\0') || name.startsWith('.')) {
    throw new MongoServerError('InvalidNamespace', `Invalid collection name: ${db}.${name}`);
  }
}
