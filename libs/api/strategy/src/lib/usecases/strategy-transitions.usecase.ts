import { CampaignActivityType, RecordCampaignActivityUseCase } from '@cadence/api-campaign';
import { Clock, Tenant } from '@cadence/api-core';
import { Injectable } from '@nestjs/common';
import { StrategyResponseDto } from '../dto/strategy.response.dto';
import { StrategyRepository } from '../repositories/strategy.repository';
import { StrategyStatus } from '../schemas/strategy.schema';
import { StrategyErrorCode, StrategyException } from '../strategy.exception';
import { StartFanOutUseCase } from './deploy-strategy.usecase';
import { FindOwnedStrategyUseCase } from './find-owned-strategy.usecase';

/** Stops this strategy's sends: the send path re-reads the status right before every provider call. */
@Injectable()
export class PauseStrategyUseCase {
  constructor(
    private readonly findStrategy: FindOwnedStrategyUseCase,
    private readonly strategies: StrategyRepository,
    private readonly clock: Clock,
    private readonly activity: RecordCampaignActivityUseCase,
  ) {}

  async execute(tenant: Tenant, campaignId: string, strategyId: string): Promise<StrategyResponseDto> {
    const { strategy } = await this.findStrategy.execute(tenant, campaignId, strategyId);
    const paused = await this.strategies.transition(tenant, strategy._id, [StrategyStatus.Active], StrategyStatus.Paused, { pausedAt: this.clock.now() });
    if (!paused) throw new StrategyException(StrategyErrorCode.IllegalTransition, `A ${strategy.status} strategy cannot be paused`, { status: strategy.status });
    await this.activity.execute(tenant, { campaignId: paused.campaignId, type: CampaignActivityType.StrategyPaused, message: `Strategy "${paused.name}" paused`, data: { strategyId: paused._id.toHexString() } });
    return StrategyResponseDto.from(paused);
  }
}

/** Back to active, and a fan-out that re-queues what the pause held back. */
@Injectable()
export class ResumeStrategyUseCase {
  constructor(
    private readonly findStrategy: FindOwnedStrategyUseCase,
    private readonly strategies: StrategyRepository,
    private readonly fanOut: StartFanOutUseCase,
    private readonly activity: RecordCampaignActivityUseCase,
  ) {}

  async execute(tenant: Tenant, campaignId: string, strategyId: string): Promise<StrategyResponseDto> {
    const { strategy } = await this.findStrategy.execute(tenant, campaignId, strategyId);
    const resumed = await this.strategies.transition(tenant, strategy._id, [StrategyStatus.Paused], StrategyStatus.Active, { pausedAt: null });
    if (!resumed) throw new StrategyException(StrategyErrorCode.IllegalTransition, `A ${strategy.status} strategy cannot be resumed`, { status: strategy.status });
    await this.fanOut.execute(tenant, resumed);
    await this.activity.execute(tenant, { campaignId: resumed.campaignId, type: CampaignActivityType.StrategyResumed, message: `Strategy "${resumed.name}" resumed`, data: { strategyId: resumed._id.toHexString() } });
    return StrategyResponseDto.from(resumed);
  }
}
