import { Tenant } from '@cadence/api-core';
import { Injectable } from '@nestjs/common';
import { StrategyRepository } from '../repositories/strategy.repository';
import { StrategyErrorCode, StrategyException } from '../strategy.exception';
import { FindOwnedStrategyUseCase } from './find-owned-strategy.usecase';

/** Only a strategy never deployed goes; a deployed one has executions and costs that must stay. */
@Injectable()
export class DeleteStrategyUseCase {
  constructor(
    private readonly findStrategy: FindOwnedStrategyUseCase,
    private readonly strategies: StrategyRepository,
  ) {}

  async execute(tenant: Tenant, campaignId: string, strategyId: string): Promise<void> {
    const { strategy } = await this.findStrategy.execute(tenant, campaignId, strategyId);
    if (!(await this.strategies.deleteDraft(tenant, strategy._id))) {
      throw new StrategyException(StrategyErrorCode.NotDeletable, `Only a draft strategy can be deleted; this one is ${strategy.status}`, { status: strategy.status });
    }
  }
}
