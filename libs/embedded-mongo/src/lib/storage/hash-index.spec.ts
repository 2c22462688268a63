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

  it('keys each element of a multikey field beside the single values of a compound key', () => {
    const index = new HashIndex({ key: { user: 1, tokens: 1, n: 1 }, name: 'user_1_tokens_1_n_1' });
    const entries = index.entriesFor({ user: 'u', tokens: ['jose', 'palm', 'jose'], n: 2 });
    expect(entries.map((e) => e.values)).toEqual([['u', 'jose', 2], ['u', 'palm', 2]]);
    expect(entries.map((e) => e.key)).toEqual(entries.map((e) => index.keyOf(e.values)));
  });

  it('refuses parallel arrays in a compound key', () => {
    const index = new HashIndex({ key: { a: 1, b: 1 }, name: 'a_1_b_1' });
    expect(() => index.entriesFor({ a: [1, 2], b: [3, 4] })).toThrow(/parallel arrays/);
  });

  it('scans key prefixes in order and stays right as keys come, go and come back', () => {
    const index = new HashIndex({ key: { tokens: 1 }, name: 'tokens_1' });
    const holders = (prefix: string) => {
      const ids = new Set<string>();
      index.collectPrefix(`s${prefix}`, ids);
      return [...ids].sort();
    };
    index.add('a', index.entriesFor({ tokens: ['jose', 'garcia'] }));
    index.add('b', index.entriesFor({ tokens: ['josefina', 'jo'] }));
    expect(holders('jos')).toEqual(['a', 'b']);
    index.add('c', index.entriesFor({ tokens: ['josh'] }));
    index.remove('a', index.entriesFor({ tokens: ['jose', 'garcia'] }));
    expect(holders('jos')).toEqual(['b', 'c']);
    expect(holders('gar')).toEqual([]);
    index.add('a', index.entriesFor({ tokens: ['jose'] }));
    expect(holders('jose')).toEqual(['a', 'b']);
    expect(holders('jo')).toEqual(['a', 'b', 'c']);
  });
});
