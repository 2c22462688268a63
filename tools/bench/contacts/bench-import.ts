/**
 * Contacts benchmark: a 100,000-row CSV imported end to end (upload → worker → completed) with the
 * worker in its own process, then contact-list search at that size.
 *
 *   npm run bench:contacts   (builds the worker, then runs this file)
 *
 * MongoDB is MONGODB_URI when set, else the embedded server in this process; Redis is REDIS_URL when
 * set, else a local redis-server. BENCH_ROWS changes the row count. Prints figures and whether each
 * target is met; it asserts nothing.
 */
import { AppConfig, InfrastructureUrls, loadConfig, RedisConfig, resolveRedis } from '@cadence/api-core';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { AppModule } from '../../../apps/api/src/app/app.module';
import { configureHttp } from '../../../apps/api/src/app/configure-app';
import { peakRssMb, percentile, startEmbeddedMongoProcess, WORKSPACE } from '../shared/bench-support';

const ROWS = Number(process.env['BENCH_ROWS'] ?? 100_000);
const SEARCHES = 60;
const TARGET_ROWS_PER_SECOND = 2000;
const TARGET_RSS_MB = 500;
const TARGET_P95_MS = 300;
/** BENCH_CPU_PROF=<dir> writes CPU profiles of the embedded server and the worker there (node --cpu-prof). */
const PROFILE_ARGS = process.env['BENCH_CPU_PROF'] ? ['--cpu-prof', `--cpu-prof-dir=${process.env['BENCH_CPU_PROF']}`] : [];

const FIRST = ['JAMES', 'MARÍA', 'Robert', 'Patricia', 'JOSÉ', 'Linda', 'Michael', 'Zoë', 'David', 'Susan', 'Nguyễn', 'Karen'];
const LAST = ['SMITH', 'García', 'Johnson', 'Müller', 'BROWN', 'Núñez', 'Davis', "O'Brien", 'Wilson', 'Martinez'];
const CITIES = [['Palm Desert', 'CA', '92260'], ['Austin', 'TX', '78701'], ['Boise', 'ID', '83702'], ['Boston', 'MA', '02134'], ['Chicago', 'IL', '60601']];
const AREAS = ['760', '512', '208', '617', '312', '858', '619', '415'];

function phoneOf(i: number): string {
  const area = AREAS[i % AREAS.length];
  const exchange = 200 + Math.floor(i / 10_000);
  const line = String(i % 10_000).padStart(4, '0');
  return [`(${area}) ${exchange}-${line}`, `${area}.${exchange}.${line}`, `+1 ${area} ${exchange} ${line}`][i % 3];
}

function csvOf(rows: number): Buffer {
  const lines = ['Owner Name,Phone,Email,Property Address,City,State,Zip,Tags'];
  for (let i = 0; i < rows; i++) {
    const [city, state, zip] = CITIES[i % CITIES.length];
    const name = `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]}`;
    lines.push(`"${name}",${phoneOf(i)},owner${i}@example.com,${i} Main St,${city},${state},${zip},farm-${i % 20}`);
  }
  return Buffer.from(lines.join('\r\n'), 'utf8');
}

