import type { Document } from 'bson';
import type { CollationSpec } from 'mingo/types';
import { decodeDocument } from '../bson/codec';
import { notSupported, toServerError } from '../errors';
import { compileFilter } from '../query/mingo-context';
import { attachRaw } from '../query/typed-view';
import type { CollectionStore } from '../storage/collection-store';
import { candidateIds } from '../storage/query-planner';

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

/**
 * The documents of a collection that match a filter. Equality on `_id` or on an indexed field is
 * answered from the hash indexes; anything else scans in natural order. Stops after `stopAfter` matches.
 */
export function findMatches(store: CollectionStore | undefined, filter: Document, options: MatchOptions = {}, stopAfter = Infinity): MatchedDocument[] {
  if (!store) return [];
  const query = (() => {
    try {
      return compileFilter(filter, options);
    } catch (error) {
      throw toServerError(error);
    }
  })();
  const matches: MatchedDocument[] = [];
  const consider = (idKey: string, raw: Buffer): boolean => {
    const doc = attachRaw(decodeDocument(raw), raw);
    let matched: boolean;
    try {
      matched = query.test(doc);
    } catch (error) {
      throw toServerError(error);
    }
    if (matched) matches.push({ idKey, raw, doc });
    return matches.length >= stopAfter;
  };
  const ids = candidateIds(store, filter, isCollated(options.collation));
  if (ids) {
    for (const idKey of ids) {
      const raw = store.get(idKey);
      if (raw && consider(idKey, raw)) break;
    }
  } else {
    for (const [idKey, raw] of store.docs) if (consider(idKey, raw)) break;
  }
  return matches;
}
