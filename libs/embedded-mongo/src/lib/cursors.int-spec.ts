import type { CommandStartedEvent, CommandSucceededEvent, Document } from 'mongodb';
import { openTarget, type ConformanceTarget } from '../testing/conformance-target';

describe('cursors (conformance)', () => {
  let target: ConformanceTarget;
  const started: CommandStartedEvent[] = [];
  const succeeded: CommandSucceededEvent[] = [];

  beforeAll(async () => {
    target = await openTarget('cursors', { monitorCommands: true });
    target.client.on('commandStarted', (event) => started.push(event));
    target.client.on('commandSucceeded', (event) => succeeded.push(event));
    await target.db.collection('many').insertMany(Array.from({ length: 10_000 }, (_, i) => ({ i })));
  });
  afterAll(() => target.close());
  beforeEach(() => {
    started.length = 0;
    succeeded.length = 0;
  });

  const reply = (name: string): Document[] => succeeded.filter((e) => e.commandName === name).map((e) => e.reply as Document);

  it('returns a first batch of 101 and the rest by getMore', async () => {
    const docs = await target.db.collection('many').find().toArray();
    expect(docs).toHaveLength(10_000);
    const [find] = reply('find');
    expect(find['cursor'].firstBatch).toHaveLength(101);
    expect(find['cursor'].id.toString()).not.toBe('0');
    const more = reply('getMore');
    expect(more.length).toBeGreaterThan(0);
    expect(more.reduce((sum, r) => sum + r['cursor'].nextBatch.length, 0)).toBe(10_000 - 101);
    expect(more[more.length - 1]['cursor'].id.toString()).toBe('0');
  });

  it('honours batchSize 0 (an empty first batch) and batchSize on getMore', async () => {
    const cursor = target.db.collection('many').find({ i: { $lt: 25 } }).batchSize(0);
    expect(await cursor.next()).toEqual(expect.objectContaining({ i: 0 }));
    const [find] = reply('find');
    expect(find['cursor'].firstBatch).toHaveLength(0);
    await cursor.close();
    const raw = await target.db.command({ find: 'many', filter: {}, batchSize: 5 });
    expect(raw['cursor'].firstBatch).toHaveLength(5);
    const next = await target.db.command({ getMore: raw['cursor'].id, collection: 'many', batchSize: 7 });
    expect(next['cursor'].nextBatch).toHaveLength(7);
    expect(next['cursor'].nextBatch[0].i).toBe(5);
    await target.db.command({ killCursors: 'many', cursors: [raw['cursor'].id] });
  });

  it('answers singleBatch and limit without leaving a cursor open', async () => {
    const one = await target.db.command({ find: 'many', filter: { i: { $gte: 10 } }, limit: 1, singleBatch: true });
    expect(one['cursor'].firstBatch).toEqual([expect.objectContaining({ i: 10 })]);
    expect(one['cursor'].id.toString()).toBe('0');
    const limited = await target.db.collection('many').find().limit(150).toArray();
    expect(limited).toHaveLength(150);
  });

  it('kills cursors and then reports CursorNotFound (43)', async () => {
    const raw = await target.db.command({ find: 'many', filter: {}, batchSize: 2 });
    const killed = await target.db.command({ killCursors: 'many', cursors: [raw['cursor'].id] });
    expect(killed['cursorsKilled'].map(String)).toEqual([raw['cursor'].id.toString()]);
    await expect(target.db.command({ getMore: raw['cursor'].id, collection: 'many' })).rejects.toMatchObject({ code: 43, codeName: 'CursorNotFound' });
  });

  it('times idle cursors out', async () => {
    const admin = target.client.db('admin');
    await admin.command({ setParameter: 1, cursorTimeoutMillis: 300 });
    try {
      const openCursors = async (): Promise<number> => Number((await admin.command({ serverStatus: 1 }))['metrics'].cursor.open.total);
      const before = await openCursors();
      const raw = await target.db.command({ find: 'many', filter: {}, batchSize: 2 });
      expect(await openCursors()).toBe(before + 1);
      const deadline = Date.now() + 15_000;
      while ((await openCursors()) > before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
      await expect(target.db.command({ getMore: raw['cursor'].id, collection: 'many' })).rejects.toMatchObject({ code: 43 });
    } finally {
      await admin.command({ setParameter: 1, cursorTimeoutMillis: 600_000 });
    }
  });
});
