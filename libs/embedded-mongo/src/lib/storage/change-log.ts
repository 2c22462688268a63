import type { Document } from 'bson';
import type { IndexSpec } from './hash-index';

/**
 * Every change to the stored state, in the form the journal records it. Each one is an assignment
 * (put this document, drop that collection), so replaying a record twice leaves the same state.
 */
export interface ChangeLog {
  putDocument(db: string, collection: string, raw: Buffer): void;
  deleteDocument(db: string, collection: string, idKey: string): void;
  createCollection(db: string, collection: string, options: Document): void;
  dropCollection(db: string, collection: string): void;
  createIndex(db: string, collection: string, spec: IndexSpec): void;
  dropIndex(db: string, collection: string, name: string): void;
  renameCollection(db: string, from: string, to: string): void;
  dropDatabase(db: string): void;
}

/** The log of a memory-only server, and the one used while replaying a journal. */
export const DISCARD_CHANGES: ChangeLog = {
  putDocument: () => undefined,
  deleteDocument: () => undefined,
  createCollection: () => undefined,
  dropCollection: () => undefined,
  createIndex: () => undefined,
  dropIndex: () => undefined,
  renameCollection: () => undefined,
  dropDatabase: () => undefined,
};
