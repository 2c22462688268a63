/**
 * Campaigns benchmark: an SMS strategy deployed to 10,000 and to 100,000 contacts on the sandbox
 * providers, the worker in its own process (the built artifact, as production runs it).
 *
 *   npm run bench:campaigns   (builds the worker, then runs this file)
 *
 * Per size it prints: the deploy request's latency (target < 200 ms whatever the size), the fan-out
 * rate and the time until the last execution exists (target 100,000 in < 60 s), the send rate over
 * a measuring window against the SMS token bucket (target ≥ 95 %), and the worker's peak RSS (target
 * < 500 MB). Each size runs on its own queue prefix, database and worker, so one size's leftovers
 * cannot slow the next. Sending all of 100,000 at the bucket's 10/s would take hours: the send rate is
 * measured over BENCH_SEND_WINDOW_S seconds, then the strategy is paused.
 *
 * BENCH_SIZES (default "10000,100000"), BENCH_SEND_WINDOW_S (default 30), BENCH_WORKER_NODE_ARGS (Node
 * flags for the worker, to profile it). MongoDB is MONGODB_URI when
 * set, else the embedded server in its own process; Redis is REDIS_URL, else a local redis-server.
 * Contacts and memberships are written straight to MongoDB (the import has its own benchmark).
 */
import { AppConfig, InfrastructureUrls, loadConfig, RedisConfig, resolveRedis } from '@cadence/api-core';
import { NestFactory } from '@nestjs/core';
import { getConnectionToken } from '@nestjs/mongoose';
import { NestExpressApplication } from '@nestjs/platform-express';
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { Connection, Types } from 'mongoose';
import { AppModule } from '../../../apps/api/src/app/app.module';
import { configureHttp } from '../../../apps/api/src/app/configure-app';
import { SEND_RATE_LIMITS } from '../../../libs/api/strategy/src/lib/pipeline/strategy-jobs';
import { peakRssMb, startEmbeddedMongoProcess, WORKSPACE } from '../shared/bench-support';

const SIZES = (process.env['BENCH_SIZES'] ?? '10000,100000').split(',').map(Number);
const SEND_WINDOW_S = Number(process.env['BENCH_SEND_WINDOW_S'] ?? 30);
const TARGET_DEPLOY_MS = 200;
const TARGET_FAN_OUT_100K_S = 60;
const TARGET_SEND_SHARE = 0.95;
const TARGET_RSS_MB = 500;
const INSERT_BATCH = 5000;

interface Figures {
  size: number;
  deployMs: number;
  lastExecutionS: number;
  fanOutPerS: number;
  sendPerS: number;
  bucketPerS: number;
  workerPeakMb: number;
}

