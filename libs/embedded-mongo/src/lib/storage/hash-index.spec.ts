import { HashIndex } from './hash-index';

describe('HashIndex', () => {
  it('indexes each element of an array (multikey) and a missing field as null', () => {
    const index = new HashIndex({ key: { tags: 1 }, name: 'tags_1' });
    expect(index.entriesFor({ tags: ['a', 'b', 'a'] }).map((e) => e.values[0])).toEqual(['a', 'b']);
    expect(index.entriesFor({}).map((e) => e.values[0])).toEqual([undefined]);
  });

  it('leaves out documents a sparse or partial index does not cover', () => {
    expect(new HashIndex({ key: { a: 1 }, name: 'a_1', sparse: true }).entriesFor({ b: 1 })).toEqual([]);
    const partial = new HashIndex({ key: { a: 1 }, name: 'a_1', partialFilterExpression: { live: true } });
    expect(partial.entriesFor({ a: 1, live: false })).toEqual([]);
    expect(partial.entriesFor({ a: 1, live: true })).toHaveLength(1);
    expect(partial.complete).toBe(false);
  });

  it('finds unique conflicts held by another document only', () => {
    const index = new HashIndex({ key: { a: 1, b: 1 }, name: 'a_1_b_1', unique: true });
    const entries = index.entriesFor({ a: 1, b: 'x' });
    index.add('id1', entries);
    expect(index.conflict(entries, 'id1')).toBeUndefined();
    expect(index.conflict(index.entriesFor({ a: 1.0, b: 'x' }), 'id2')?.values).toEqual([1, 'x']);
    index.remove('id1', entries);
    expect(index.lookup(entries[0].key)).toEqual([]);
  });

  it('refuses parallel arrays in a compound key', () => {
    const index = new HashIndex({ key: { a: 1, b: 1 }, name: 'a_1_b_1' });
    expect(() => index.entriesFor({ a: [1, 2], b: [3, 4] })).toThrow(/parallel arrays/);
  });
});
