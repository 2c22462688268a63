import { loadConfig, QueueName } from '@cadence/api-core';
import { InjectQueue, Process, Processor } from '@nestjs/bull';
import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bull';
import { RunCampaignClockUseCase } from '../usecases/run-campaign-clock.usecase';
import { CampaignClockConfig } from './campaign-clock.config';

export const CAMPAIGN_CLOCK_JOB = 'campaign-clock';

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
    const seconds = loadConfig(CampaignClockConfig).CAMPAIGN_CLOCK_INTERVAL_SECONDS;
    if (seconds === 0) return;
    await this.queue.add(CAMPAIGN_CLOCK_JOB, {}, { repeat: { every: seconds * 1000 }, jobId: CAMPAIGN_CLOCK_JOB, removeOnComplete: true, removeOnFail: true });
  }

  @Process(CAMPAIGN_CLOCK_JOB)
  async tick(): Promise<void> {
    const report = await this.clock.execute();
    if (Object.values(report).some((n) => n > 0)) this.logger.log(`Campaign clock: ${JSON.stringify(report)}`);
  }
}
