import { ObjectId, type Document } from 'bson';
import { decodeDocument, encodeDocument } from '../bson/codec';
import { countMatches, findMatches, findSortedPage } from '../commands/matching';
import { compileFilter } from '../query/mingo-context';
import { sortDocuments } from '../query/sort';
import { stringComparer } from '../query/bson-order';
import { DISCARD_CHANGES } from './change-log';
import { CollectionStore } from './collection-store';
import { literalPrefix, planQuery } from './query-planner';

const TENANTS = [new ObjectId(), new ObjectId()];
const WORDS = ['jose', 'josefina', 'maria', 'mull', 'muller', 'palm', 'desert', 'a.b', 'a+b'];

function storeOf(count: number): CollectionStore {
  const store = new CollectionStore('db', 'contacts', {}, () => DISCARD_CHANGES);
  store.createIndex({ key: { userId: 1, tokens: 1 }, name: 'userId_1_tokens_1' });
  store.createIndex({ key: { userId: 1, createdAt: -1, _id: -1 }, name: 'userId_1_createdAt_-1__id_-1' });
  store.createIndex({ key: { userId: 1, tags: 1 }, name: 'userId_1_tags_1' });
  for (let i = 0; i < count; i++) {
    const doc: Document = {
      _id: new ObjectId(),
      userId: TENANTS[i % 2],
      tokens: [WORDS[i % WORDS.length], WORDS[(i * 7) % WORDS.length], String(7605550000 + i)],
      tags: i % 3 === 0 ? [] : [`farm-${i % 4}`],
      createdAt: new Date(Date.UTC(2026, 0, 1) + ((i * 7919) % count) * 1000),
      ...(i % 5 === 0 ? { flag: true } : {}),
    };
    store.insert(encodeDocument(doc), doc);
  }
  return store;
}

/** The answer without any index: every document evaluated, as a full scan does. */
function scan(store: CollectionStore, filter: Document): string[] {
  const query = compileFilter(filter, {});
  return [...store.docs]
    .filter(([, raw]) => query.test(decodeDocument(raw)))
    .map(([idKey]) => idKey)
    .sort();
}

describe('query planner', () => {
  const store = storeOf(5000);
  const tenant = TENANTS[0];
  const filters: Array<[string, Document]> = [
    ['tenant and an anchored prefix', { userId: tenant, tokens: { $regex: '^jose' } }],
    ['a RegExp prefix', { userId: tenant, tokens: /^mul/ }],
    ['escaped regex characters', { userId: tenant, tokens: { $regex: '^a\\.b' } }],
    ['digits of a phone', { userId: tenant, tokens: { $regex: '^760555001' } }],
    ['words in $and beside the tenant', { userId: tenant, $and: [{ tokens: { $regex: '^maria' } }, { tokens: { $regex: '^mull' } }] }],
    ['a prefix that is not a whole regex', { userId: tenant, tokens: { $regex: '^jos.*a$' } }],
    ['a case-insensitive regex', { userId: tenant, tokens: { $regex: '^JOSE', $options: 'i' } }],
    ['a tag', { userId: tenant, tags: 'farm-1' }],
    ['the tenant only', { userId: tenant }],
    ['an unindexed clause beside the tenant', { userId: tenant, flag: true }],
    ['$or of prefixes', { userId: tenant, $or: [{ tokens: { $regex: '^palm' } }, { tags: 'farm-2' }] }],
    ['a prefix and a negation', { userId: tenant, tokens: { $regex: '^desert' }, tags: { $ne: 'farm-1' } }],
  ];

  it.each(filters)('finds and counts exactly what a scan finds: %s', (_name, filter) => {
    const expected = scan(store, filter);
    expect(findMatches(store, filter).map((m) => m.idKey).sort()).toEqual(expected);
    expect(countMatches(store, filter)).toBe(expected.length);
  });

  it.each(filters)('pages in sort order exactly as sorting every match does: %s', (_name, filter) => {
    const sort = { createdAt: -1, _id: -1 };
    const all = sortDocuments(findMatches(store, filter), sort, stringComparer(), (m) => m.doc).map((m) => m.idKey);
    // The whole tenant is too many candidates to sort directly: the order gets built and then walked.
    expect(findSortedPage(store, { userId: tenant }, {}, sort, 1)).toHaveLength(1);
    const page = findSortedPage(store, filter, {}, sort, 20);
    // Only a few candidates to evaluate one by one: the caller sorts the matches itself.
    if (!page) expect(planQuery(store, filter, false)?.exact).not.toBe(true);
    else expect(page.map((m) => m.idKey)).toEqual(all.slice(0, 20));
  });

  it('serves an anchored prefix from the index exactly, so counting decodes nothing', () => {
    const plan = planQuery(store, { userId: tenant, tokens: { $regex: '^jose' } }, false);
    expect(plan?.exact).toBe(true);
    expect(plan?.ids.size).toBe(scan(store, { userId: tenant, tokens: { $regex: '^jose' } }).length);
    expect(planQuery(store, { userId: tenant, flag: true }, false)?.exact).toBe(false);
    expect(planQuery(store, { flag: true }, false)).toBeUndefined();
  });

  it('sees documents written after a sorted page was served', () => {
    const sort = { createdAt: -1, _id: -1 };
    findSortedPage(store, { userId: tenant }, {}, sort, 5);
    const newest: Document = { _id: new ObjectId(), userId: tenant, tokens: ['zed'], tags: [], createdAt: new Date(Date.UTC(2030, 0, 1)) };
    store.insert(encodeDocument(newest), newest);
    const page = findSortedPage(store, { userId: tenant }, {}, sort, 1);
    expect(page?.[0].doc['tokens']).toEqual(['zed']);
    expect(countMatches(store, { userId: tenant, tokens: { $regex: '^ze' } })).toBe(1);
  });
});

