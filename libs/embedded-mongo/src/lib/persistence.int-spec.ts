import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Decimal128, Double, MongoClient } from 'mongodb';

/** These specs are about the embedded server's own durability, so they always run its CLI. */
const REPO_ROOT = resolve(__dirname, '../../../..');
const CLI = 'libs/embedded-mongo/src/cli.ts';

interface RunningServer {
  child: ChildProcess;
  uri: string;
  stderr: () => string;
}

function startCli(dbPath: string): Promise<RunningServer> {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', CLI, '--port', '0', '--dbpath', dbPath], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolvePromise, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /^embedded-mongo listening (mongodb:\/\/\S+)$/m.exec(stdout);
      if (match) resolvePromise({ child, uri: match[1], stderr: () => stderr });
    });
    child.once('exit', (code) => reject(new Error(`CLI exited with ${code} before listening: ${stderr}`)));
  });
}

function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((r) => child.once('exit', (code) => r(code)));
}

async function withClient<T>(uri: string, work: (client: MongoClient) => Promise<T>): Promise<T> {
  const client = await MongoClient.connect(uri);
  try {
    return await work(client);
  } finally {
    await client.close();
  }
}

describe('persistence (embedded CLI)', () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'embedded-mongo-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps every acknowledged write across kill -9, indexes and collection options included', async () => {
    const first = await startCli(dir);
    await withClient(first.uri, async (client) => {
      const db = client.db('app');
      await db.createCollection('plain');
      const users = db.collection('users');
      await users.createIndex({ email: 1 }, { unique: true });
      await users.insertMany(Array.from({ length: 1000 }, (_, i) => ({ _id: i, email: `u${i}@x.io` })) as never[]);
      await users.updateOne({ _id: 1 } as never, { $set: { name: 'One', price: new Double(5), total: Decimal128.fromString('10.50') } });
      await users.deleteOne({ _id: 2 } as never);
      await db.collection('dropped').insertOne({ a: 1 });
      await db.collection('dropped').drop();
    });
    first.child.kill('SIGKILL');
    await exited(first.child);

    const second = await startCli(dir);
    try {
      await withClient(second.uri, async (client) => {
        const db = client.db('app');
        const users = db.collection('users');
        expect(await users.countDocuments()).toBe(999);
        const one = await users.findOne({ _id: 1 } as never, { promoteValues: false });
        expect(one?.['price']).toBeInstanceOf(Double);
        expect(String(one?.['total'])).toBe('10.50');
        expect(await users.findOne({ _id: 2 } as never)).toBeNull();
        await expect(users.insertOne({ email: 'u3@x.io' })).rejects.toMatchObject({ code: 11000 });
        const names = (await db.listCollections().toArray()).map((c) => c.name).sort();
        expect(names).toEqual(['plain', 'users']);
      });
    } finally {
      second.child.kill('SIGKILL');
      await exited(second.child);
    }
  });

  it('drops a torn last journal record and starts', async () => {
    const first = await startCli(dir);
    await withClient(first.uri, (client) => client.db('app').collection('c').insertMany([{ n: 1 }, { n: 2 }]));
    first.child.kill('SIGKILL');
    await exited(first.child);

    const torn = Buffer.alloc(12);
    torn.writeUInt32LE(1000, 0);
    appendFileSync(join(dir, 'journal.bin'), torn);

    const second = await startCli(dir);
    expect(second.stderr()).toContain('dropped a torn journal tail of 12 bytes');
    await withClient(second.uri, async (client) => {
      expect(await client.db('app').collection('c').countDocuments()).toBe(2);
      await client.db('app').collection('c').insertOne({ n: 3 });
    });
    second.child.kill('SIGKILL');
    await exited(second.child);

    const third = await startCli(dir);
    try {
      await withClient(third.uri, async (client) => expect(await client.db('app').collection('c').countDocuments()).toBe(3));
    } finally {
      third.child.kill('SIGTERM');
      expect(await exited(third.child)).toBe(0);
    }
  });
});
