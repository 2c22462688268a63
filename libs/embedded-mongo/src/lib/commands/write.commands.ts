import type { Document } from 'bson';
import { decodeDocument, decodeTyped } from '../bson/codec';
import { MongoServerError } from '../errors';
import { applyUpdate, parseUpdate, upsertSeed } from '../query/update-engine';
import { collectionName, rawDocuments, type CommandHandler } from './command-context';
import { findMatches, prepareFilter } from './matching';
import { encodeUpdated, prepareInsert, writeError } from './write-support';

/**
 * insert, update and delete. Each statement succeeds or fails on its own: an ordered batch stops at the
 * first failure, an unordered one carries on, and failures come back as `writeErrors` with ok: 1.
 */

function withErrors(result: Document, writeErrors: Document[]): Document {
  return { ...result, ...(writeErrors.length ? { writeErrors } : {}), ok: 1 };
}

const insert: CommandHandler = (request, state) => {
  const store = state.catalog.ensure(request.db, collectionName(request));
  const ordered = request.body['ordered'] !== false;
  const writeErrors: Document[] = [];
  let n = 0;
  const fields = store.indexedRoots();
  rawDocuments(request, 'documents').every((input, index) => {
    try {
      const { raw, doc } = prepareInsert(input, fields);
      store.insert(raw, doc);
      n++;
      return true;
    } catch (error) {
      writeErrors.push(writeError(index, error));
      return !ordered;
    }
  });
  return withErrors({ n }, writeErrors);
};

const update: CommandHandler = (request, state) => {
  const name = collectionName(request);
  const ordered = request.body['ordered'] !== false;
  const writeErrors: Document[] = [];
  const upserted: Document[] = [];
  let n = 0;
  let nModified = 0;
  rawDocuments(request, 'updates').every((rawStatement, index) => {
    try {
      const statement = decodeDocument(rawStatement);
      const typed = decodeTyped(rawStatement);
      const filter = prepareFilter(statement['q']);
      const spec = parseUpdate(statement['u'], typed['u']);
      if (statement['multi'] && spec.kind === 'replacement') {
        throw new MongoServerError('FailedToParse', 'multi update is not supported for replacement-style update');
      }
      const options = {
        filter,
        arrayFilters: statement['arrayFilters'],
        collation: statement['collation'],
        variables: request.body['let'],
      };
      const store = state.catalog.get(request.db, name);
      const matches = findMatches(store, filter, options, statement['multi'] ? Infinity : 1);
      if (matches.length === 0 && statement['upsert']) {
        const seed = upsertSeed(filter);
        const next = applyUpdate(spec, seed, upsertSeed(prepareFilter(typed['q'])), { ...options, inserting: true });
        const raw = encodeUpdated(next);
        state.catalog.ensure(request.db, name).insert(raw, decodeDocument(raw));
        n++;
        upserted.push({ index, _id: next['_id'] });
        return true;
      }
      for (const match of matches) {
        const next = applyUpdate(spec, match.doc, decodeTyped(match.raw), { ...options, inserting: false });
        const raw = encodeUpdated(next);
        n++;
        if (raw.equals(match.raw) || !store) continue;
        store.replace(match.idKey, decodeDocument(match.raw), raw, decodeDocument(raw));
        nModified++;
      }
      return true;
    } catch (error) {
      writeErrors.push(writeError(index, error));
      return !ordered;
    }
  });
  return withErrors({ n, nModified, ...(upserted.length ? { upserted } : {}) }, writeErrors);
};

const remove: CommandHandler = (request, state) => {
  const store = state.catalog.get(request.db, collectionName(request));
  const ordered = request.body['ordered'] !== false;
  const writeErrors: Document[] = [];
  let n = 0;
  rawDocuments(request, 'deletes').every((rawStatement, index) => {
    try {
      const statement = decodeDocument(rawStatement);
      const limit = Number(statement['limit'] ?? 0);
      if (limit !== 0 && limit !== 1) throw new MongoServerError('FailedToParse', 'The limit field in delete objects must be 0 or 1. Got ' + limit);
      const matches = findMatches(store, prepareFilter(statement['q']), { collation: statement['collation'], variables: request.body['let'] }, limit === 1 ? 1 : Infinity);
      for (const match of matches) store?.delete(match.idKey, decodeDocument(match.raw));
      n += matches.length;
      return true;
    } catch (error) {
      writeErrors.push(writeError(index, error));
      return !ordered;
    }
  });
  return withErrors({ n }, writeErrors);
};

export const WRITE_COMMANDS: Record<string, CommandHandler> = { insert, update, delete: remove };
