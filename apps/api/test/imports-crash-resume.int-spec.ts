import { AppConfig, loadConfig } from '@cadence/api-core';
import { setTestEnv, startTestInfrastructure, TestInfrastructure } from '@cadence/api-testing';
import { getConnectionToken } from '@nestjs/mongoose';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { Connection, Types } from 'mongoose';
import request from 'supertest';
import { AppModule } from '../src/app/app.module';
import { configureHttp } from '../src/app/configure-app';

const ROWS = 6000;
const WORKSPACE = resolve(__dirname, '../../..');

/** Every 10th row repeats an earlier row's phone, so in-file dedupe is part of what must survive the crash. */
function farmList(): string {
  const lines = ['Owner Name,Phone,Email,Property Address,City,State,Zip'];
  for (let i = 0; i < ROWS; i++) {
    const n = i % 10 === 9 ? i - 5 : i;
    lines.push(`OWNER ${n},(760) 5${String(n).padStart(2, '0').slice(-2)}-${String(1000 + (n % 9000)).slice(-4)},owner${n}@example.com,${n} Palm Dr,Palm Desert,CA,92260`);
  }
  return lines.join('\n');
}

describe('import crash and resume (a real worker process killed with SIGKILL)', () => {
  let infrastructure: TestInfrastructure;
  let app: NestExpressApplication;
  const workers: ChildProcess[] = [];

  beforeAll(async () => {
    setTestEnv({ IMPORT_CHUNK_SIZE: '200', IMPORT_LOCK_DURATION_MS: '3000', IMPORT_STALLED_INTERVAL_MS: '1000' });
    infrastructure = await startTestInfrastructure();
    const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot(infrastructure.urls)] }).compile();
    app = moduleRef.createNestApplication<NestExpressApplication>({ bufferLogs: true });
    configureHttp(app, loadConfig(AppConfig));
    await app.init();
  });
  afterAll(async () => {
    for (const worker of workers) if (worker.exitCode === null && worker.signalCode === null) worker.kill('SIGKILL');
    await app.close();
    await infrastructure.stop();
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
        // DEBUG_WORKER=1 shows the workers' logs when this test needs investigating.
        LOG_LEVEL: process.env['DEBUG_WORKER'] ? 'info' : 'silent',
      },
      stdio: ['ignore', process.env['DEBUG_WORKER'] ? 'inherit' : 'ignore', process.env['DEBUG_WORKER'] ? 'inherit' : 'ignore'],
    });
    workers.push(worker);
    return worker;
  }

  it('resumes in another worker without a duplicate contact and with every row imported', async () => {
    const http = () => request(app.getHttpServer());
    const session = (await http().post('/api/v1/auth/register').send({ email: 'crash@example.com', password: 'correct horse battery', name: 'Crash' }).expect(201)).body;
    const auth = { Authorization: `Bearer ${session.accessToken}` };
    const started = (await http().post('/api/v1/imports').set(auth).attach('file', Buffer.from(farmList()), 'farm.csv').expect(202)).body;
    const batch = async () => (await http().get(`/api/v1/imports/${started.id}`).set(auth).expect(200)).body;

    const first = startWorker();
    let seen = await batch();
    const deadline = Date.now() + 90_000;
    while (seen.progress.processed < 1000) {
      if (Date.now() > deadline) throw new Error('the first worker never got going');
      await new Promise((r) => setTimeout(r, 25));
      seen = await batch();
    }
    first.kill('SIGKILL');
    await new Promise((r) => first.once('exit', r));
    const atKill = await batch();
    expect(atKill.status).toBe('processing');
    expect(atKill.progress.processed).toBeLessThan(ROWS);

    startWorker();
    let done = await batch();
    while (done.status !== 'completed' && done.status !== 'failed') {
      if (Date.now() > deadline) throw new Error(`the second worker did not finish (${done.status}, ${done.progress.processed}/${ROWS})`);
      await new Promise((r) => setTimeout(r, 100));
      done = await batch();
    }

    const unique = ROWS - ROWS / 10;
    expect(done).toMatchObject({ status: 'completed', progress: { processed: ROWS, total: ROWS, percentage: 100 }, counts: { created: unique, duplicates: ROWS / 10, failed: 0 } });
    expect((await http().get('/api/v1/contacts').set(auth).query({ limit: 1 }).expect(200)).body.total).toBe(unique);
    const contacts = app.get<Connection>(getConnectionToken()).collection('contacts');
    const perPhone = await contacts.aggregate([{ $match: { userId: new Types.ObjectId(session.user.id) } }, { $unwind: '$phoneKeys' }, { $group: { _id: '$phoneKeys', n: { $sum: 1 } } }, { $match: { n: { $gt: 1 } } }]).toArray();
    expect(perPhone).toEqual([]);
    const events = app.get<Connection>(getConnectionToken()).collection('contactEvents');
    expect(await events.countDocuments({ userId: new Types.ObjectId(session.user.id), type: 'imported' })).toBe(unique);
  }, 180_000);
});
