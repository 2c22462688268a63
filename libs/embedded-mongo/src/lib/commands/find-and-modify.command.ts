import type { Document } from 'bson';
import { decodeDocument, decodeTyped, encodeDocument } from '../bson/codec';
import { RawDocumentBuilder } from '../bson/raw-document';
import { MongoServerError } from '../errors';
import { stringComparer } from '../query/bson-order';
import { projectDocuments } from '../query/projection';
import { sortDocuments } from '../query/sort';
import { applyUpdate, parseUpdate, upsertSeed } from '../query/update-engine';
import { collectionName, type CommandHandler } from './command-context';
import { findMatches, prepareFilter, type MatchedDocument } from './matching';
import { encodeUpdated } from './write-support';

/**
 * findAndModify. Unlike the write commands, a failure here (E11000 included) is a command error, with
 * keyPattern and keyValue at the top level, as MongoDB answers it.
 */
export const findAndModify: CommandHandler = (request, state) => {
  const { body } = request;
  const name = collectionName(request);
  const filter = prepareFilter(body['query']);
  const options = { collation: body['collation'], variables: body['let'] };
  if (body['remove'] && body['update'] !== undefined) throw new MongoServerError('FailedToParse', 'Cannot specify both an update and remove=true');
  if (!body['remove'] && body['update'] === undefined) throw new MongoServerError('FailedToParse', 'Either an update or remove=true must be specified');
  if (body['remove'] && body['upsert']) throw new MongoServerError('FailedToParse', 'Cannot specify both upsert=true and remove=true');

  const store = state.catalog.get(request.db, name);
  const target = firstMatch(findMatches(store, filter, options, body['sort'] ? Infinity : 1), body['sort'], body['collation']);
  const reply = (lastErrorObject: Document, value: Buffer | null): Buffer => {
    const builder = new RawDocumentBuilder().document('lastErrorObject', encodeDocument(lastErrorObject));
    const projected = value && body['fields'] ? encodeDocument(projectDocuments([decodeDocument(value)], body['fields'], filter, options)[0]) : value;
    return (projected ? builder.document('value', projected) : builder.null('value')).double('ok', 1).build();
  };

  if (body['remove']) {
    if (!target || !store) return reply({ n: 0 }, null);
    store.delete(target.idKey, decodeDocument(target.raw));
    return reply({ n: 1 }, target.raw);
  }

  const typedUpdate = decodeTyped(request.rawBody)['update'];
  const spec = parseUpdate(body['update'], typedUpdate);
  const applyOptions = { ...options, filter, arrayFilters: body['arrayFilters'] };
  if (target && store) {
    const next = applyUpdate(spec, target.doc, decodeTyped(target.raw), { ...applyOptions, inserting: false });
    const raw = encodeUpdated(next);
    if (!raw.equals(target.raw)) store.replace(target.idKey, decodeDocument(target.raw), raw, decodeDocument(raw));
    return reply({ n: 1, updatedExisting: true }, body['new'] ? raw : target.raw);
  }
  if (!body['upsert']) return reply({ n: 0, updatedExisting: false }, null);
  const typedFilter = prepareFilter(decodeTyped(request.rawBody)['query']);
  const next = applyUpdate(spec, upsertSeed(filter), upsertSeed(typedFilter), { ...applyOptions, inserting: true });
  const raw = encodeUpdated(next);
  state.catalog.ensure(request.db, name).insert(raw, decodeDocument(raw));
  return reply({ n: 1, updatedExisting: false, upserted: next['_id'] }, body['new'] ? raw : null);
};

function firstMatch(matches: MatchedDocument[], sort: Document | undefined, collation: Document | undefined): MatchedDocument | undefined {
  if (!sort || matches.length < 2) return matches[0];
  return sortDocuments(matches, sort, stringComparer(collation as { locale: string }), (m) => m.doc)[0];
}
