import { ObjectId, type Document } from 'bson';
import { decodeDocument, encodeDocument } from '../bson/codec';
import { findMatches } from '../commands/matching';
import { prepareInsert } from '../commands/write-support';
import { DISCARD_CHANGES } from './change-log';
import { CollectionStore } from './collection-store';

function contacts(): CollectionStore {
  const store = new CollectionStore('db', 'contacts', {}, () => DISCARD_CHANGES);
  store.createIndex({ key: { userId: 1, dedupeKeys: 1 }, name: 'userId_1_dedupeKeys_1', unique: true });
  store.createIndex({ key: { userId: 1, 'history.ids': 1 }, name: 'userId_1_history.ids_1' });
  return store;
}

describe('CollectionStore inserts decoding only the indexed fields', () => {
  it('names the top-level fields its indexes read, and none once a partial index may read any', () => {
    const store = contacts();
    expect([...(store.indexedRoots() ?? [])].sort()).toEqual(['_id', 'dedupeKeys', 'history', 'userId']);
    store.createIndex({ key: { zip: 1 }, name: 'zip_1', partialFilterExpression: { live: true } });
    expect(store.indexedRoots()).toBeUndefined();
    store.dropIndex('zip_1');
    expect(store.indexedRoots()?.has('zip')).toBe(false);
  });

  it('stores the whole document and indexes it as a full decode would', () => {
    const store = contacts();
    const userId = new ObjectId();
    const doc: Document = { _id: new ObjectId(), name: 'José', userId, dedupeKeys: ['p:+17605550100'], history: { ids: [7] }, notes: 'x'.repeat(200) };
    const { raw, doc: partial } = prepareInsert(encodeDocument(doc), store.indexedRoots());
    expect(Object.keys(partial).sort()).toEqual(['_id', 'dedupeKeys', 'history', 'userId']);
    store.insert(raw, partial);

    const [found] = findMatches(store, { userId, dedupeKeys: 'p:+17605550100' });
    expect(decodeDocument(found.raw)).toEqual(doc);
    expect(findMatches(store, { userId, 'history.ids': 7 })).toHaveLength(1);
    const duplicate = prepareInsert(encodeDocument({ ...doc, _id: new ObjectId() }), store.indexedRoots());
    expect(() => store.insert(duplicate.raw, duplicate.doc)).toThrow(/duplicate key/);
  });
});
