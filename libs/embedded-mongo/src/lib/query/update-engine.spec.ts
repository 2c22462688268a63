import { Double, Long } from 'bson';
import { applyUpdate, parseUpdate, upsertSeed } from './update-engine';

describe('update engine', () => {
  it('seeds an upsert from equality conditions, dotted paths and $and', () => {
    expect(upsertSeed({ a: 1, 'b.c': 'x', d: { $gt: 1 }, e: { $eq: 2 }, $and: [{ f: true }] })).toEqual({ a: 1, b: { c: 'x' }, e: 2, f: true });
  });

  it('keeps untouched doubles and Longs in their BSON type and puts _id first', () => {
    const current = { x: 1, _id: 7, price: 5, count: 3 };
    const typed = { x: 1, _id: 7, price: new Double(5), count: Long.fromNumber(3) };
    const spec = parseUpdate({ $inc: { count: 1 }, $set: { x: 2 } }, { $inc: { count: 1 }, $set: { x: 2 } });
    const next = applyUpdate(spec, current, typed, { filter: {}, inserting: false });
    expect(Object.keys(next)[0]).toBe('_id');
    expect(next['price']).toBeInstanceOf(Double);
    expect(next['count']).toBeInstanceOf(Long);
    expect(String(next['count'])).toBe('4');
  });

  it('applies $setOnInsert only when inserting', () => {
    const spec = parseUpdate({ $setOnInsert: { created: true } }, { $setOnInsert: { created: true } });
    expect(applyUpdate(spec, { _id: 1 }, { _id: 1 }, { filter: {}, inserting: false })).toEqual({ _id: 1 });
    expect(applyUpdate(spec, { _id: 1 }, { _id: 1 }, { filter: {}, inserting: true })).toEqual({ _id: 1, created: true });
  });
});
