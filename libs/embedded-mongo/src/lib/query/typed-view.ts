import type { Document } from 'bson';
import { decodeTyped } from '../bson/codec';

/**
 * Decoded documents carry their stored bytes under a symbol (invisible to Object.keys, so to mingo and
 * to BSON). `$type` needs them: once promoted, 5.0 and 5 are the same JS number.
 */
const RAW = Symbol('embedded-mongo.raw');
const typedCache = new WeakMap<object, Document>();

export function attachRaw<T extends object>(doc: T, raw: Buffer): T {
  (doc as Record<symbol, unknown>)[RAW] = raw;
  return doc;
}

export function typedView(doc: unknown): Document | undefined {
  if (typeof doc !== 'object' || doc === null) return undefined;
  const raw = (doc as Record<symbol, unknown>)[RAW];
  if (!(raw instanceof Buffer)) return undefined;
  let typed = typedCache.get(doc);
  if (!typed) {
    typed = decodeTyped(raw);
    typedCache.set(doc, typed);
  }
  return typed;
}
