import { CampaignActivityType, CampaignStatus, RecordCampaignActivityUseCase } from '@cadence/api-campaign';
import { Clock, QueueName, Tenant } from '@cadence/api-core';
import { InjectQueue } from '@nestjs/bull';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bull';
import { DeployStrategyResponseDto } from '../dto/execution.dto';
import { FanOutJobData, StrategyJob } from '../pipeline/strategy-jobs';
import { StrategyRepository } from '../repositories/strategy.repository';
import { Strategy, StrategyStatus } from '../schemas/strategy.schema';
import { StrategyErrorCode, StrategyException } from '../strategy.exception';
import { FindOwnedStrategyUseCase } from './find-owned-strategy.usecase';

const RUNNING = [CampaignStatus.Active, CampaignStatus.Submitted, CampaignStatus.Scheduled];

/** Enqueues a strategy's fan-out; idempotent, because every execution has a unique key. */
@Injectable()
export class StartFanOutUseCase {
  constructor(
    @InjectQueue(QueueName.StrategyFanOut) private readonly queue: Queue,
    private readonly strategies: StrategyRepository,
    private readonly clock: Clock,
  ) {}

  async execute(tenant: Tenant, strategy: Strategy): Promise<void> {
    await this.strategies.markFanOutRequested(tenant, strategy._id, this.clock.now());
    const data: FanOutJobData = { strategyId: strategy._id.toHexString(), userId: tenant.userId, teamId: tenant.teamId };
    await this.queue.add(StrategyJob.FanOut, data, { attempts: 5, backoff: { type: 'exponential', delay: 2000 } });
  }
}

/**
 * Records the intent (draft or scheduled → active) and enqueues one fan-out job; returns at once. Deploying an
 * active strategy again runs the fan-out again, which adds members added since and creates nothing twice.
 */
@Injectable()
export class DeployStrategyUseCase {
  constructor(
    private readonly findStrategy: FindOwnedStrategyUseCase,
    private readonly strategies: StrategyRepository,
    private readonly fanOut: StartFanOutUseCase,
    private readonly clock: Clock,
    private readonly activity: RecordCampaignActivityUseCase,
  ) {}

  async execute(tenant: Tenant, campaignId: string, strategyId: string): Promise<DeployStrategyResponseDto> {
    const { campaign, strategy } = await this.findStrategy.execute(tenant, campaignId, strategyId);
    if (!RUNNING.includes(campaign.status)) {
      throw new StrategyException(StrategyErrorCode.CampaignNotRunning, `The campaign is ${campaign.status}; approve and launch it before deploying`, { campaignStatus: campaign.status });
    }
    const deployed =
      strategy.status === StrategyStatus.Active ? strategy : await this.strategies.transition(tenant, strategy._id, [StrategyStatus.Draft, StrategyStatus.Scheduled], StrategyStatus.Active, { deployedAt: this.clock.now(), scheduledFor: null });
    if (!deployed) throw new StrategyException(StrategyErrorCode.IllegalTransition, `A ${strategy.status} strategy cannot be deployed${strategy.status === StrategyStatus.Paused ? '; resume it' : ''}`, { status: strategy.status });
    await this.fanOut.execute(tenant, deployed);
    if (deployed !== strategy) await this.activity.execute(tenant, { campaignId: campaign._id, type: CampaignActivityType.StrategyDeployed, message: `Strategy "${deployed.name}" deployed`, data: { strategyId: deployed._id.toHexString() } });
    return { strategyId: deployed._id.toHexString(), status: deployed.status, deployedAt: (deployed.deployedAt as Date).toISOString() };
  }
}
