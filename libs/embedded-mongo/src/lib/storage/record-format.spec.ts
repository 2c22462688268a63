import { BSON } from 'bson';
import { encodeRecord, readRecords } from './record-format';

describe('journal record framing', () => {
  const doc = Buffer.from(BSON.serialize({ _id: 1, a: 'x' }));
  const frames = Buffer.concat([encodeRecord({ t: 'hdr', g: 'g1' }), encodeRecord({ t: 'put', d: 'db', c: 'c' }, doc)]);

  it('round-trips a header and a document byte for byte', () => {
    const { records, validLength } = readRecords(frames);
    const all = [...records];
    expect(all.map((r) => r.meta['t'])).toEqual(['hdr', 'put']);
    expect(all[1].raw?.equals(doc)).toBe(true);
    expect(validLength()).toBe(frames.length);
  });

  it('stops at a torn or corrupted tail', () => {
    const torn = Buffer.concat([frames, encodeRecord({ t: 'del', d: 'db', c: 'c', k: 'n1' }).subarray(0, 9)]);
    const tornRead = readRecords(torn);
    expect([...tornRead.records]).toHaveLength(2);
    expect(tornRead.validLength()).toBe(frames.length);

    const corrupted = Buffer.from(frames);
    corrupted[corrupted.length - 3] ^= 0xff;
    const corruptedRead = readRecords(corrupted);
    expect([...corruptedRead.records]).toHaveLength(1);
  });
});
