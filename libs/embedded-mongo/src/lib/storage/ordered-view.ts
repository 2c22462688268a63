import { decodeFields } from '../bson/codec';
import type { StringComparer } from '../query/bson-order';
import { sortDocuments, type SortSpec } from '../query/sort';
import { valueKey } from '../query/value-key';
import type { CollectionStore } from './collection-store';

/** Views kept per collection; the least recently built goes first. */
const MAX_VIEWS_PER_COLLECTION = 4;

interface OrderedView {
  version: number;
  idKeys: string[];
}

const views = new WeakMap<CollectionStore, Map<string, OrderedView>>();

/** Whether a current order for this sort is at hand (walking it costs nothing to build). */
export function hasOrderedView(store: CollectionStore, sort: SortSpec): boolean {
  return views.get(store)?.get(valueKey(sort))?.version === store.version;
}

/**
 * Every `_id` of the collection in the order of a sort, which a sorted page then walks and stops early
 * (MongoDB walks a B-tree index in that order). Built from the documents once and kept until any
 * document changes, so lists paged over a large, quiet collection do not sort it all on every request.
 */
export function orderedIdKeys(store: CollectionStore, sort: SortSpec, strings: StringComparer): string[] {
  const key = valueKey(sort);
  let perStore = views.get(store);
  if (!perStore) views.set(store, (perStore = new Map()));
  const cached = perStore.get(key);
  if (cached && cached.version === store.version) return cached.idKeys;
  const idKeys = sortIdKeys(store, store.docs.keys(), sort, strings);
  perStore.delete(key);
  perStore.set(key, { version: store.version, idKeys });
  if (perStore.size > MAX_VIEWS_PER_COLLECTION) perStore.delete(perStore.keys().next().value as string);
  return idKeys;
}

/**
 * Documents' ids in the order of a sort, decoding only the sorted-on fields of each (a whole large
 * collection decoded at once would not even fit in memory).
 */
export function sortIdKeys(store: CollectionStore, idKeys: Iterable<string>, sort: SortSpec, strings: StringComparer): string[] {
  const roots = new Set(Object.keys(sort).map((path) => path.split('.')[0]));
  const entries: Array<{ idKey: string; doc: Record<string, unknown> }> = [];
  for (const idKey of idKeys) {
    const raw = store.get(idKey);
    if (raw) entries.push({ idKey, doc: decodeFields(raw, roots) });
  }
  return sortDocuments(entries, sort, strings, (entry) => entry.doc).map((entry) => entry.idKey);
}
