import { InjectQueue, Process, Processor } from '@nestjs/bull';
import { Module, OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bull';
import { Clock } from '../clock/clock';
import { QueueName } from './queue-name';
import { InfrastructureUrls } from '../infrastructure/infrastructure-urls';
import { WORKER_HEARTBEAT_EVERY_MS, workerHeartbeatKey } from './worker-heartbeat';

export enum SystemJob {
  Heartbeat = 'heartbeat',
}

/**
 * The worker proves it is alive by processing a repeatable job, not by a timer: a heartbeat means
 * the whole path (Redis, Bull, this process's event loop) works.
 */
@Processor(QueueName.System)
export class SystemProcessor implements OnApplicationBootstrap {
  constructor(
    @InjectQueue(QueueName.System) private readonly queue: Queue,
    private readonly clock: Clock,
    private readonly urls: InfrastructureUrls,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // A fixed jobId and repeat key make every worker's boot schedule the same single repeatable job.
    await this.queue.add(SystemJob.Heartbeat, {}, { repeat: { every: WORKER_HEARTBEAT_EVERY_MS }, jobId: SystemJob.Heartbeat, removeOnComplete: true, removeOnFail: true });
    await this.heartbeat();
  }

  @Process(SystemJob.Heartbeat)
  async heartbeat(): Promise<void> {
    await this.queue.client.set(workerHeartbeatKey(this.urls.queuePrefix), this.clock.now().toISOString(), 'PX', WORKER_HEARTBEAT_EVERY_MS * 3);
  }
}

/** Imported by the worker only: the API process registers no processors. */
@Module({ providers: [SystemProcessor] })
export class SystemWorkerModule {}
