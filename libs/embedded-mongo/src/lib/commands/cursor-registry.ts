import type { Document } from 'bson';
import { randomInt } from 'node:crypto';
import { encodeDocument } from '../bson/codec';
import { MAX_BSON_OBJECT_SIZE } from '../wire/limits';

/** What a cursor hands out: stored bytes as they are, or documents computed by a query. */
export type CursorItem = Buffer | Document;

export interface OpenCursor {
  id: bigint;
  ns: string;
  items: CursorItem[];
  position: number;
  lastUsed: number;
  noTimeout: boolean;
}

/** The first batch holds 101 documents unless the client asks otherwise, as in MongoDB. */
export const DEFAULT_FIRST_BATCH = 101;

/** Reply overhead left for the cursor envelope when filling a batch up to the BSON size limit. */
const ENVELOPE_ALLOWANCE = 16 * 1024;

export class CursorRegistry {
  private readonly cursors = new Map<bigint, OpenCursor>();

  constructor(public idleTimeoutMs: number) {}

  /** Takes the next batch; `limit` undefined means as many as fit in 16 MiB. */
  static takeBatch(cursor: Pick<OpenCursor, 'items' | 'position'>, limit: number | undefined): Buffer[] {
    const batch: Buffer[] = [];
    let bytes = 0;
    while (cursor.position < cursor.items.length && (limit === undefined || batch.length < limit)) {
      const item = cursor.items[cursor.position];
      const raw = Buffer.isBuffer(item) ? item : encodeDocument(item);
      if (batch.length > 0 && bytes + raw.length > MAX_BSON_OBJECT_SIZE - ENVELOPE_ALLOWANCE) break;
      batch.push(raw);
      bytes += raw.length;
      cursor.position++;
    }
    return batch;
  }

  open(ns: string, items: CursorItem[], position: number, noTimeout: boolean): bigint {
    let id: bigint;
    // Below 2^53, so a driver that decodes the id as a JS number loses nothing.
    do id = BigInt(randomInt(1, 2 ** 47)) * 64n + BigInt(randomInt(0, 64));
    while (this.cursors.has(id));
    this.cursors.set(id, { id, ns, items, position, lastUsed: Date.now(), noTimeout });
    return id;
  }

  get(id: bigint): OpenCursor | undefined {
    const cursor = this.cursors.get(id);
    if (cursor) cursor.lastUsed = Date.now();
    return cursor;
  }

  kill(id: bigint): boolean {
    return this.cursors.delete(id);
  }

  get size(): number {
    return this.cursors.size;
  }

  /** Closes cursors idle for longer than the timeout (MongoDB's cursorTimeoutMillis). */
  sweep(now = Date.now()): void {
    for (const [id, cursor] of this.cursors) {
      if (!cursor.noTimeout && now - cursor.lastUsed > this.idleTimeoutMs) this.cursors.delete(id);
    }
  }
}