async function main(): Promise<void> {
  Object.assign(process.env, {
    JWT_SECRET: process.env['JWT_SECRET'] ?? randomBytes(32).toString('hex'),
    LOG_LEVEL: process.env['LOG_LEVEL'] ?? 'silent',
    AUTH_RATE_LIMIT_PER_MINUTE: '1000',
  });
  const embedded = process.env['MONGODB_URI'] ? null : await startEmbeddedMongoProcess(PROFILE_ARGS);
  const mongoUrl = new URL(process.env['MONGODB_URI'] ?? embedded?.uri ?? '');
  mongoUrl.pathname = `/bench_${randomBytes(4).toString('hex')}`;
  const redis = await resolveRedis(loadConfig(RedisConfig));
  const urls = new InfrastructureUrls(mongoUrl.toString(), redis.url, `bench-${randomBytes(4).toString('hex')}`);
  const mongoLabel = embedded ? 'embedded MongoDB-compatible server (own process, in memory)' : 'MONGODB_URI';

  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(urls), { logger: ['error'] });
  configureHttp(app, loadConfig(AppConfig));
  await app.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}/api/v1`;
  const session = (await (
    await fetch(`${base}/auth/register`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email: 'bench@example.com', password: 'correct horse battery', name: 'Bench' }) })
  ).json()) as { accessToken: string };
  const auth = { Authorization: `Bearer ${session.accessToken}` };

  // The built worker (npm run bench:contacts builds it first): the artifact production runs, without
  // the ~200 MB that compiling TypeScript at run time would add to its memory.
  const worker = spawn(process.execPath, [...PROFILE_ARGS, 'dist/apps/worker/main.js'], {
    cwd: WORKSPACE,
    env: { ...process.env, SWC_NODE_PROJECT: 'tools/tsconfig.tools.json', MONGODB_URI: urls.mongoUrl, REDIS_URL: urls.redisUrl, QUEUE_PREFIX: urls.queuePrefix },
    stdio: ['ignore', 'ignore', 'ignore'],
  });
  // The clock starts once the worker is up (its heartbeat shows on /health), as in production.
  for (;;) {
    const health = (await (await fetch(`${base.replace('/v1', '')}/health`)).json()) as { checks?: { worker?: { status?: string } } };
    if (health.checks?.worker?.status === 'up') break;
    await new Promise((r) => setTimeout(r, 250));
  }

  const file = csvOf(ROWS);
  process.stdout.write(`\nContacts benchmark — ${ROWS.toLocaleString('en-US')} rows, ${(file.length / 1024 / 1024).toFixed(1)} MB CSV, ${mongoLabel}, Node ${process.version}\n`);
  const form = new FormData();
  form.append('file', new Blob([file], { type: 'text/csv' }), 'bench.csv');
  const started = performance.now();
  const accepted = await fetch(`${base}/imports`, { method: 'POST', headers: auth, body: form });
  if (accepted.status !== 202) throw new Error(`import refused: ${accepted.status} ${await accepted.text()}`);
  const acceptedAt = performance.now();
  const batchId = ((await accepted.json()) as { id: string }).id;
  let batch: { status: string; progress: { processed: number; rowsPerSecond: number | null }; counts: Record<string, number> };
  for (;;) {
    batch = (await (await fetch(`${base}/imports/${batchId}`, { headers: auth })).json()) as typeof batch;
    if (batch.status === 'completed' || batch.status === 'failed') break;
    await new Promise((r) => setTimeout(r, 250));
  }
  const finished = performance.now();
  const workerPeak = peakRssMb(worker.pid ?? 0);
  const workerExited = new Promise((r) => worker.once('exit', r));
  worker.kill('SIGTERM');

  const seconds = (finished - started) / 1000;
  const endToEnd = ROWS / seconds;
  process.stdout.write(`\nImport (${batch.status}): ${JSON.stringify(batch.counts)}\n`);
  process.stdout.write(`  upload + validation (API):   ${((acceptedAt - started) / 1000).toFixed(2)} s\n`);
  process.stdout.write(`  end to end:                  ${seconds.toFixed(1)} s = ${Math.round(endToEnd).toLocaleString('en-US')} rows/s (worker's own rate: ${batch.progress.rowsPerSecond ?? '-'} rows/s)\n`);
  process.stdout.write(`  worker peak RSS:             ${workerPeak.toFixed(0)} MB\n`);

  const queries = ['jos', 'garcia', 'maria mull', '(760) 205', '617.209.12', '+1 512 203 0042', 'owner4242@', 'palm desert', '83702', 'obrien'];
  const latencies: number[] = [];
  let lastTotal = 0;
  for (let i = 0; i < SEARCHES; i++) {
    const params = new URLSearchParams(i % 6 === 5 ? { tag: `farm-${i % 20}`, limit: '20' } : { search: queries[i % queries.length], limit: '20' });
    const t0 = performance.now();
    const response = await fetch(`${base}/contacts?${params.toString()}`, { headers: auth });
    lastTotal = ((await response.json()) as { total: number }).total;
    latencies.push(performance.now() - t0);
  }
  const contacts = ((await (await fetch(`${base}/contacts?limit=1`, { headers: auth })).json()) as { total: number }).total;
  const p95 = percentile(latencies, 95);
  process.stdout.write(`\nSearch over ${contacts.toLocaleString('en-US')} contacts, ${SEARCHES} queries (name, phone in several formats, email, address, tag; last total ${lastTotal}):\n`);
  process.stdout.write(`  p50 ${percentile(latencies, 50).toFixed(0)} ms, p95 ${p95.toFixed(0)} ms, max ${Math.max(...latencies).toFixed(0)} ms\n`);

  const verdict = (ok: boolean) => (ok ? 'MET' : 'NOT MET');
  process.stdout.write(`\nTargets:\n`);
  process.stdout.write(`  import ≥ ${TARGET_ROWS_PER_SECOND} rows/s end to end:  ${verdict(endToEnd >= TARGET_ROWS_PER_SECOND)} (${Math.round(endToEnd)})\n`);
  process.stdout.write(`  worker peak RSS < ${TARGET_RSS_MB} MB:       ${verdict(workerPeak < TARGET_RSS_MB)} (${workerPeak.toFixed(0)} MB)\n`);
  process.stdout.write(`  search p95 < ${TARGET_P95_MS} ms:              ${verdict(p95 < TARGET_P95_MS)} (${p95.toFixed(0)} ms)\n\n`);

  await workerExited;
  await app.close();
  await redis.stop();
  await embedded?.stop();
}

main().then(
  () => process.exit(0),
  (error: Error) => {
    process.stderr.write(`bench failed: ${error.stack ?? error.message} ${String((error as { cause?: unknown }).cause ?? "")}\n`);
    process.exit(1);
  },
);
