import { Decimal128, Double, Int32, Long, MongoBulkWriteError, MongoServerError, ObjectId, UUID } from 'mongodb';
import { openTarget, type ConformanceTarget, type TestDoc } from '../testing/conformance-target';

describe('CRUD commands (conformance)', () => {
  let target: ConformanceTarget;

  beforeAll(async () => {
    target = await openTarget('crud');
  });
  afterAll(() => target.close());

  const collection = (name: string) => target.db.collection<TestDoc>(name);

  it('finds with filter, sort, projection, skip and limit', async () => {
    const c = collection('find');
    await c.insertMany([
      { _id: 1, name: 'd', age: 40, tags: ['x', 'y'] },
      { _id: 2, name: 'a', age: 20, tags: ['y'] },
      { _id: 3, name: 'c', age: 30 },
      { _id: 4, name: 'b', age: 30, tags: [] },
    ]);
    const docs = await c
      .find({ age: { $gte: 20 } }, { sort: { age: -1, name: 1 }, projection: { name: 1 }, skip: 1, limit: 2 })
      .toArray();
    expect(docs).toEqual([
      { _id: 4, name: 'b' },
      { _id: 3, name: 'c' },
    ]);
    expect(await c.find({ tags: 'y' }).sort({ _id: 1 }).toArray()).toHaveLength(2);
    expect(await c.find({ tags: { $exists: false } }).toArray()).toEqual([{ _id: 3, name: 'c', age: 30 }]);
    expect(await c.findOne({ _id: 2 }, { projection: { _id: 0, age: 1 } })).toEqual({ age: 20 });
    expect(Object.keys((await c.findOne({ _id: 1 }, { projection: { tags: 1, name: 1 } })) ?? {})).toEqual(['_id', 'name', 'tags']);
  });

  it('sorts across BSON types in MongoDB order', async () => {
    const c = collection('mixed');
    const oid = new ObjectId();
    await c.insertMany([
      { _id: 1, v: true },
      { _id: 2, v: oid },
      { _id: 3, v: 'text' },
      { _id: 4, v: 5 },
      { _id: 5, v: null },
      { _id: 6, v: new Date(0) },
      { _id: 7, v: { a: 1 } },
    ]);
    const order = (await c.find().sort({ v: 1 }).toArray()).map((d) => d._id);
    expect(order).toEqual([5, 4, 3, 7, 2, 1, 6]);
  });

  it('reports upserts with upsertedId, upsertedCount and n, and applies $setOnInsert only on insert', async () => {
    const c = collection('upserts');
    const first = await c.updateOne({ email: 'a@x.io' }, { $set: { name: 'A' }, $setOnInsert: { createdBy: 'seed' } }, { upsert: true });
    expect(first).toMatchObject({ matchedCount: 0, modifiedCount: 0, upsertedCount: 1 });
    expect(first.upsertedId).toBeInstanceOf(ObjectId);
    const second = await c.updateOne({ email: 'a@x.io' }, { $set: { name: 'B' }, $setOnInsert: { createdBy: 'other' } }, { upsert: true });
    expect(second).toMatchObject({ matchedCount: 1, modifiedCount: 1, upsertedCount: 0, upsertedId: null });
    expect(await c.findOne({ email: 'a@x.io' }, { projection: { _id: 0 } })).toEqual({ email: 'a@x.io', name: 'B', createdBy: 'seed' });

    const raw = await target.db.command({ update: 'upserts', updates: [{ q: { _id: 7 }, u: { $set: { k: 1 } }, upsert: true }] });
    expect(raw).toMatchObject({ n: 1, nModified: 0, upserted: [{ index: 0, _id: 7 }], ok: 1 });
    const noop = await c.updateOne({ _id: 7 }, { $set: { k: 1 } });
    expect(noop).toMatchObject({ matchedCount: 1, modifiedCount: 0 });
  });

  it('updates many, with arrayFilters, positional $ and pipelines', async () => {
    const c = collection('updates');
    await c.insertMany([
      { _id: 1, grades: [80, 95, 100], items: [{ k: 'a', n: 1 }, { k: 'b', n: 2 }] },
      { _id: 2, grades: [90, 101], items: [{ k: 'a', n: 5 }] },
    ]);
    const many = await c.updateMany({}, { $set: { 'grades.$[g]': 100 } }, { arrayFilters: [{ g: { $gte: 100 } }] });
    expect(many).toMatchObject({ matchedCount: 2, modifiedCount: 1 });
    expect((await c.findOne({ _id: 2 }))?.['grades']).toEqual([90, 100]);
    await c.updateOne({ _id: 1, 'items.k': 'b' }, { $inc: { 'items.$.n': 10 } });
    expect((await c.findOne({ _id: 1 }))?.['items']).toEqual([{ k: 'a', n: 1 }, { k: 'b', n: 12 }]);
    await c.updateOne({ _id: 2 }, [{ $set: { total: { $sum: '$grades' } } }]);
    expect((await c.findOne({ _id: 2 }))?.['total']).toBe(190);
    await c.replaceOne({ _id: 2 }, { replaced: true });
    expect(await c.findOne({ _id: 2 })).toEqual({ _id: 2, replaced: true });
  });

  it('refuses to change _id and to $inc a string', async () => {
    const c = collection('immutable');
    await c.insertOne({ _id: 1, s: 'text' });
    await expect(c.replaceOne({ _id: 1 }, { _id: 2 })).rejects.toMatchObject({ code: 66 });
    await expect(c.updateOne({ _id: 1 }, { $inc: { s: 1 } })).rejects.toMatchObject({ code: 14 });
  });

  it('deletes one and many', async () => {
    const c = collection('deletes');
    await c.insertMany([{ g: 1 }, { g: 1 }, { g: 2 }]);
    expect((await c.deleteOne({ g: 1 })).deletedCount).toBe(1);
    expect((await c.deleteMany({})).deletedCount).toBe(2);
  });

  it('findAndModify with new, upsert, remove, sort and fields', async () => {
    const c = collection('fam');
    await c.insertMany([
      { _id: 1, q: 'x', n: 1 },
      { _id: 2, q: 'x', n: 2 },
    ]);
    const after = await c.findOneAndUpdate({ q: 'x' }, { $inc: { n: 10 } }, { sort: { n: -1 }, returnDocument: 'after', projection: { n: 1 } });
    expect(after).toEqual({ _id: 2, n: 12 });
    const before = await c.findOneAndUpdate({ _id: 1 }, { $set: { n: 5 } }, { returnDocument: 'before', includeResultMetadata: true });
    expect(before.value).toEqual({ _id: 1, q: 'x', n: 1 });
    expect(before.lastErrorObject).toEqual({ n: 1, updatedExisting: true });
    const upserted = await c.findOneAndUpdate({ _id: 3 }, { $set: { q: 'y' } }, { upsert: true, returnDocument: 'after', includeResultMetadata: true });
    expect(upserted.value).toEqual({ _id: 3, q: 'y' });
    expect(upserted.lastErrorObject).toEqual({ n: 1, updatedExisting: false, upserted: 3 });
    const missing = await c.findOneAndUpdate({ _id: 99 }, { $set: { q: 'z' } }, { includeResultMetadata: true });
    expect(missing.value).toBeNull();
    expect(missing.lastErrorObject).toEqual({ n: 0, updatedExisting: false });
    const removed = await c.findOneAndDelete({ q: 'x' }, { sort: { n: 1 } });
    expect(removed).toEqual({ _id: 1, q: 'x', n: 5 });
    expect(await c.countDocuments()).toBe(2);
  });

  it('stops an ordered insertMany at the first error and continues an unordered one', async () => {
    const ordered = collection('ordered');
    const error = await ordered.insertMany([{ _id: 1 }, { _id: 1 }, { _id: 2 }]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MongoBulkWriteError);
    expect((error as MongoBulkWriteError).insertedCount).toBe(1);
    expect((error as MongoBulkWriteError).writeErrors).toHaveLength(1);
    expect(await ordered.countDocuments()).toBe(1);

    const unordered = collection('unordered');
    const error2 = (await unordered.insertMany([{ _id: 1 }, { _id: 1 }, { _id: 2 }], { ordered: false }).catch((e: unknown) => e)) as MongoBulkWriteError;
    expect(error2.insertedCount).toBe(2);
    expect(error2.writeErrors).toHaveLength(1);
    expect([error2.writeErrors].flat()[0]).toMatchObject({ index: 1, code: 11000 });
    expect(await unordered.countDocuments()).toBe(2);
  });

  it('counts and lists distinct values', async () => {
    const c = collection('distinct');
    await c.insertMany([{ t: ['a', 'b'] }, { t: 'b' }, { t: null }, {}]);
    expect(await c.distinct('t')).toEqual([null, 'a', 'b']);
    expect(await c.estimatedDocumentCount()).toBe(4);
    expect(await c.countDocuments({ t: 'b' })).toBe(2);
    expect((await target.db.command({ count: 'distinct', query: { t: { $ne: null } }, skip: 1 }))['n']).toBe(1);
  });

  it('keeps BSON types intact: Double, Int32, Long, Decimal128, UUID, Date, null versus missing', async () => {
    const c = collection('types');
    const uuid = new UUID();
    const doc = {
      _id: 1,
      double: new Double(5),
      int: new Int32(5),
      long: Long.fromString('9007199254740993'),
      decimal: Decimal128.fromString('10.50'),
      uuid,
      date: new Date('2024-01-01T00:00:00Z'),
      nothing: null,
    };
    await c.insertOne(doc);
    await c.updateOne({ _id: 1 }, { $set: { other: new Double(7) } });
    const back = await c.findOne({ _id: 1 }, { promoteValues: false, promoteLongs: false });
    expect(back?.['double']).toBeInstanceOf(Double);
    expect(back?.['other']).toBeInstanceOf(Double);
    expect(back?.['int']).toBeInstanceOf(Int32);
    expect(String(back?.['long'])).toBe('9007199254740993');
    expect(String(back?.['decimal'])).toBe('10.50');
    expect(((await c.findOne({ _id: 1 }))?.['uuid'] as UUID).toHexString()).toBe(uuid.toHexString());
    expect(await c.countDocuments({ nothing: null })).toBe(1);
    expect(await c.countDocuments({ absent: null })).toBe(1);
    expect(await c.countDocuments({ nothing: { $exists: false } })).toBe(0);
    expect(await c.countDocuments({ double: { $type: 'double' } })).toBe(1);
    expect(await c.countDocuments({ int: { $type: 'int' } })).toBe(1);
    expect(await c.countDocuments({ double: { $type: 'int' } })).toBe(0);
    expect(await c.countDocuments({ long: { $type: 'long' } })).toBe(1);
    expect(await target.db.command({ count: 'types', query: { _id: { $type: 'number' } } })).toMatchObject({ n: 1 });
    expect(await c.countDocuments({ uuid: { $type: 'binData' } })).toBe(1);
    expect(await c.countDocuments({ decimal: { $type: 19 } })).toBe(1);
    expect(await c.countDocuments({ decimal: { $gt: 10 } })).toBe(1);
    expect(await c.countDocuments({ decimal: { $gt: 11 } })).toBe(0);
    expect(await c.countDocuments({ long: { $gt: Long.fromString('9007199254740992') } })).toBe(1);
  });

  it('matches ObjectId with $type objectId and compares it across documents', async () => {
    const c = collection('oids');
    const ids = [new ObjectId(), new ObjectId()];
    await c.insertMany(ids.map((ref) => ({ ref })));
    expect(await c.countDocuments({ ref: { $type: 'objectId' } })).toBe(2);
    expect(await c.countDocuments({ ref: { $in: [ids[1]] } })).toBe(1);
  });

  it('applies collation to equality as well as sorting', async () => {
    const c = collection('collation');
    await c.insertMany([{ name: 'Alice' }, { name: 'bob' }]);
    expect(await c.countDocuments({ name: 'alice' }, { collation: { locale: 'en', strength: 2 } })).toBe(1);
    expect(await c.countDocuments({ name: 'alice' })).toBe(0);
  });

  it('answers an unknown command with CommandNotFound (59)', async () => {
    const error = (await target.db.command({ noSuchCommand: 1 }).catch((e: unknown) => e)) as MongoServerError;
    expect(error).toBeInstanceOf(MongoServerError);
    expect(error.code).toBe(59);
    expect(error.codeName).toBe('CommandNotFound');
  });

  it('answers transactions as a standalone: IllegalOperation (20)', async () => {
    const error = (await target.db
      .command({ insert: 'txn', documents: [{ a: 1 }], txnNumber: Long.fromNumber(1), autocommit: false, startTransaction: true, lsid: { id: new UUID() } })
      .catch((e: unknown) => e)) as MongoServerError;
    expect(error.code).toBe(20);
    expect(error.message).toBe('Transaction numbers are only allowed on a replica set member or mongos');
  });

  it('creates, lists, renames and drops collections', async () => {
    await target.db.createCollection('made');
    await expect(target.db.createCollection('made')).rejects.toMatchObject({ code: 48 });
    await target.db.collection('made').insertOne({ a: 1 });
    await target.db.renameCollection('made', 'renamed');
    const names = (await target.db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name);
    expect(names).toContain('renamed');
    expect(names).not.toContain('made');
    expect(await target.db.collection('renamed').countDocuments()).toBe(1);
    expect(await target.db.collection('renamed').drop()).toBe(true);
    const dbs = await target.client.db('admin').admin().listDatabases();
    expect(dbs.databases.map((d) => d.name)).toContain(target.dbName);
  });

  it('answers handshake and startup commands', async () => {
    const hello = await target.db.command({ hello: 1 });
    expect(hello).toMatchObject({ isWritablePrimary: true, maxBsonObjectSize: 16777216, maxMessageSizeBytes: 48000000, ok: 1 });
    expect(hello['setName']).toBeUndefined();
    expect(await target.db.command({ ping: 1 })).toEqual({ ok: 1 });
    expect((await target.db.admin().buildInfo())['version']).toMatch(/^\d+\.\d+/);
    expect((await target.db.admin().command({ getParameter: 1, featureCompatibilityVersion: 1 }))['ok']).toBe(1);
    expect(((await target.db.admin().serverStatus())['connections'] as { current: number }).current).toBeGreaterThan(0);
    expect((await target.db.stats())['ok']).toBe(1);
  });
});