/** A fixed-offset zone where it is early afternoon now, so quiet hours hold nothing back whenever the bench runs. */
function afternoonZoneNow(): string {
  const offset = 13 - new Date().getUTCHours();
  return offset >= 0 ? `Etc/GMT-${offset}` : `Etc/GMT+${-offset}`;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function json<T>(response: Response): Promise<T> {
  if (!response.ok) throw new Error(`${response.url}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** Clones one contact made through the API (so every field is as the app writes it) N times, and makes them members. */
async function seedAudience(connection: Connection, userId: Types.ObjectId, templateId: string, campaignId: string, size: number): Promise<void> {
  const contacts = connection.collection('contacts');
  const memberships = connection.collection('campaignContacts');
  const template = await contacts.findOne({ _id: new Types.ObjectId(templateId) });
  if (!template) throw new Error('template contact missing');
  const zone = afternoonZoneNow();
  const now = new Date();
  for (let from = 0; from < size; from += INSERT_BATCH) {
    const ids: Types.ObjectId[] = [];
    const batch = [];
    for (let i = from; i < Math.min(size, from + INSERT_BATCH); i++) {
      const _id = new Types.ObjectId();
      ids.push(_id);
      const e164 = `+1415${String(2_000_000 + i).padStart(7, '0')}`;
      batch.push({ ...template, _id, firstName: `Owner${i}`, phones: [{ ...(template['phones'] as object[])[0], e164 }], dedupeKeys: [`bench:${i}`], searchTokens: [], searchGrams: [], timeZone: zone });
    }
    await contacts.insertMany(batch, { ordered: false });
    await memberships.insertMany(
      ids.map((contactId) => ({ _id: new Types.ObjectId(), userId, campaignId: new Types.ObjectId(campaignId), contactId, source: 'manual', importBatchId: null, status: 'active', channels: {}, engagement: {}, addedAt: now, createdAt: now, updatedAt: now })),
      { ordered: false },
    );
  }
}

async function runSize(size: number, mongoBase: string, redisUrl: string): Promise<Figures> {
  const mongoUrl = new URL(mongoBase);
  mongoUrl.pathname = `/bench_campaigns_${randomBytes(4).toString('hex')}`;
  const urls = new InfrastructureUrls(mongoUrl.toString(), redisUrl, `bench-campaigns-${randomBytes(4).toString('hex')}`);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(urls), { logger: ['error'] });
  configureHttp(app, loadConfig(AppConfig));
  await app.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}/api/v1`;
  const post = (path: string, body: unknown, auth: Record<string, string> = {}) => fetch(`${base}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...auth }, body: JSON.stringify(body) });
  const session = await json<{ accessToken: string; user: { id: string } }>(await post('/auth/register', { email: 'bench@example.com', password: 'correct horse battery', name: 'Bench' }));
  const auth = { Authorization: `Bearer ${session.accessToken}` };

  const template = await json<{ id: string }>(await post('/contacts', { firstName: 'Template', phones: [{ number: '+14155550100' }], propertyAddress: { street: '1 Palm Way', city: 'Palm Desert', state: 'CA', zip: '92260' } }, auth));
  await fetch(`${base}/contacts/${template.id}/consent`, { method: 'PUT', headers: { 'Content-Type': 'application/json', ...auth }, body: JSON.stringify({ channel: 'sms', status: 'granted', source: 'benchmark' }) });
  const campaign = await json<{ id: string }>(await post('/campaigns', { name: `Bench ${size}` }, auth));
  const connection = app.get<Connection>(getConnectionToken());
  const seeded = performance.now();
  await seedAudience(connection, new Types.ObjectId(session.user.id), template.id, campaign.id, size);
  await connection.collection('contacts').deleteOne({ _id: new Types.ObjectId(template.id) });
  process.stdout.write(`  seeded ${size.toLocaleString('en-US')} contacts and memberships in ${((performance.now() - seeded) / 1000).toFixed(1)} s\n`);
  await json(await post(`/campaigns/${campaign.id}/approve`, {}, auth));
  await json(await post(`/campaigns/${campaign.id}/launch`, {}, auth));
  const strategy = await json<{ id: string }>(await post(`/campaigns/${campaign.id}/strategies`, { type: 'text', name: 'Bench texts', steps: [{ variants: [{ key: 'A', body: 'Hi {{firstName}}, a quick question about your home on {{propertyAddress|your street}}?' }] }] }, auth));

  // BENCH_WORKER_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=tmp/prof", profiles the worker itself.
  const nodeArgs = (process.env['BENCH_WORKER_NODE_ARGS'] ?? '').split(' ').filter(Boolean);
  const worker: ChildProcess = spawn(process.execPath, [...nodeArgs, 'dist/apps/worker/main.js'], {
    cwd: WORKSPACE,
    // The sandbox's status callbacks go over HTTP to this API, as in production.
    env: { ...process.env, MONGODB_URI: urls.mongoUrl, REDIS_URL: urls.redisUrl, QUEUE_PREFIX: urls.queuePrefix, PUBLIC_BASE_URL: new URL(base).origin },
    stdio: ['ignore', 'ignore', process.env['BENCH_DEBUG'] ? 'inherit' : 'ignore'],
  });
  for (;;) {
    const health = await json<{ checks?: { worker?: { status?: string } } }>(await fetch(`${base.replace('/v1', '')}/health`)).catch(() => ({ checks: {} }));
    if (health.checks?.worker?.status === 'up') break;
    await sleep(250);
  }

  const executions = connection.collection('executions');
  // With the tenant, as the app's own queries: the counts are then answered from the
  // { userId, strategyId, status } index instead of reading every execution (which, ten times a
  // second, would load the database the worker is using).
  const mine = { userId: new Types.ObjectId(session.user.id), strategyId: new Types.ObjectId(strategy.id) };
  const deployStarted = performance.now();
  const deployed = await post(`/campaigns/${campaign.id}/strategies/${strategy.id}/deploy`, {}, auth);
  const deployMs = performance.now() - deployStarted;
  if (deployed.status !== 202) throw new Error(`deploy refused: ${deployed.status} ${await deployed.text()}`);

  let created = 0;
  while (created < size) {
    await sleep(500);
    created = await executions.countDocuments(mine);
    if (performance.now() - deployStarted > 30 * 60_000) throw new Error(`fan-out stalled at ${created}`);
  }
  const lastExecutionS = (performance.now() - deployStarted) / 1000;

  // The send rate over a window that starts once sends flow (and after the fan-out, which competes for the same worker).
  while ((await executions.countDocuments({ ...mine, status: 'sent' })) === 0) await sleep(500);
  const windowStart = performance.now();
  const sentBefore = await executions.countDocuments({ ...mine, status: 'sent' });
  await sleep(SEND_WINDOW_S * 1000);
  const sentAfter = await executions.countDocuments({ ...mine, status: 'sent' });
  const sendPerS = (sentAfter - sentBefore) / ((performance.now() - windowStart) / 1000);

  await post(`/campaigns/${campaign.id}/strategies/${strategy.id}/pause`, {}, auth);
  const workerPeakMb = peakRssMb(worker.pid ?? 0);
  const exited = new Promise((r) => worker.once('exit', r));
  worker.kill('SIGTERM');
  await exited;
  await connection.dropDatabase();
  await app.close();
  const bucket = SEND_RATE_LIMITS.sms;
  return { size, deployMs, lastExecutionS, fanOutPerS: size / lastExecutionS, sendPerS, bucketPerS: (bucket.max * 1000) / bucket.duration, workerPeakMb };
}

function verdict(ok: boolean): string {
  return ok ? 'met' : 'NOT met';
}

async function main(): Promise<void> {
  Object.assign(process.env, {
    JWT_SECRET: process.env['JWT_SECRET'] ?? randomBytes(32).toString('hex'),
    LOG_LEVEL: process.env['LOG_LEVEL'] ?? 'silent',
    AUTH_RATE_LIMIT_PER_MINUTE: '1000',
  });
  const embedded = process.env['MONGODB_URI'] ? null : await startEmbeddedMongoProcess();
  const redis = await resolveRedis(loadConfig(RedisConfig));
  const mongoLabel = embedded ? 'embedded MongoDB-compatible server (own process, in memory)' : 'MONGODB_URI';
  process.stdout.write(`\nCampaigns benchmark — SMS strategy on sandbox providers, ${mongoLabel}, Node ${process.version}\n`);
  const results: Figures[] = [];
  try {
    for (const size of SIZES) {
      process.stdout.write(`\n${size.toLocaleString('en-US')} contacts\n`);
      const figures = await runSize(size, process.env['MONGODB_URI'] ?? embedded?.uri ?? '', redis.url);
      results.push(figures);
      process.stdout.write(`  deploy request latency:        ${figures.deployMs.toFixed(0)} ms (target < ${TARGET_DEPLOY_MS} ms: ${verdict(figures.deployMs < TARGET_DEPLOY_MS)})\n`);
      process.stdout.write(`  last execution created after:  ${figures.lastExecutionS.toFixed(1)} s`);
      process.stdout.write(size >= 100_000 ? ` (target 100,000 < ${TARGET_FAN_OUT_100K_S} s: ${verdict(figures.lastExecutionS * (100_000 / size) < TARGET_FAN_OUT_100K_S)})\n` : '\n');
      process.stdout.write(`  fan-out rate:                  ${Math.round(figures.fanOutPerS).toLocaleString('en-US')} executions/s\n`);
      process.stdout.write(`  send rate over ${SEND_WINDOW_S} s:           ${figures.sendPerS.toFixed(2)}/s vs token bucket ${figures.bucketPerS}/s = ${((figures.sendPerS / figures.bucketPerS) * 100).toFixed(0)} % (target ≥ ${TARGET_SEND_SHARE * 100} %: ${verdict(figures.sendPerS / figures.bucketPerS >= TARGET_SEND_SHARE)})\n`);
      process.stdout.write(`  worker peak RSS:               ${figures.workerPeakMb.toFixed(0)} MB (target < ${TARGET_RSS_MB} MB: ${verdict(figures.workerPeakMb < TARGET_RSS_MB)})\n`);
    }
  } finally {
    await redis.stop();
    await embedded?.stop();
  }
  process.stdout.write(`\n${JSON.stringify(results)}\n`);
}

main().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);
