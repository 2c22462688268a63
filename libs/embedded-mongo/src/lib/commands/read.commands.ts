import { Long, type Document } from 'bson';
import type { CollationSpec } from 'mingo/types';
import { decodeDocument } from '../bson/codec';
import { MongoServerError, notSupported, toServerError } from '../errors';
import { compareValues, stringComparer } from '../query/bson-order';
import { compilePipeline } from '../query/mingo-context';
import { expandLeafArrays, pathValues } from '../query/path-values';
import { projectDocuments } from '../query/projection';
import { sortDocuments } from '../query/sort';
import { valueKey } from '../query/value-key';
import { attachRaw } from '../query/typed-view';
import type { CollectionStore } from '../storage/collection-store';
import { collectionName, type CommandHandler, type CommandRequest, type ServerState } from './command-context';
import { CursorRegistry, DEFAULT_FIRST_BATCH, type CursorItem } from './cursor-registry';
import { cursorReply } from './cursor-reply';
import { countMatches, findMatches, findSortedPage, prepareFilter, type MatchedDocument } from './matching';

/** find, getMore, killCursors, aggregate, count and distinct. */

function nonNegative(value: unknown, field: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new MongoServerError('BadValue', `${field} value must be non-negative, but received: ${String(value)}`);
  return n;
}

function checkHint(store: CollectionStore | undefined, hint: unknown): void {
  if (hint === undefined || !store) return;
  const specs = store.indexSpecs();
  const found =
    typeof hint === 'string'
      ? specs.some((spec) => spec.name === hint)
      : typeof hint === 'object' && hint !== null &&
        (Object.keys(hint).length === 0 || specs.some((spec) => valueKey(spec.key) === valueKey(hint)));
  if (!found) throw new MongoServerError('BadValue', 'error processing query: planner returned error :: caused by :: hint provided does not correspond to an existing index');
}

/** Sends the first batch and keeps the rest behind a cursor, unless everything fits or singleBatch. */
function firstBatch(request: CommandRequest, state: ServerState, ns: string, items: CursorItem[], batchSize: number | undefined, singleBatch: boolean): Buffer {
  const cursor = { items, position: 0 };
  const batch = CursorRegistry.takeBatch(cursor, batchSize ?? DEFAULT_FIRST_BATCH);
  const exhausted = cursor.position >= items.length;
  const id = exhausted || singleBatch ? 0n : state.cursors.open(ns, items, cursor.position, !!request.body['noCursorTimeout']);
  return cursorReply(ns, id, 'firstBatch', batch);
}

const find: CommandHandler = (request, state) => {
  const { body } = request;
  const name = collectionName(request);
  if (body['tailable']) throw new MongoServerError('BadValue', `error processing query: ns=${request.db}.${name} tailable cursor requested on non capped collection`);
  const store = state.catalog.get(request.db, name);
  checkHint(store, body['hint']);
  const filter = prepareFilter(body['filter']);
  const options = { collation: body['collation'] as CollationSpec | undefined, variables: body['let'] };
  const rawLimit = Number(body['limit'] ?? 0);
  const singleBatch = !!body['singleBatch'] || rawLimit < 0;
  const limit = Math.abs(rawLimit) || undefined;
  const skip = nonNegative(body['skip'], 'skip') ?? 0;
  const batchSize = nonNegative(body['batchSize'], 'batchSize');
  const sort = body['sort'] && Object.keys(body['sort']).length ? body['sort'] : undefined;

  const sortedPage = sort && limit !== undefined ? findSortedPage(store, filter, options, sort, skip + limit) : undefined;
  let matches: MatchedDocument[];
  if (sortedPage) matches = sortedPage;
  else {
    matches = findMatches(store, filter, options, !sort && limit !== undefined ? skip + limit : Infinity);
    if (sort) matches = sortDocuments(matches, sort, stringComparer(options.collation), (m) => m.doc);
  }
  matches = matches.slice(skip, limit === undefined ? undefined : skip + limit);
  const items: CursorItem[] =
    body['projection'] && Object.keys(body['projection']).length
      ? projectDocuments(matches.map((m) => m.doc), body['projection'], filter, options)
      : matches.map((m) => m.raw);
  return firstBatch(request, state, `${request.db}.${name}`, items, batchSize, singleBatch);
};

function cursorId(value: unknown): bigint {
  if (value instanceof Long) return value.toBigInt();
  if (typeof value === 'number' || typeof value === 'bigint') return BigInt(value);
  throw new MongoServerError('TypeMismatch', "BSON field 'getMore.getMore' is the wrong type, expected type 'long'");
}

const getMore: CommandHandler = (request, state) => {
  const id = cursorId(request.body['getMore']);
  const cursor = state.cursors.get(id);
  if (!cursor) throw new MongoServerError('CursorNotFound', `cursor id ${id} not found`);
  const batchSize = nonNegative(request.body['batchSize'], 'batchSize') || undefined;
  const batch = CursorRegistry.takeBatch(cursor, batchSize);
  const exhausted = cursor.position >= cursor.items.length;
  if (exhausted) state.cursors.kill(id);
  return cursorReply(cursor.ns, exhausted ? 0n : id, 'nextBatch', batch);
};

