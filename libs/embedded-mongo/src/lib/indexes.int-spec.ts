import { MongoServerError } from 'mongodb';
import { openTarget, type ConformanceTarget, type TestDoc } from '../testing/conformance-target';

describe('indexes (conformance)', () => {
  let target: ConformanceTarget;

  beforeAll(async () => {
    target = await openTarget('indexes');
  });
  afterAll(() => target.close());

  const collection = (name: string) => target.db.collection<TestDoc>(name);

  async function failure(promise: Promise<unknown>): Promise<MongoServerError> {
    const error = await promise.then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(MongoServerError);
    return error as MongoServerError;
  }

  function expectDuplicate(error: MongoServerError, ns: string, index: string, key: string, keyValue: object): void {
    expect(error.code).toBe(11000);
    expect(error.message).toContain(`E11000 duplicate key error collection: ${ns} index: ${index} dup key: ${key}`);
    expect(error.errorResponse['keyValue']).toEqual(keyValue);
  }

  it('answers duplicates from insert, update, upsert and findAndModify in MongoDB shape', async () => {
    const users = collection('users');
    await users.createIndex({ email: 1 }, { unique: true });
    await users.insertOne({ _id: 1, email: 'x' });
    await users.insertOne({ _id: 2, email: 'y' });
    const ns = `${target.dbName}.users`;

    const insert = await failure(users.insertOne({ email: 'x' }));
    expectDuplicate(insert, ns, 'email_1', '{ email: "x" }', { email: 'x' });
    expect(insert.errorResponse['keyPattern']).toEqual({ email: 1 });

    expectDuplicate(await failure(users.updateOne({ _id: 2 }, { $set: { email: 'x' } })), ns, 'email_1', '{ email: "x" }', { email: 'x' });
    expectDuplicate(await failure(users.updateOne({ _id: 3 }, { $set: { email: 'y' } }, { upsert: true })), ns, 'email_1', '{ email: "y" }', { email: 'y' });
    const fam = await failure(users.findOneAndUpdate({ _id: 2 }, { $set: { email: 'x' } }));
    expectDuplicate(fam, ns, 'email_1', '{ email: "x" }', { email: 'x' });
    // A command error (findAndModify) names its code; a write error (insert, update) does not.
    expect(fam.codeName).toBe('DuplicateKey');
    expect(fam.errorResponse['keyPattern']).toEqual({ email: 1 });
    expectDuplicate(await failure(users.insertOne({ _id: 1 })), ns, '_id_', '{ _id: 1 }', { _id: 1 });
    expect(await users.countDocuments()).toBe(2);
  });

  it('enforces compound, sparse, partial and multikey unique indexes', async () => {
    const c = collection('kinds');
    await c.createIndex({ tenant: 1, email: 1 }, { unique: true });
    await c.insertMany([{ tenant: 'a', email: 'x' }, { tenant: 'b', email: 'x' }]);
    const compound = await failure(c.insertOne({ tenant: 'a', email: 'x' }));
    expect(compound.message).toContain('index: tenant_1_email_1 dup key: { tenant: "a", email: "x" }');

    const sparse = collection('sparse');
    await sparse.createIndex({ code: 1 }, { unique: true, sparse: true });
    await sparse.insertMany([{ a: 1 }, { a: 2 }, { code: 'c' }]);
    await failure(sparse.insertOne({ code: 'c' }));

    const missing = collection('missing');
    await missing.createIndex({ code: 1 }, { unique: true });
    await missing.insertOne({ a: 1 });
    expectDuplicate(await failure(missing.insertOne({ a: 2 })), `${target.dbName}.missing`, 'code_1', '{ code: null }', { code: null });

    const partial = collection('partial');
    await partial.createIndex({ email: 1 }, { unique: true, partialFilterExpression: { active: true } });
    await partial.insertMany([{ email: 'p', active: false }, { email: 'p', active: false }, { email: 'p', active: true }]);
    await failure(partial.insertOne({ email: 'p', active: true }));

    const multikey = collection('multikey');
    await multikey.createIndex({ tags: 1 }, { unique: true });
    await multikey.insertOne({ tags: ['a', 'b'] });
    expectDuplicate(await failure(multikey.insertOne({ tags: ['c', 'b'] })), `${target.dbName}.multikey`, 'tags_1', '{ tags: "b" }', { tags: 'b' });
    expect(await multikey.countDocuments({ tags: 'b' })).toBe(1);
  });

  it('refuses a unique index over existing duplicates', async () => {
    const c = collection('existing');
    await c.insertMany([{ k: 1 }, { k: 1 }]);
    const error = await failure(c.createIndex({ k: 1 }, { unique: true }));
    expect(error.code).toBe(11000);
    expect(error.message).toContain('E11000 duplicate key error collection');
    expect((await c.listIndexes().toArray()).map((i) => i.name)).toEqual(['_id_']);
  });

  it('lists, recreates idempotently and drops indexes', async () => {
    const c = collection('listing');
    await c.createIndex({ a: 1 });
    await c.createIndex({ a: 1 });
    await c.createIndex({ b: -1 }, { name: 'custom', sparse: true });
    const indexes = await c.listIndexes().toArray();
    expect(indexes.map((i) => i.name)).toEqual(['_id_', 'a_1', 'custom']);
    expect(indexes[2]).toMatchObject({ key: { b: -1 }, sparse: true });
    await expect(c.createIndex({ c: 1 }, { name: 'custom' })).rejects.toMatchObject({ code: 86 });
    await c.dropIndex('a_1');
    await expect(c.dropIndex('a_1')).rejects.toMatchObject({ code: 27 });
    await expect(c.dropIndex('_id_')).rejects.toMatchObject({ code: 72 });
    await c.dropIndexes();
    expect((await c.listIndexes().toArray()).map((i) => i.name)).toEqual(['_id_']);
    const missing = await failure(collection('nowhere').listIndexes().toArray());
    expect(missing.codeName).toBe('NamespaceNotFound');
  });

  it('serves equality and $in on indexed fields (results equal a scan)', async () => {
    const c = collection('lookups');
    await c.createIndex({ k: 1 });
    await c.insertMany(Array.from({ length: 500 }, (_, i) => ({ _id: i, k: i % 50, n: i })));
    expect(await c.countDocuments({ k: 7 })).toBe(10);
    expect(await c.countDocuments({ k: { $in: [1, 2, 3] } })).toBe(30);
    expect(await c.countDocuments({ k: 7, n: { $gt: 300 } })).toBe(4);
    expect(await c.countDocuments({ _id: { $in: [1, 2, 999] } })).toBe(2);
    expect(await c.countDocuments({ $or: [{ k: 1 }, { _id: 2 }] })).toBe(11);
    expect(await c.countDocuments({ k: 7.0 })).toBe(10);
  });

  it('expires documents through a TTL index', async () => {
    await target.client.db('admin').command({ setParameter: 1, ttlMonitorSleepSecs: 1 });
    const c = collection('sessions');
    await c.createIndex({ createdAt: 1 }, { expireAfterSeconds: 0 });
    await c.insertMany([{ createdAt: new Date(Date.now() - 60_000) }, { createdAt: new Date(Date.now() + 3_600_000) }, { createdAt: 'not a date' }]);
    const deadline = Date.now() + 20_000;
    while ((await c.countDocuments()) > 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    expect(await c.countDocuments()).toBe(2);
  });
});
