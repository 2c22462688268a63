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
  ) {}

  async execute(tenant: Tenant, campaignId: string, strategyId: string): Promise<StrategyResponseDto> {
    const { strategy } = await this.findStrategy.execute(tenant, campaignId, strategyId);
    const paused = await this.strategies.transition(tenant, strategy._id, [StrategyStatus.Active], StrategyStatus.Paused, { pausedAt: this.clock.now() });
    if (!paused) throw new StrategyException(StrategyErrorCode.IllegalTransition, `A ${strategy.status} strategy cannot be paused`, { status: strategy.status });
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
  ) {}

  async execute(tenant: Tenant, campaignId: string, strategyId: string): Promise<StrategyResponseDto> {
    const { strategy } = await this.findStrategy.execute(tenant, campaignId, strategyId);
    const resumed = await this.strategies.transition(tenant, strategy._id, [StrategyStatus.Paused], StrategyStatus.Active, { pausedAt: null });
    if (!resumed) throw new StrategyException(StrategyErrorCode.IllegalTransition, `A ${strategy.status} strategy cannot be resumed`, { status: strategy.status });
    await this.fanOut.execute(tenant, resumed);
    return StrategyResponseDto.from(resumed);
  }
}
