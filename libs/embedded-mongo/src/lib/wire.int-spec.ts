import { MongoClient } from 'mongodb';
import { opMsg, opQuery, RawClient } from '../testing/raw-wire-client';
import { openTarget, type ConformanceTarget } from '../testing/conformance-target';

const MORE_TO_COME = 2;

describe('wire protocol (conformance)', () => {
  let target: ConformanceTarget;
  let port: number;
  let host: string;
  const clients: RawClient[] = [];

  beforeAll(async () => {
    target = await openTarget('wire');
    const url = new URL(target.uri.replace(/^mongodb:/, 'http:'));
    port = Number(url.port || 27017);
    host = url.hostname;
  });
  afterEach(() => clients.splice(0).forEach((c) => c.close()));
  afterAll(() => target.close());

  async function raw(): Promise<RawClient> {
    const client = await RawClient.open(port, host);
    clients.push(client);
    return client;
  }

  it('answers an OP_QUERY handshake with OP_REPLY and refuses other OP_QUERY commands', async () => {
    const client = await raw();
    client.socket.write(opQuery(1, 'admin.$cmd', { ismaster: 1, helloOk: true }));
    const [reply] = await client.waitFor(1);
    expect(reply).toMatchObject({ responseTo: 1, opCode: 1, body: { ismaster: true, ok: 1 } });
    client.socket.write(opQuery(2, 'admin.$cmd', { find: 'x' }));
    const replies = await client.waitFor(2);
    expect(replies[1].body['ok']).toBe(0);
  });

  it('reassembles a message split into single bytes and separates messages merged into one chunk', async () => {
    const client = await raw();
    const message = opMsg(7, { ping: 1, $db: 'admin' });
    for (const byte of message) {
      client.socket.write(Buffer.from([byte]));
      await new Promise((r) => setImmediate(r));
    }
    expect((await client.waitFor(1))[0]).toMatchObject({ responseTo: 7, opCode: 2013, body: { ok: 1 } });
    client.socket.write(Buffer.concat([opMsg(8, { ping: 1, $db: 'admin' }), opMsg(9, { ping: 1, $db: 'admin' }), opMsg(10, { ping: 1, $db: 'admin' }).subarray(0, 10)]));
    client.socket.write(opMsg(10, { ping: 1, $db: 'admin' }).subarray(10));
    const replies = await client.waitFor(4);
    expect(replies.map((r) => r.responseTo)).toEqual([7, 8, 9, 10]);
  });

  it('reads kind-1 document sequences and checks the checksum when present', async () => {
    const client = await raw();
    client.socket.write(opMsg(1, { insert: 'seq', $db: target.dbName }, { sequence: { id: 'documents', docs: [{ _id: 1 }, { _id: 2 }] }, checksum: 'good' }));
    expect((await client.waitFor(1))[0].body).toMatchObject({ n: 2, ok: 1 });
    client.socket.write(opMsg(2, { ping: 1, $db: 'admin' }, { checksum: 'bad' }));
    await client.waitFor(2, 3000);
    expect(client.replies).toHaveLength(1);
    expect(client.closed).toBe(true);
  });

  it('sends no reply for moreToCome yet applies the write', async () => {
    const client = await raw();
    client.socket.write(opMsg(1, { insert: 'fire', documents: [{ _id: 'raw' }], $db: target.dbName, writeConcern: { w: 0 } }, { flags: MORE_TO_COME }));
    client.socket.write(opMsg(2, { ping: 1, $db: 'admin' }));
    const replies = await client.waitFor(2, 1000);
    expect(replies.map((r) => r.responseTo)).toEqual([2]);

    await target.db.collection('fire').insertOne({ _id: 'driver' } as never, { writeConcern: { w: 0 } });
    const deadline = Date.now() + 5000;
    while ((await target.db.collection('fire').countDocuments()) < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(await target.db.collection('fire').countDocuments()).toBe(2);
  });

  it('closes a connection that announces a message over the 48 MB limit, and keeps serving others', async () => {
    const client = await raw();
    const header = Buffer.alloc(16);
    header.writeInt32LE(49_000_000, 0);
    header.writeInt32LE(2013, 12);
    client.socket.write(header);
    await client.waitFor(1, 3000);
    expect(client.closed).toBe(true);
    expect(await target.db.command({ ping: 1 })).toMatchObject({ ok: 1 });
  });

  it('refuses a document over 16 MiB with BSONObjectTooLarge (10334)', async () => {
    const client = await raw();
    const big = { _id: 'big', blob: 'x'.repeat(17 * 1024 * 1024) };
    client.socket.write(opMsg(1, { insert: 'big', $db: target.dbName }, { sequence: { id: 'documents', docs: [big] } }));
    const [reply] = await client.waitFor(1, 10_000);
    const code = reply.body['writeErrors']?.[0]?.code ?? reply.body['code'];
    expect(code).toBe(10334);
    expect(await target.db.collection('big').countDocuments()).toBe(0);
  });

  it('serves many concurrent connections', async () => {
    const clients = await Promise.all(Array.from({ length: 40 }, () => MongoClient.connect(target.uri, { maxPoolSize: 2 })));
    try {
      await Promise.all(clients.map((c, i) => c.db(target.dbName).collection('concurrent').insertOne({ _id: i } as never)));
      expect(await target.db.collection('concurrent').countDocuments()).toBe(40);
    } finally {
      await Promise.all(clients.map((c) => c.close()));
    }
  });
});
