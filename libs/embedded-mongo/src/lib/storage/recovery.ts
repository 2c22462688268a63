import type { Document } from 'bson';
import { randomUUID } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { decodeDocument } from '../bson/codec';
import type { Catalog } from './catalog';
import type { IndexSpec } from './hash-index';
import { Journal } from './journal';
import { encodeRecord, readRecords, type StoredRecord } from './record-format';

const SNAPSHOT = 'snapshot.bin';
const JOURNAL = 'journal.bin';

export interface RecoveryReport {
  replayedRecords: number;
  droppedTailBytes: number;
}

/**
 * Loads `dbPath` into the catalog and leaves a fresh journal open for appending. The snapshot and the
 * journal each start with a header naming a generation; a journal is replayed only over the snapshot of
 * its own generation, so a crash between writing a new snapshot and starting a new journal cannot
 * replay old records twice. Startup compacts: the state just loaded becomes the next snapshot.
 */
export function recover(dbPath: string, catalog: Catalog): { journal: Journal; report: RecoveryReport } {
  mkdirSync(dbPath, { recursive: true });
  const report: RecoveryReport = { replayedRecords: 0, droppedTailBytes: 0 };
  const snapshotGeneration = replayFile(join(dbPath, SNAPSHOT), catalog, undefined, report);
  if (snapshotGeneration !== undefined) replayFile(join(dbPath, JOURNAL), catalog, snapshotGeneration, report);

  const generation = randomUUID();
  writeSnapshot(dbPath, catalog, generation);
  writeAtomically(dbPath, JOURNAL, [encodeRecord({ t: 'hdr', g: generation })]);
  const journal = new Journal(openSync(join(dbPath, JOURNAL), 'a'));
  return { journal, report };
}

function replayFile(path: string, catalog: Catalog, expectedGeneration: string | undefined, report: RecoveryReport): string | undefined {
  if (!existsSync(path)) return undefined;
  const file = readFileSync(path);
  const { records, validLength } = readRecords(file);
  const first = records.next();
  if (first.done || first.value.meta['t'] !== 'hdr') return undefined;
  const generation = String(first.value.meta['g']);
  if (expectedGeneration !== undefined && generation !== expectedGeneration) return generation;
  for (const record of records) {
    apply(catalog, record);
    report.replayedRecords++;
  }
  report.droppedTailBytes += file.length - validLength();
  return generation;
}

function apply(catalog: Catalog, { meta, raw }: StoredRecord): void {
  const db = String(meta['d']);
  const name = String(meta['c']);
  switch (meta['t']) {
    case 'put':
      if (raw) catalog.ensure(db, name).restore(raw);
      return;
    case 'del': {
      const store = catalog.get(db, name);
      const existing = store?.get(String(meta['k']));
      if (store && existing) store.delete(String(meta['k']), decodeDocument(existing));
      return;
    }
    case 'mkcoll':
      if (!catalog.get(db, name)) catalog.create(db, name, meta['o'] as Document);
      return;
    case 'dropcoll':
      catalog.drop(db, name);
      return;
    case 'mkidx': {
      const store = catalog.ensure(db, name);
      const spec = meta['s'] as IndexSpec;
      if (!store.indexes.has(spec.name)) store.createIndex(spec);
      return;
    }
    case 'dropidx':
      catalog.get(db, name)?.dropIndex(String(meta['n']));
      return;
    case 'ren':
      catalog.drop(db, String(meta['to']));
      catalog.rename(db, String(meta['f']), String(meta['to']));
      return;
    case 'dropdb':
      catalog.dropDatabase(db);
      return;
  }
}

function writeSnapshot(dbPath: string, catalog: Catalog, generation: string): void {
  const tmp = join(dbPath, `${SNAPSHOT}.tmp`);
  const fd = openSync(tmp, 'w');
  let batch: Buffer[] = [encodeRecord({ t: 'hdr', g: generation })];
  let batchBytes = 0;
  const flush = (): void => {
    const chunk = Buffer.concat(batch);
    let written = 0;
    while (written < chunk.length) written += writeSync(fd, chunk, written);
    batch = [];
    batchBytes = 0;
  };
  const push = (frame: Buffer): void => {
    batch.push(frame);
    batchBytes += frame.length;
    if (batchBytes > 4 * 1024 * 1024) flush();
  };
  for (const store of catalog.allCollections()) {
    push(encodeRecord({ t: 'mkcoll', d: store.db, c: store.name, o: store.options }));
    for (const index of store.indexes.values()) push(encodeRecord({ t: 'mkidx', d: store.db, c: store.name, s: index.spec }));
    for (const raw of store.docs.values()) push(encodeRecord({ t: 'put', d: store.db, c: store.name }, raw));
  }
  flush();
  fsyncSync(fd);
  closeSync(fd);
  renameSync(tmp, join(dbPath, SNAPSHOT));
  syncDirectory(dbPath);
}

function writeAtomically(dbPath: string, name: string, frames: Buffer[]): void {
  const tmp = join(dbPath, `${name}.tmp`);
  const fd = openSync(tmp, 'w');
  writeSync(fd, Buffer.concat(frames));
  fsyncSync(fd);
  closeSync(fd);
  renameSync(tmp, join(dbPath, name));
  syncDirectory(dbPath);
}

function syncDirectory(dir: string): void {
  const fd = openSync(dir, 'r');
  fsyncSync(fd);
  closeSync(fd);
}
