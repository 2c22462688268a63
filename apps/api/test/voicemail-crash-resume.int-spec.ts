import { AuthModule } from '@cadence/api-auth';
import { CampaignModule } from '@cadence/api-campaign';
import { ContactModule } from '@cadence/api-contact';
import { AppConfig, CoreModule, loadConfig } from '@cadence/api-core';
import { MediaModule } from '@cadence/api-media';
import { VoicemailModule } from '@cadence/api-voicemail';
import { setTestEnv, startTestInfrastructure, TestInfrastructure } from '@cadence/api-testing';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { getConnectionToken } from '@nestjs/mongoose';
import { ChildProcess, spawn } from 'node:child_process';
import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { Connection } from 'mongoose';
import request from 'supertest';
import { configureHttp } from '../src/app/configure-app';

const CONTACTS = 300;
const WORKSPACE = resolve(__dirname, '../../..');

/** An OpenAI-compatible chat API that counts requests per contact (the prompt names the contact). */
function startChatServer(calls: Map<string, number>): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { messages: { content: string }[] };
      const name = /- Name: (Owner\d+)/.exec(body.messages[1].content)?.[1] ?? 'unknown';
      calls.set(name, (calls.get(name) ?? 0) + 1);
      const words = Array.from({ length: 70 }, (_, i) => `word${i}`).join(' ');
      setTimeout(() => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ model: 'local-llm', choices: [{ message: { role: 'assistant', content: `Here's your script:\nHi ${name}, this is Dana Reyes with Desert Sun Realty. ${words}.` } }], usage: { prompt_tokens: 400, completion_tokens: 150 } }));
      }, 15);
    });
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`, server })));
}

describe('voicemail script batch crash and resume (a real worker process killed with SIGKILL)', () => {
  let infrastructure: TestInfrastructure;
  let api: NestExpressApplication;
  let chat: { url: string; server: Server };
  const calls = new Map<string, number>();
  const workers: ChildProcess[] = [];

  beforeAll(async () => {
    setTestEnv({});
    chat = await startChatServer(calls);
    infrastructure = await startTestInfrastructure();
    const moduleRef = await Test.createTestingModule({ imports: [CoreModule.forRoot(infrastructure.urls), AuthModule, ContactModule, CampaignModule, MediaModule, VoicemailModule] }).compile();
    api = moduleRef.createNestApplication<NestExpressApplication>({ bufferLogs: true, bodyParser: false });
    configureHttp(api, loadConfig(AppConfig));
    await api.init();
  }, 60_000);
  afterAll(async () => {
    for (const worker of workers) if (worker.exitCode === null && worker.signalCode === null) worker.kill('SIGKILL');
    await api?.close();
    await infrastructure?.stop();
    chat?.server.closeAllConnections();
    chat?.server.close();
  });

  function startWorker(): ChildProcess {
    const worker = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/worker/src/main.ts'], {
      cwd: WORKSPACE,
      env: {
        ...process.env,
        SWC_NODE_PROJECT: 'tools/tsconfig.tools.json',
        MONGODB_URI: infrastructure.urls.mongoUrl,
        REDIS_URL: infrastructure.urls.redisUrl,
        QUEUE_PREFIX: infrastructure.urls.queuePrefix,
        LLM_BASE_URL: chat.url,
        LLM_API_KEY: 'gsk_local',
        LLM_CONCURRENCY: '4',
        VOICEMAIL_LOCK_DURATION_MS: '3000',
        VOICEMAIL_STALLED_INTERVAL_MS: '1000',
        // DEBUG_WORKER=1 shows the workers' logs when this test needs investigating.
        LOG_LEVEL: process.env['DEBUG_WORKER'] ? 'info' : 'silent',
      },
      stdio: ['ignore', process.env['DEBUG_WORKER'] ? 'inherit' : 'ignore', process.env['DEBUG_WORKER'] ? 'inherit' : 'ignore'],
    });
    workers.push(worker);
    return worker;
  }

  it('resumes in another worker: every contact gets one script, and no stored script is asked for again', async () => {
    const http = () => request(api.getHttpServer());
    const session = (await http().post('/api/v1/auth/register').send({ email: 'vm-crash@example.com', password: 'correct horse battery', name: 'Dana' }).expect(201)).body;
    const auth = { Authorization: `Bearer ${session.accessToken}` };
    const campaign = (await http().post('/api/v1/campaigns').set(auth).send({ name: 'Farm', type: 'custom' }).expect(201)).body;
    const connection = api.get<Connection>(getConnectionToken());
    const nameOf = new Map<string, string>();
    for (let i = 0; i < CONTACTS; i += 25) {
      await Promise.all(
        Array.from({ length: Math.min(25, CONTACTS - i) }, async (_, j) => {
          const n = i + j;
          const contact = (await http().post('/api/v1/contacts').set(auth).send({ firstName: `Owner${n}`, lastName: 'Lopez', phones: [{ number: `+1760555${String(1000 + n)}` }] }).expect(201)).body;
          nameOf.set(contact.id, `Owner${n}`);
        }),
      );
    }
    await http().post(`/api/v1/campaigns/${campaign.id}/contacts`).set(auth).send({ contactIds: [...nameOf.keys()] }).expect(200);
    await http().put(`/api/v1/campaigns/${campaign.id}/voicemail/settings`).set(auth).send({ agentName: 'Dana Reyes', brokerage: 'Desert Sun Realty', callbackNumber: '(760) 555-0142', templateKind: 'prospecting' }).expect(200);
    await http().post(`/api/v1/campaigns/${campaign.id}/voicemail/script-batches`).set(auth).send({}).expect(202);
    const batch = async () => (await http().get(`/api/v1/campaigns/${campaign.id}/voicemail/batches/current`).query({ kind: 'scripts' }).set(auth).expect(200)).body.batch;

    const first = startWorker();
    const scripts = connection.collection('voicemailScripts');
    let deadline = Date.now() + 90_000;
    while ((await scripts.countDocuments({})) < 80) {
      if (Date.now() > deadline) throw new Error('the first worker never got going');
      await new Promise((r) => setTimeout(r, 20));
    }
    first.kill('SIGKILL');
    await new Promise((r) => first.once('exit', r));
    const storedAtKill = (await scripts.find({}, { projection: { contactId: 1 } }).toArray()).map((s) => String(s['contactId']));
    const namesAtKill = storedAtKill.map((id) => nameOf.get(id) as string);
    expect(namesAtKill.every(Boolean)).toBe(true);
    expect(storedAtKill.length).toBeGreaterThanOrEqual(80);
    expect(storedAtKill.length).toBeLessThan(CONTACTS);

    startWorker();
    deadline = Date.now() + 90_000;
    let seen = await batch();
    while (seen.status !== 'completed') {
      if (Date.now() > deadline) throw new Error(`the batch never finished after the restart: ${JSON.stringify(seen)}`);
      await new Promise((r) => setTimeout(r, 100));
      seen = await batch();
    }
    expect(seen).toMatchObject({ total: CONTACTS, succeeded: CONTACTS, failed: 0, current: CONTACTS });
    expect(seen.runs).toBeGreaterThanOrEqual(2);
    expect(await scripts.countDocuments({})).toBe(CONTACTS);
    expect(calls.size).toBe(CONTACTS);
    // A script stored before the kill is never requested again; only calls in flight at the kill (at most LLM_CONCURRENCY) repeat.
    for (const name of namesAtKill) expect(calls.get(name)).toBe(1);
    const repeated = [...calls.values()].filter((n) => n > 1).length;
    expect(repeated).toBeLessThanOrEqual(4);
    const one = await scripts.findOne({});
    expect(one?.['script']).not.toMatch(/^Here's your script/);
    expect(one?.['script']).toContain('to opt out');
  }, 180_000);
});
