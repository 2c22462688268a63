import type { Document } from 'bson';
import { randomUUID } from 'node:crypto';
import { decodeDocument } from '../bson/codec';
import { MongoServerError } from '../errors';
import { valueKey } from '../query/value-key';
import type { ChangeLog } from './change-log';
import { DocumentArena } from './document-arena';
import { duplicateKeyError } from './duplicate-key';
import { HashIndex, type IndexEntry, type IndexSpec } from './hash-index';

export const ID_INDEX_SPEC: IndexSpec = { v: 2, key: { _id: 1 }, name: '_id_' };

/**
 * One collection: documents kept as their BSON bytes in an arena, keyed by the hash text of their `_id`
 * (which is also the `_id_` index), plus the secondary hash indexes. Every change goes to the
 * change log; the caller commits the log once per command.
 */
export class CollectionStore {
  readonly docs = new DocumentArena();
  readonly indexes = new Map<string, HashIndex>();
  readonly uuid = randomUUID();
  /** Goes up with every document change, so views derived from the documents know they are stale. */
  version = 0;
  /** See indexedRoots(); null until computed for the current set of indexes. */
  private roots: ReadonlySet<string> | undefined | null = null;

  constructor(
    readonly db: string,
    public name: string,
    readonly options: Document,
    private readonly log: () => ChangeLog,
  ) {}

  get ns(): string {
    return `${this.db}.${this.name}`;
  }

  get(idKey: string): Buffer | undefined {
    return this.docs.get(idKey);
  }

  /**
   * The top-level fields the index entries of a document are made of (and `_id`), or `undefined` when a
   * partial index's filter may read any field. An insert decodes only these: decoding whole documents
   * only to key them was a good part of the cost of a bulk load.
   */
  indexedRoots(): ReadonlySet<string> | undefined {
    if (this.roots === null) {
      const indexes = [...this.indexes.values()];
      this.roots = indexes.some((index) => index.spec.partialFilterExpression)
        ? undefined
        : new Set(['_id', ...indexes.flatMap((index) => index.fields.map((field) => field.split('.')[0]))]);
    }
    return this.roots;
  }

  /** Adds a document; its `_id` must already be set. */
  insert(raw: Buffer, doc: Document): void {
    const idKey = valueKey(doc['_id']);
    if (this.docs.has(idKey)) throw duplicateKeyError(this.ns, '_id_', { _id: 1 }, { _id: doc['_id'] });
    const entries = this.checkedEntries(doc, idKey);
    this.docs.set(idKey, raw);
    this.indexes.forEach((index, name) => index.add(idKey, entries.get(name) ?? []));
    this.version++;
    this.log().putDocument(this.db, this.name, raw);
  }

  replace(idKey: string, before: Document, raw: Buffer, after: Document): void {
    const entries = this.checkedEntries(after, idKey);
    for (const index of this.indexes.values()) {
      index.remove(idKey, index.entriesFor(before));
      index.add(idKey, entries.get(index.name) ?? []);
    }
    this.docs.set(idKey, raw);
    this.version++;
    this.log().putDocument(this.db, this.name, raw);
  }

  delete(idKey: string, doc: Document): void {
    for (const index of this.indexes.values()) index.remove(idKey, index.entriesFor(doc));
    this.docs.delete(idKey);
    this.version++;
    this.log().deleteDocument(this.db, this.name, idKey);
  }

  /** Replays a journalled put: an insert, or a replacement of the document with the same `_id`. */
  restore(raw: Buffer): void {
    const doc = decodeDocument(raw);
    const idKey = valueKey(doc['_id']);
    const existing = this.docs.get(idKey);
    if (existing) this.replace(idKey, decodeDocument(existing), raw, doc);
    else this.insert(raw, doc);
  }

  createIndex(spec: IndexSpec): void {
    const index = new HashIndex(spec);
    for (const [idKey, raw] of this.docs) {
      const doc = decodeDocument(raw);
      const entries = index.entriesFor(doc);
      const clash = index.conflict(entries, idKey);
      if (clash) throw duplicateKeyError(this.ns, spec.name, spec.key, keyValue(index, clash));
      index.add(idKey, entries);
    }
    this.indexes.set(spec.name, index);
    this.roots = null;
    this.log().createIndex(this.db, this.name, spec);
  }

  dropIndex(name: string): void {
    this.indexes.delete(name);
    this.roots = null;
    this.log().dropIndex(this.db, this.name, name);
  }

  indexSpecs(): IndexSpec[] {
    return [ID_INDEX_SPEC, ...[...this.indexes.values()].map((index) => index.spec)];
  }

  private checkedEntries(doc: Document, idKey: string): Map<string, IndexEntry[]> {
    if (Array.isArray(doc['_id'])) throw new MongoServerError('BadValue', "can't use an array for _id");
    const all = new Map<string, IndexEntry[]>();
    for (const index of this.indexes.values()) {
      const entries = index.entriesFor(doc);
      const clash = index.conflict(entries, idKey);
      if (clash) throw duplicateKeyError(this.ns, index.name, index.spec.key, keyValue(index, clash));
      all.set(index.name, entries);
    }
    return all;
  }
}

function keyValue(index: HashIndex, entry: IndexEntry): Document {
  return Object.fromEntries(index.fields.map((field, i) => [field, entry.values[i] ?? null]));
}
