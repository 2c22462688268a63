import { decodeDocument } from '../bson/codec';
import type { Catalog } from './catalog';

/**
 * Deletes documents whose TTL-indexed date is older than `expireAfterSeconds`, as MongoDB's TTL monitor
 * does. It reads the dates from the index keys (hash text `d<ms>`), so it never decodes live documents.
 * An array of dates expires with its earliest date, i.e. when any element has expired.
 */
export function removeExpired(catalog: Catalog, now = Date.now()): number {
  let removed = 0;
  for (const store of catalog.allCollections()) {
    for (const index of store.indexes.values()) {
      const ttl = index.spec.expireAfterSeconds;
      if (typeof ttl !== 'number' || index.fields.length !== 1) continue;
      const cutoff = now - ttl * 1000;
      const expired = new Set<string>();
      for (const key of index.keys()) {
        if (key.charCodeAt(0) === 100 /* d */ && Number(key.slice(1)) <= cutoff) index.lookup(key).forEach((id) => expired.add(id));
      }
      for (const idKey of expired) {
        const raw = store.get(idKey);
        if (!raw) continue;
        store.delete(idKey, decodeDocument(raw));
        removed++;
      }
    }
  }
  return removed;
}
