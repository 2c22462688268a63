import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { MongoClient, ObjectId, type Collection, type Document } from 'mongodb';

/**
 * Benchmarks the embedded server as the product uses it: through the official driver, with the server
 * in its own process (spawned CLI) so its resident memory is measured apart from the driver's.
 */
const REPO_ROOT = resolve(__dirname, '../../..');
const BATCH = 1000;
const LOOKUPS = 2000;

interface Row {
  figure: string;
  value: string;
  target: string;
  met?: boolean;
}

const rows: Row[] = [];

function startServer(dbPath?: string): Promise<{ child: ChildProcess; uri: string }> {
  const args = ['-r', '@swc-node/register', 'libs/embedded-mongo/src/cli.ts', '--port', '0', ...(dbPath ? ['--dbpath', dbPath] : [])];
  const child = spawn(process.execPath, args, { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolvePromise, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /embedded-mongo listening (\S+)/.exec(out);
      if (match) resolvePromise({ child, uri: match[1] });
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
}

async function stopServer(child: ChildProcess): Promise<void> {
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

function residentBytes(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) * 1024 : NaN;
}

function contact(i: number): Document {
  return {
    email: `user${i}@example.com`,
    externalId: `ext-${i.toString(36)}`,
    tenantId: new ObjectId(),
    name: `User number ${i}`,
    tags: ['newsletter', i % 2 ? 'vip' : 'regular'],
    score: i % 100,
    createdAt: new Date(1_700_000_000_000 + i * 1000),
    active: i % 3 !== 0,
  };
}

async function insertContacts(collection: Collection, count: number): Promise<number> {
  const started = performance.now();
  for (let from = 0; from < count; from += BATCH) {
    const docs = Array.from({ length: Math.min(BATCH, count - from) }, (_, k) => contact(from + k));
    await collection.insertMany(docs, { ordered: false });
  }
  return performance.now() - started;
}

async function msPerLookup(collection: Collection, size: number): Promise<number> {
  for (let i = 0; i < 200; i++) await collection.findOne({ email: `user${(i * 7919) % size}@example.com` });
  const started = performance.now();
  for (let i = 0; i < LOOKUPS; i++) {
    const found = await collection.findOne({ email: `user${(i * 104729) % size}@example.com` });
    if (!found) throw new Error('lookup missed');
  }
  return (performance.now() - started) / LOOKUPS;
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
const mib = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(0)} MiB`;

async function main(): Promise<void> {
  const withIndexes = async (db: ReturnType<MongoClient['db']>, name: string): Promise<Collection> => {
    const collection = db.collection(name);
    await collection.createIndex({ email: 1 }, { unique: true });
    await collection.createIndex({ externalId: 1 }, { unique: true });
    return collection;
  };

  const dir = mkdtempSync(join(tmpdir(), 'embedded-mongo-bench-'));
  const durable = await startServer(dir);
  const durableClient = await MongoClient.connect(durable.uri);
  const durableMs = await insertContacts(await withIndexes(durableClient.db('bench'), 'contacts'), 100_000);
  rows.push({ figure: 'insert 100,000 docs, 2 unique indexes, journal + fdatasync (--dbpath)', value: seconds(durableMs), target: '< 10 s', met: durableMs < 10_000 });
  await durableClient.close();
  await stopServer(durable.child);
  rmSync(dir, { recursive: true, force: true });

  const server = await startServer();
  const client = await MongoClient.connect(server.uri);
  const db = client.db('bench');
  const rssEmpty = residentBytes(server.child.pid as number);

  const contacts = await withIndexes(db, 'contacts');
  const insertMs = await insertContacts(contacts, 100_000);
  rows.push({ figure: 'insert 100,000 docs, 2 unique indexes (memory only)', value: seconds(insertMs), target: '< 10 s', met: insertMs < 10_000 });

  let started = performance.now();
  const tenThousand = await contacts.find({ score: { $lt: 10 } }).toArray();
  rows.push({ figure: `find returning ${tenThousand.length.toLocaleString('en')} docs`, value: `${(performance.now() - started).toFixed(0)} ms`, target: '-' });

  started = performance.now();
  const groups = await contacts.aggregate([{ $group: { _id: '$score', n: { $sum: 1 }, active: { $sum: { $cond: ['$active', 1, 0] } } } }]).toArray();
  rows.push({ figure: `$group over 100,000 docs (${groups.length} groups)`, value: `${(performance.now() - started).toFixed(0)} ms`, target: '-' });

  const small = await withIndexes(db, 'small');
  await insertContacts(small, 1000);
  const smallMs = await msPerLookup(small, 1000);

  const big = await withIndexes(db, 'big');
  const bigInsertMs = await insertContacts(big, 1_000_000);
  rows.push({ figure: 'insert 1,000,000 docs, 2 unique indexes (memory only)', value: seconds(bigInsertMs), target: '-' });
  const bigMs = await msPerLookup(big, 1_000_000);
  rows.push({ figure: `findOne by unique email at 1,000 docs (${LOOKUPS} lookups)`, value: `${smallMs.toFixed(3)} ms/lookup`, target: '-' });
  rows.push({
    figure: `findOne by unique email at 1,000,000 docs (${LOOKUPS} lookups)`,
    value: `${bigMs.toFixed(3)} ms/lookup (${(bigMs / smallMs).toFixed(2)}x)`,
    target: '<= 2x the 1,000-doc time',
    met: bigMs <= 2 * smallMs,
  });

  await new Promise((r) => setTimeout(r, 2000));
  const rss = residentBytes(server.child.pid as number);
  const stats = await db.stats();
  const dataSize = Number(stats['dataSize']);
  rows.push({ figure: `server RSS with ${Number(stats['objects']).toLocaleString('en')} docs (empty server: ${mib(rssEmpty)})`, value: mib(rss), target: '-' });
  rows.push({ figure: 'BSON size of the stored documents', value: mib(dataSize), target: '-' });
  rows.push({ figure: 'RSS / BSON size', value: `${(rss / dataSize).toFixed(2)}x`, target: '< 3x', met: rss < 3 * dataSize });

  await client.close();
  await stopServer(server.child);

  const width = Math.max(...rows.map((r) => r.figure.length));
  const valueWidth = Math.max(...rows.map((r) => r.value.length));
  process.stdout.write(`\n${'figure'.padEnd(width)}  ${'value'.padEnd(valueWidth)}  target\n`);
  for (const row of rows) {
    const verdict = row.met === undefined ? '' : row.met ? '  MET' : '  NOT MET';
    process.stdout.write(`${row.figure.padEnd(width)}  ${row.value.padEnd(valueWidth)}  ${row.target}${verdict}\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
