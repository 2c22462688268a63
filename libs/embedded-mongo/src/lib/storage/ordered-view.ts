import { ObjectId } from 'bson';
import { decodeFields } from '../bson/codec';
import { isNumeric } from '../query/exact-number';
import { compareValues, type StringComparer } from '../query/bson-order';
import { isDocument, pathValues } from '../query/path-values';
import { sortDocuments, type SortSpec } from '../query/sort';
import { valueKey } from '../query/value-key';
import type { CollectionStore } from './collection-store';

/** Views kept per collection; the least recently built goes first. */
const MAX_VIEWS_PER_COLLECTION = 4;

/**
 * Every `_id` of a collection in the order of a sort, with the value of the sort's first field per
 * position, so a range on that field (the keyset paging `{ field: { $gt: last } }` sorted by it) can
 * start where its values begin instead of testing every document before them.
 */
export interface OrderedView {
  version: number;
  idKeys: string[];
  /** The first sort field's value at each position (undefined when missing). */
  leading: unknown[];
  /** Some document holds an array (or an array path) there: its sort key is not its value, no range starts. */
  multikey: boolean;
}

const views = new WeakMap<CollectionStore, Map<string, OrderedView>>();

/** Whether a current order for this sort is at hand (walking it costs nothing to build). */
export function hasOrderedView(store: CollectionStore, sort: SortSpec): boolean {
  return views.get(store)?.get(valueKey(sort))?.version === store.version;
}

/**
 * The collection's order for a sort, which a sorted page then walks and stops early (MongoDB walks a
 * B-tree index in that order). Built from the documents once and kept until any document changes, so
 * lists paged over a large, quiet collection do not sort it all on every request.
 */
export function orderedView(store: CollectionStore, sort: SortSpec, strings: StringComparer): OrderedView {
  const key = valueKey(sort);
  let perStore = views.get(store);
  if (!perStore) views.set(store, (perStore = new Map()));
  const cached = perStore.get(key);
  if (cached && cached.version === store.version) return cached;
  const view = { version: store.version, ...sortWithLeading(store, store.docs.keys(), sort, strings) };
  perStore.delete(key);
  perStore.set(key, view);
  if (perStore.size > MAX_VIEWS_PER_COLLECTION) perStore.delete(perStore.keys().next().value as string);
  return view;
}

/** The ids of `orderedView`. */
export function orderedIdKeys(store: CollectionStore, sort: SortSpec, strings: StringComparer): string[] {
  return orderedView(store, sort, strings).idKeys;
}

/**
 * Documents' ids in the order of a sort, decoding only the sorted-on fields of each (a whole large
 * collection decoded at once would not even fit in memory).
 */
export function sortIdKeys(store: CollectionStore, idKeys: Iterable<string>, sort: SortSpec, strings: StringComparer): string[] {
  return sortWithLeading(store, idKeys, sort, strings).idKeys;
}

function sortWithLeading(store: CollectionStore, idKeys: Iterable<string>, sort: SortSpec, strings: StringComparer): Omit<OrderedView, 'version'> {
  const roots = new Set(Object.keys(sort).map((path) => path.split('.')[0]));
  const first = Object.keys(sort)[0];
  const entries: Array<{ idKey: string; doc: Record<string, unknown> }> = [];
  for (const idKey of idKeys) {
    const raw = store.get(idKey);
    if (raw) entries.push({ idKey, doc: decodeFields(raw, roots) });
  }
  const sorted = sortDocuments(entries, sort, strings, (entry) => entry.doc);
  let multikey = false;
  const leading = sorted.map((entry) => {
    const values = pathValues(entry.doc, first);
    if (values.length !== 1 || Array.isArray(values[0])) multikey = true;
    return values[0];
  });
  return { idKeys: sorted.map((entry) => entry.idKey), leading, multikey };
}

/** Values whose comparison order is the sort's order and that a range operator compares the same way. */
function isRangeBound(value: unknown): boolean {
  return typeof value === 'string' || isNumeric(value) || value instanceof ObjectId || value instanceof Date;
}

/**
 * Where a walk of the view may start for a filter with a range on the sort's first field, in the
 * sort's direction (`$gt`/`$gte` ascending, `$lt`/`$lte` descending): every position before it holds a
 * value the range refuses, so skipping them changes no result. 0 when there is no such range.
 */
export function rangeStart(view: OrderedView, sort: SortSpec, filter: Record<string, unknown>, strings: StringComparer): number {
  const [field, direction] = Object.entries(sort)[0] ?? [];
  if (field === undefined || view.multikey) return 0;
  const condition = filter[field];
  if (!isDocument(condition)) return 0;
  const ascending = Number(direction) === 1;
  const [strict, inclusive] = ascending ? ['$gt', '$gte'] : ['$lt', '$lte'];
  const operator = strict in condition ? strict : inclusive in condition ? inclusive : undefined;
  if (!operator || !isRangeBound(condition[operator])) return 0;
  const bound = condition[operator];
  // The first position whose value passes the bound; positions only move away from it.
  const passes = (value: unknown) => {
    const order = compareValues(value, bound, strings) * (ascending ? 1 : -1);
    return operator === strict ? order > 0 : order >= 0;
  };
  let low = 0;
  let high = view.leading.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (passes(view.leading[middle])) high = middle;
    else low = middle + 1;
  }
  return low;
}
