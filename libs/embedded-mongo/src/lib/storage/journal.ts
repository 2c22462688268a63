import type { Document } from 'bson';
import { closeSync, fdatasyncSync, writeSync } from 'node:fs';
import type { ChangeLog } from './change-log';
import type { IndexSpec } from './hash-index';
import { encodeRecord } from './record-format';

/**
 * The append-only journal. Changes are framed as they happen and written with one write and one
 * fdatasync per command (`commit`), before the command's reply is sent: an acknowledged write is on disk.
 */
export class Journal implements ChangeLog {
  private pending: Buffer[] = [];

  constructor(private readonly fd: number) {}

  putDocument(db: string, collection: string, raw: Buffer): void {
    this.pending.push(encodeRecord({ t: 'put', d: db, c: collection }, raw));
  }

  deleteDocument(db: string, collection: string, idKey: string): void {
    this.pending.push(encodeRecord({ t: 'del', d: db, c: collection, k: idKey }));
  }

  createCollection(db: string, collection: string, options: Document): void {
    this.pending.push(encodeRecord({ t: 'mkcoll', d: db, c: collection, o: options }));
  }

  dropCollection(db: string, collection: string): void {
    this.pending.push(encodeRecord({ t: 'dropcoll', d: db, c: collection }));
  }

  createIndex(db: string, collection: string, spec: IndexSpec): void {
    this.pending.push(encodeRecord({ t: 'mkidx', d: db, c: collection, s: spec }));
  }

  dropIndex(db: string, collection: string, name: string): void {
    this.pending.push(encodeRecord({ t: 'dropidx', d: db, c: collection, n: name }));
  }

  renameCollection(db: string, from: string, to: string): void {
    this.pending.push(encodeRecord({ t: 'ren', d: db, f: from, to }));
  }

  dropDatabase(db: string): void {
    this.pending.push(encodeRecord({ t: 'dropdb', d: db }));
  }

  commit(): void {
    if (this.pending.length === 0) return;
    const batch = this.pending.length === 1 ? this.pending[0] : Buffer.concat(this.pending);
    this.pending = [];
    let written = 0;
    while (written < batch.length) written += writeSync(this.fd, batch, written);
    fdatasyncSync(this.fd);
  }

  close(): void {
    this.commit();
    closeSync(this.fd);
  }
}
