import { BSON } from 'bson';
import { DocumentArena } from './document-arena';

const raw = (doc: object): Buffer => Buffer.from(BSON.serialize(doc));

describe('DocumentArena', () => {
  it('stores, replaces in place of order, deletes and iterates in insertion order', () => {
    const arena = new DocumentArena();
    arena.set('a', raw({ _id: 'a', v: 1 }));
    arena.set('b', raw({ _id: 'b', v: 2 }));
    arena.set('a', raw({ _id: 'a', v: 3, more: 'x' }));
    expect([...arena.keys()]).toEqual(['a', 'b']);
    expect(BSON.deserialize(arena.get('a') as Buffer)).toEqual({ _id: 'a', v: 3, more: 'x' });
    expect(arena.delete('b')).toBe(true);
    expect(arena.has('b')).toBe(false);
    expect(arena.size).toBe(1);
    expect(arena.bytes).toBe(raw({ _id: 'a', v: 3, more: 'x' }).length);
  });

  it('keeps earlier views valid after the document is replaced and space is compacted', () => {
    const arena = new DocumentArena();
    const big = 'x'.repeat(1024 * 1024);
    arena.set('k', raw({ _id: 'k', big, n: 0 }));
    const view = arena.get('k') as Buffer;
    for (let n = 1; n <= 80; n++) arena.set('k', raw({ _id: 'k', big, n }));
    expect(BSON.deserialize(view)['n']).toBe(0);
    expect(BSON.deserialize(arena.get('k') as Buffer)['n']).toBe(80);
  });
});
