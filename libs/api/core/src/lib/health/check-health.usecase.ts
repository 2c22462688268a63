import { getQueueToken } from '@nestjs/bull';
import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { InjectConnection } from '@nestjs/mongoose';
import type { Queue } from 'bull';
import type { Connection } from 'mongoose';
import { ALL_QUEUES } from '../queues/queue-name';
import { InfrastructureUrls } from '../infrastructure/infrastructure-urls';
import { WORKER_HEARTBEAT_EVERY_MS, workerHeartbeatKey } from '../queues/worker-heartbeat';
import { ComponentHealthDto, HealthResponseDto, HealthState, QueueHealthDto, WorkerHealthDto } from './health.response.dto';

const CHECK_TIMEOUT_MS = 2000;

@Injectable()
export class CheckHealthUseCase {
  constructor(
    @InjectConnection() private readonly connection: Connection,
    private readonly moduleRef: ModuleRef,
    private readonly urls: InfrastructureUrls,
  ) {}

  async execute(): Promise<HealthResponseDto> {
    const queues = ALL_QUEUES.map((name) => this.moduleRef.get<Queue>(getQueueToken(name), { strict: false }));
    const [mongo, redis, queueChecks, worker] = await Promise.all([
      timed(async () => {
        const db = this.connection.db;
        if (!db || this.connection.readyState !== 1) throw new Error('not connected');
        await db.admin().ping();
      }),
      timed(async () => {
        await queues[0].client.ping();
      }),
      Promise.all(queues.map((queue) => this.queueHealth(queue))),
      this.workerHealth(queues[0]),
    ]);
    const allUp = [mongo, redis, ...queueChecks].every((c) => c.status === HealthState.Up);
    return { status: allUp ? HealthState.Up : HealthState.Down, checks: { mongo, redis, queues: queueChecks, worker } };
  }

  private async queueHealth(queue: Queue): Promise<QueueHealthDto> {
    let counts = { waiting: 0, active: 0, delayed: 0, failed: 0 };
    const check = await timed(async () => {
      counts = await queue.getJobCounts();
    });
    return { name: queue.name, ...check, waiting: counts.waiting, active: counts.active, delayed: counts.delayed, failed: counts.failed };
  }

  private async workerHealth(queue: Queue): Promise<WorkerHealthDto> {
    const lastSeen = await withTimeout(queue.client.get(workerHeartbeatKey(this.urls.queuePrefix))).catch(() => null);
    const fresh = lastSeen !== null && Date.now() - Date.parse(lastSeen) < WORKER_HEARTBEAT_EVERY_MS * 3;
    return { status: fresh ? HealthState.Up : HealthState.Down, lastSeenAt: lastSeen };
  }
}

async function timed(check: () => Promise<void>): Promise<ComponentHealthDto> {
  const started = performance.now();
  try {
    await withTimeout(check());
    return { status: HealthState.Up, latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    return { status: HealthState.Down, latencyMs: Math.round(performance.now() - started), error: (error as Error).message };
  }
}

function withTimeout<T>(promise: Promise<T>): Promise<T> {
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS).unref()),
  ]);
}