const killCursors: CommandHandler = (request, state) => {
  const ids = (request.body['cursors'] ?? []) as unknown[];
  const killed: Long[] = [];
  const notFound: Long[] = [];
  for (const value of ids) {
    const id = cursorId(value);
    (state.cursors.kill(id) ? killed : notFound).push(Long.fromBigInt(id));
  }
  return { cursorsKilled: killed, cursorsNotFound: notFound, cursorsAlive: [], cursorsUnknown: [], ok: 1 };
};

const aggregate: CommandHandler = (request, state) => {
  const { body } = request;
  if (body['explain']) throw notSupported('explain');
  if (typeof body['cursor'] !== 'object' || body['cursor'] === null) {
    throw new MongoServerError('FailedToParse', "The 'cursor' option is required, except for aggregate with the explain argument");
  }
  if (!Array.isArray(body['pipeline'])) throw new MongoServerError('TypeMismatch', "'pipeline' option must be specified as an array");
  const onCollection = typeof body['aggregate'] === 'string';
  const name = onCollection ? collectionName(request) : '$cmd.aggregate';
  const store = onCollection ? state.catalog.get(request.db, name) : undefined;
  checkHint(store, body['hint']);
  const options = { collation: body['collation'] as CollationSpec | undefined, variables: body['let'] };
  const pipeline = [...(body['pipeline'] as Document[])];

  // A leading $match is answered like a find filter, so its equalities can use the indexes; a count
  // (the driver's countDocuments: $match then a constant $group summing 1) may need no document at all.
  const counted = onCollection ? countPipeline(pipeline) : undefined;
  if (counted) {
    const n = countMatches(store, prepareFilter(counted.match), options);
    const batchSize = nonNegative((body['cursor'] as Document)['batchSize'], 'batchSize');
    return firstBatch(request, state, `${request.db}.${name}`, n > 0 ? [{ _id: counted.groupId, [counted.field]: n }] : [], batchSize, false);
  }
  let source: Document[];
  if (!onCollection) source = [];
  else if (pipeline[0] && '$match' in pipeline[0]) {
    source = findMatches(store, prepareFilter(pipeline.shift()?.['$match']), options).map((m) => m.doc);
  } else {
    source = store ? [...store.docs.values()].map((raw) => attachRaw(decodeDocument(raw), raw)) : [];
  }
  const collectionResolver = (foreign: string): Document[] =>
    [...(state.catalog.get(request.db, foreign)?.docs.values() ?? [])].map((raw) => decodeDocument(raw));
  let results: Document[];
  try {
    results = compilePipeline(pipeline, { ...options, collectionResolver }).run(source);
  } catch (error) {
    throw toServerError(error);
  }
  const batchSize = nonNegative((body['cursor'] as Document)['batchSize'], 'batchSize');
  return firstBatch(request, state, `${request.db}.${name}`, results, batchSize, false);
};

/** `[{ $match }, { $group: { _id: <constant>, n: { $sum: 1 } } }]`, the shape of a count. */
function countPipeline(pipeline: Document[]): { match: unknown; groupId: unknown; field: string } | undefined {
  if (pipeline.length !== 2 || Object.keys(pipeline[0]).length !== 1 || !('$match' in pipeline[0])) return undefined;
  const stage = pipeline[1];
  if (Object.keys(stage).length !== 1 || typeof stage['$group'] !== 'object' || stage['$group'] === null) return undefined;
  const group = stage['$group'] as Document;
  const groupId = group['_id'];
  const constant = groupId === null || typeof groupId === 'number' || (typeof groupId === 'string' && !groupId.startsWith('$'));
  const fields = Object.keys(group).filter((key) => key !== '_id');
  if (!constant || fields.length !== 1) return undefined;
  const accumulator = group[fields[0]] as Document;
  const sumsOne = typeof accumulator === 'object' && accumulator !== null && Object.keys(accumulator).length === 1 && accumulator['$sum'] === 1;
  return sumsOne ? { match: pipeline[0]['$match'], groupId, field: fields[0] } : undefined;
}

const count: CommandHandler = (request, state) => {
  const { body } = request;
  const store = state.catalog.get(request.db, collectionName(request));
  checkHint(store, body['hint']);
  const filter = prepareFilter(body['query']);
  const skip = nonNegative(body['skip'], 'skip') ?? 0;
  const limit = Math.abs(Number(body['limit'] ?? 0)) || Infinity;
  const total = countMatches(store, filter, { collation: body['collation'] });
  return { n: Math.max(0, Math.min(total - skip, limit)), ok: 1 };
};

const distinct: CommandHandler = (request, state) => {
  const { body } = request;
  if (typeof body['key'] !== 'string') throw new MongoServerError('TypeMismatch', "BSON field 'distinct.key' is missing but a required field");
  const store = state.catalog.get(request.db, collectionName(request));
  const matches = findMatches(store, prepareFilter(body['query']), { collation: body['collation'] });
  const seen = new Map<string, unknown>();
  for (const { doc } of matches) {
    for (const value of expandLeafArrays(pathValues(doc, body['key']))) {
      if (value !== undefined) seen.set(valueKey(value), value);
    }
  }
  const strings = stringComparer(body['collation']);
  return { values: [...seen.values()].sort((a, b) => compareValues(a, b, strings)), ok: 1 };
};

export const READ_COMMANDS: Record<string, CommandHandler> = { find, getMore, killCursors, aggregate, count, distinct };
