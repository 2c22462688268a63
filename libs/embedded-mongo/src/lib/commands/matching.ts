import type { Document } from 'bson';
import type { CollationSpec } from 'mingo/types';
import { decodeDocument } from '../bson/codec';
import { notSupported, toServerError } from '../errors';
import { compileFilter } from '../query/mingo-context';
import { attachRaw } from '../query/typed-view';
import type { CollectionStore } from '../storage/collection-store';
import { stringComparer } from '../query/bson-order';
import type { SortSpec } from '../query/sort';
import { hasOrderedView, orderedIdKeys, orderedView, rangeStart, sortIdKeys } from '../storage/ordered-view';
import { planQuery } from '../storage/query-planner';

export interface MatchOptions {
  collation?: CollationSpec;
  variables?: Document;
}

export interface MatchedDocument {
  idKey: string;
  raw: Buffer;
  doc: Document;
}

/** `$comment` is metadata to MongoDB but an unknown operator to mingo; `$text` needs a text engine. */
export function prepareFilter(filter: unknown): Document {
  if (filter === undefined || filter === null) return {};
  const rest: Document = { ...(filter as Document) };
  delete rest['$comment'];
  if ('$text' in rest) throw notSupported('The $text query operator');
  return rest;
}

export function isCollated(collation?: CollationSpec): boolean {
  return !!collation && collation.locale !== 'simple';
}

/** Below this many candidates sorting them beats walking (and maybe building) a whole-collection order. */
const ORDERED_WALK_MIN_CANDIDATES = 2000;

/**
 * The documents of a collection that match a filter. Equality on `_id` or on indexed fields and anchored
 * prefixes of indexed strings are answered from the indexes; anything else scans in natural order.
 * Stops after `stopAfter` matches.
 */
export function findMatches(store: CollectionStore | undefined, filter: Document, options: MatchOptions = {}, stopAfter = Infinity): MatchedDocument[] {
  if (!store) return [];
  const plan = planQuery(store, filter, isCollated(options.collation));
  return collectMatches(store, filter, options, plan ? plan.ids : store.docs.keys(), stopAfter);
}

/** How many documents match, without decoding any when the indexes answer the filter exactly. */
export function countMatches(store: CollectionStore | undefined, filter: Document, options: MatchOptions = {}): number {
  if (!store) return 0;
  if (Object.keys(filter).length === 0) return store.docs.size;
  const plan = planQuery(store, filter, isCollated(options.collation));
  if (plan?.exact) return plan.ids.size;
  return collectMatches(store, filter, options, plan ? plan.ids : store.docs.keys(), Infinity).length;
}

/**
 * The first `take` matches in sort order, decoding as little as possible. Candidates the indexes answer
 * exactly are ordered by their sort fields alone and only the page is decoded whole; otherwise the
 * collection's order for that sort is walked, testing candidates until the page is full (as MongoDB
 * walks an index). `undefined` when neither pays (few candidates to evaluate, a collation the order
 * was not built with): the caller sorts the matches itself.
 */
export function findSortedPage(store: CollectionStore | undefined, filter: Document, options: MatchOptions, sort: SortSpec, take: number): MatchedDocument[] | undefined {
  if (!store || isCollated(options.collation) || !Number.isFinite(take)) return undefined;
  const plan = planQuery(store, filter, false);
  const strings = stringComparer(options.collation);
  const candidates = plan ? plan.ids.size : store.docs.size;
  // Building the order reads the whole collection: worth it only when the candidates are a good part of
  // it anyway (a write-heavy collection queried for small slices keeps sorting just the slice).
  const worthBuilding = candidates > ORDERED_WALK_MIN_CANDIDATES && candidates * 10 >= store.docs.size;
  const walk = (candidates > ORDERED_WALK_MIN_CANDIDATES && hasOrderedView(store, sort)) || worthBuilding;
  if (plan?.exact) {
    const allowed = plan.ids;
    const ordered = walk ? firstAllowed(orderedIdKeys(store, sort, strings), allowed, take) : sortIdKeys(store, plan.ids, sort, strings).slice(0, take);
    return ordered.flatMap((idKey) => {
      const raw = store.get(idKey);
      return raw ? [{ idKey, raw, doc: attachRaw(decodeDocument(raw), raw) }] : [];
    });
  }
  if (!walk) return undefined;
  const view = orderedView(store, sort, strings);
  // Keyset paging (`{ field: { $gt: last } }` sorted by field) starts after the last page, as an index
  // walk would, instead of testing every document before it: walking a large collection page by page
  // stays linear.
  return collectMatches(store, filter, options, walkFrom(view.idKeys, rangeStart(view, sort, filter, strings), plan?.ids), take);
}

function* walkFrom(order: string[], start: number, allowed: ReadonlySet<string> | undefined): Generator<string> {
  for (let i = start; i < order.length; i++) if (!allowed || allowed.has(order[i])) yield order[i];
}

function firstAllowed(order: string[], allowed: ReadonlySet<string>, take: number): string[] {
  const page: string[] = [];
  for (let i = 0; i < order.length && page.length < take; i++) if (allowed.has(order[i])) page.push(order[i]);
  return page;
}

function collectMatches(store: CollectionStore, filter: Document, options: MatchOptions, idKeys: Iterable<string>, stopAfter: number): MatchedDocument[] {
  const query = (() => {
    try {
      return compileFilter(filter, options);
    } catch (error) {
      throw toServerError(error);
    }
  })();
  const matches: MatchedDocument[] = [];
  if (stopAfter <= 0) return matches;
  for (const idKey of idKeys) {
    const raw = store.get(idKey);
    if (!raw) continue;
    const doc = attachRaw(decodeDocument(raw), raw);
    let matched: boolean;
    try {
      matched = query.test(doc);
    } catch (error) {
      throw toServerError(error);
    }
    if (matched) {
      matches.push({ idKey, raw, doc });
      if (matches.length >= stopAfter) break;
    }
  }
  return matches;
}