describe('keyset paging over a sorted walk', () => {
  /** Pages of `size` by `{ field: { $gt | $lt: last } }`, as a repository walks a campaign's members. */
  function walk(store: CollectionStore, base: Document, field: string, direction: 1 | -1, size: number): unknown[] {
    const seen: unknown[] = [];
    let last: unknown;
    for (;;) {
      const filter = last === undefined ? base : { ...base, [field]: { [direction === 1 ? '$gt' : '$lt']: last } };
      const page = findSortedPage(store, filter, {}, { [field]: direction }, size) ?? [];
      if (page.length === 0) return seen;
      for (const m of page) seen.push(m.doc[field]);
      last = page[page.length - 1].doc[field];
    }
  }

  function membersStore(values: unknown[]): CollectionStore {
    const store = new CollectionStore('db', 'members', {}, () => DISCARD_CHANGES);
    store.createIndex({ key: { campaignId: 1, contactId: 1 }, name: 'campaignId_1_contactId_1' });
    values.forEach((contactId, i) => {
      const doc: Document = { _id: new ObjectId(), campaignId: 'c1', userId: TENANTS[0], contactId, status: i % 10 === 0 ? 'removed' : 'active' };
      store.insert(encodeDocument(doc), doc);
    });
    return store;
  }

  it('visits every matching document once, in order, whichever way it walks', () => {
    const ids = Array.from({ length: 6000 }, () => new ObjectId());
    const store = membersStore(ids);
    const base = { campaignId: 'c1', userId: TENANTS[0], status: { $ne: 'removed' } };
    const expected = scan(store, base).map((idKey) => decodeDocument(store.get(idKey) as Buffer)['contactId'] as ObjectId);
    const ascending = walk(store, base, 'contactId', 1, 500) as ObjectId[];
    expect(ascending.map(String)).toEqual(expected.map(String).sort());
    const descending = walk(store, base, 'contactId', -1, 700) as ObjectId[];
    expect(descending.map(String)).toEqual(expected.map(String).sort().reverse());
  });

  it('still finds array values and other types that a range start must not skip', () => {
    // [1, 50] sorts by 1 ascending but matches $gt: 10; strings sort after numbers and never match it.
    const store = membersStore([...Array.from({ length: 2500 }, (_, i) => i), [1, 50], 'text']);
    const base = { campaignId: 'c1', userId: TENANTS[0] };
    const page = findSortedPage(store, { ...base, contactId: { $gt: 2490 } }, {}, { contactId: 1 }, 100) ?? [];
    expect(page.map((m) => m.doc['contactId'])).toEqual(scan(store, { ...base, contactId: { $gt: 2490 } }).map((idKey) => decodeDocument(store.get(idKey) as Buffer)['contactId']).sort((a, b) => Number(a) - Number(b)));
    const arrays = findSortedPage(store, { ...base, contactId: { $gt: 10 } }, {}, { contactId: 1 }, 5) ?? [];
    expect(arrays.map((m) => m.doc['contactId'])).toEqual([[1, 50], 11, 12, 13, 14]);
  });
});

describe('literalPrefix', () => {
  it('reads the literal start of anchored regexes and whether that is all they say', () => {
    expect(literalPrefix({ $regex: '^abc' })).toEqual({ text: 'abc', exact: true });
    expect(literalPrefix(/^a\.b\+c/)).toEqual({ text: 'a.b+c', exact: true });
    expect(literalPrefix({ $regex: '^abc?' })).toEqual({ text: 'ab', exact: false });
    expect(literalPrefix({ $regex: '^ab+' })).toEqual({ text: 'ab', exact: false });
    expect(literalPrefix({ $regex: '^ab\\d' })).toEqual({ text: 'ab', exact: false });
    expect(literalPrefix({ $regex: 'abc' })).toBeUndefined();
    expect(literalPrefix({ $regex: '^abc', $options: 'i' })).toBeUndefined();
    expect(literalPrefix({ $regex: '^abc|^x' })).toBeUndefined();
    expect(literalPrefix({ $regex: '^abc', $options: 'm' })).toBeUndefined();
  });
});
