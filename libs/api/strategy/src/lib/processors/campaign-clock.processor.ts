import { QueueName } from '@cadence/api-core';
import { InjectQueue, Process, Processor } from '@nestjs/bull';
import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bull';
import { RunCampaignClockUseCase } from '../usecases/run-campaign-clock.usecase';

export const CAMPAIGN_CLOCK_JOB = 'campaign-clock';
/** Start and end dates are whole days and scheduled deploys are minutes apart: a tick this often is on time. */
export const CAMPAIGN_CLOCK_EVERY_MS = 15_000;

/**
 * Drives RunCampaignClockUseCase from a repeatable Bull job rather than a timer: one repeat key
 * (fixed job id and interval) however many workers boot, so the ticks are not multiplied; and a
 * tick that dies with its worker is picked up again like any stalled job (each tick is idempotent).
 */
@Processor(QueueName.CampaignScheduler)
export class CampaignClockProcessor implements OnApplicationBootstrap {
  private readonly logger = new Logger('CampaignClock');

  constructor(
    @InjectQueue(QueueName.CampaignScheduler) private readonly queue: Queue,
    private readonly clock: RunCampaignClockUseCase,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.add(CAMPAIGN_CLOCK_JOB, {}, { repeat: { every: CAMPAIGN_CLOCK_EVERY_MS }, jobId: CAMPAIGN_CLOCK_JOB, removeOnComplete: true, removeOnFail: true });
  }

  @Process(CAMPAIGN_CLOCK_JOB)
  async tick(): Promise<void> {
    const report = await this.clock.execute();
    if (Object.values(report).some((n) => n > 0)) this.logger.log(`Campaign clock: ${JSON.stringify(report)}`);
  }
}
