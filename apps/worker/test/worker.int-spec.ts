import { QueueName, workerHeartbeatKey } from '@cadence/api-core';
import { setTestEnv, startTestInfrastructure, TestInfrastructure } from '@cadence/api-testing';
import { getQueueToken } from '@nestjs/bull';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { Queue } from 'bull';
import { WorkerModule } from '../src/app/worker.module';

describe('worker process (application context, real Redis)', () => {
  let infrastructure: TestInfrastructure;
  const workers: INestApplicationContext[] = [];

  beforeAll(async () => {
    setTestEnv();
    infrastructure = await startTestInfrastructure();
  });
  afterAll(async () => {
    for (const worker of workers) await worker.close();
    await infrastructure.stop();
  });

  async function startWorker(): Promise<INestApplicationContext> {
    const worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(infrastructure.urls), { logger: false });
    await worker.init();
    workers.push(worker);
    return worker;
  }

  it('announces itself through a heartbeat the health check reads', async () => {
    const worker = await startWorker();
    const queue = worker.get<Queue>(getQueueToken(QueueName.System));
    const seen = await queue.client.get(workerHeartbeatKey(infrastructure.urls.queuePrefix));
    expect(Date.now() - Date.parse(seen ?? '')).toBeLessThan(5000);
  });

  it('keeps one repeatable heartbeat however many workers start', async () => {
    const second = await startWorker();
    const queue = second.get<Queue>(getQueueToken(QueueName.System));
    const repeatable = await queue.getRepeatableJobs();
    expect(repeatable).toHaveLength(1);
    expect(repeatable[0]).toMatchObject({ name: 'heartbeat', every: 5000 });
  });
});
