import { AppConfig, loadConfig } from '@cadence/api-core';
import { setTestEnv, startTestInfrastructure, TestInfrastructure } from '@cadence/api-testing';
import { getConnectionToken } from '@nestjs/mongoose';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { Connection, Types } from 'mongoose';
import request from 'supertest';
import { AppModule } from '../src/app/app.module';
import { configureHttp } from '../src/app/configure-app';

const CONTACTS = 30;
const WORKSPACE = resolve(__dirname, '../../..');
const API_KEY = 'dc-test-key';
const API_SECRET = 'dc-test-secret';

/**
 * A fixed-offset zone where it is early afternoon right now, so the legal calling hours never hold
 * the sends back whatever time the test runs (IANA's Etc/GMT signs are inverted).
 */
function afternoonZoneNow(): string {
  const offset = 13 - new Date().getUTCHours();
  return offset >= 0 ? `Etc/GMT-${offset}` : `Etc/GMT+${-offset}`;
}

describe('send path crash and restart (a real worker process killed with SIGKILL mid-send)', () => {
  let infrastructure: TestInfrastructure;
  let app: NestExpressApplication;
  let dropCowboy: { url: string; server: Server };
  /** What the fake Drop Cowboy accepted: one drop per Idempotency-Key, as the real one dedupes for 24 h. */
  const drops = new Map<string, { to: string; messageId: string }>();
  const workers: ChildProcess[] = [];

  beforeAll(async () => {
    const answer = async (req: IncomingMessage, text: string): Promise<{ status: number; body: unknown }> => {
      if (req.method !== 'POST' || req.url !== '/rvm') return { status: 404, body: { error: { message: 'Not found' } } };
      if (req.headers['x-key'] !== API_KEY || req.headers['x-secret'] !== API_SECRET) return { status: 401, body: { error: { code: 401, message: 'Bad key' } } };
      const key = String(req.headers['idempotency-key'] ?? '');
      const body = JSON.parse(text) as { to?: string; tts_body?: string; voice_id?: string; foreign_id?: string };
      if (!key || !body.to || !body.tts_body || !body.voice_id || !body.foreign_id) return { status: 400, body: { status: 'error', reason: 'incomplete drop' } };
      // Accepted the moment it arrives; the answer takes a while, so a kill often lands mid-call.
      const drop = drops.get(key) ?? { to: body.to, messageId: randomUUID() };
      drops.set(key, drop);
      await new Promise((r) => setTimeout(r, 300));
      return { status: 202, body: { status: 'queued', message_id: drop.messageId } };
    };
    const server = createServer((req: IncomingMessage, res: ServerResponse) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        void answer(req, Buffer.concat(chunks).toString('utf8')).then(({ status, body }) => {
          res.writeHead(status, { 'content-type': 'application/json' });
          res.end(JSON.stringify(body));
        });
      });
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    dropCowboy = { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
    setTestEnv({});
    infrastructure = await startTestInfrastructure();
    const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot(infrastructure.urls)] }).compile();
    app = moduleRef.createNestApplication<NestExpressApplication>({ bufferLogs: true, bodyParser: false });
    configureHttp(app, loadConfig(AppConfig));
    await app.init();
  }, 60_000);

  afterAll(async () => {
    for (const worker of workers) if (worker.exitCode === null && worker.signalCode === null) worker.kill('SIGKILL');
    await app?.close();
    await infrastructure?.stop();
    dropCowboy?.server.closeAllConnections();
    await new Promise((done) => dropCowboy?.server.close(done));
  });

  function startWorker(): ChildProcess {
    const debug = Boolean(process.env['DEBUG_WORKER']);
    const worker = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/worker/src/main.ts'], {
      cwd: WORKSPACE,
      env: {
        ...process.env,
        SWC_NODE_PROJECT: 'tools/tsconfig.tools.json',
        MONGODB_URI: infrastructure.urls.mongoUrl,
        REDIS_URL: infrastructure.urls.redisUrl,
        QUEUE_PREFIX: infrastructure.urls.queuePrefix,
        DROPCOWBOY_API_KEY: API_KEY,
        DROPCOWBOY_API_SECRET: API_SECRET,
        DROPCOWBOY_API_BASE_URL: dropCowboy.url,
        CHANNEL_SANDBOX_LATENCY_MS: '0',
        LOG_LEVEL: debug ? 'info' : 'silent',
      },
      stdio: ['ignore', debug ? 'inherit' : 'ignore', debug ? 'inherit' : 'ignore'],
    });
    workers.push(worker);
    return worker;
  }

  it('gives every contact exactly one voicemail drop when the worker dies mid-send and another takes over', async () => {
    const http = () => request(app.getHttpServer());
    const session = (await http().post('/api/v1/auth/register').send({ email: 'crash-send@example.com', password: 'correct horse battery', name: 'Crash' }).expect(201)).body;
    const auth = { Authorization: `Bearer ${session.accessToken}` };
    const ids: string[] = [];
    for (let i = 0; i < CONTACTS; i++) {
      const body = { firstName: `Owner${i}`, phones: [{ number: `+1415555${String(2000 + i)}` }], propertyAddress: { street: `${i} Palm Way`, city: 'Palm Desert', state: 'CA', zip: '92260' } };
      const id = (await http().post('/api/v1/contacts').set(auth).send(body).expect(201)).body.id as string;
      await http().put(`/api/v1/contacts/${id}/consent`).set(auth).send({ channel: 'voice', status: 'granted', source: 'listing inquiry form' }).expect(200);
      ids.push(id);
    }
    await app
      .get<Connection>(getConnectionToken())
      .collection('contacts')
      .updateMany({ userId: new Types.ObjectId(session.user.id) }, { $set: { timeZone: afternoonZoneNow() } });
    const campaignId = (await http().post('/api/v1/campaigns').set(auth).send({ name: 'Crash test' }).expect(201)).body.id;
    await http().post(`/api/v1/campaigns/${campaignId}/contacts`).set(auth).send({ contactIds: ids }).expect(200);
    await http().post(`/api/v1/campaigns/${campaignId}/approve`).set(auth).expect(200);
    await http().post(`/api/v1/campaigns/${campaignId}/launch`).set(auth).expect(200);
    const strategyId = (await http().post(`/api/v1/campaigns/${campaignId}/strategies`).set(auth).send({ type: 'voicemail', steps: [{ variants: [{ key: 'A', voiceId: 'voice-1', ttsBody: 'Hi {{firstName}}, this is Jane.' }] }] }).expect(201)).body.id;
    const base = `/api/v1/campaigns/${campaignId}/strategies/${strategyId}`;
    await http().post(`${base}/deploy`).set(auth).expect(202);

    const first = startWorker();
    const deadline = Date.now() + 150_000;
    while (drops.size < 8) {
      if (Date.now() > deadline) throw new Error(`the first worker never got going (${drops.size} drops)`);
      await new Promise((r) => setTimeout(r, 20));
    }
    first.kill('SIGKILL');
    await new Promise((r) => first.once('exit', r));
    const atKill = (await http().get(`${base}/status`).set(auth).expect(200)).body;
    expect(atKill.executions.sent).toBeLessThan(CONTACTS);

    startWorker();
    let final = atKill;
    while (final.executions.sent < CONTACTS) {
      if (Date.now() > deadline) throw new Error(`the second worker did not finish: ${JSON.stringify(final.executions)}`);
      await new Promise((r) => setTimeout(r, 250));
      final = (await http().get(`${base}/status`).set(auth).expect(200)).body;
    }

    expect(final).toMatchObject({ total: CONTACTS, executions: { sent: CONTACTS, unknown: 0, failed: 0, sending: 0 } });
    const perPhone = new Map<string, number>();
    for (const drop of drops.values()) perPhone.set(drop.to, (perPhone.get(drop.to) ?? 0) + 1);
    expect(perPhone.size).toBe(CONTACTS);
    expect([...perPhone.values()].every((n) => n === 1)).toBe(true);
    // Each execution's provider id is the one drop Drop Cowboy accepted for it.
    const executions = (await http().get(`${base}/executions`).set(auth).query({ limit: 100 }).expect(200)).body.items as { providerMessageId: string }[];
    expect(new Set(executions.map((e) => e.providerMessageId))).toEqual(new Set([...drops.values()].map((d) => d.messageId)));
  }, 240_000);
});
