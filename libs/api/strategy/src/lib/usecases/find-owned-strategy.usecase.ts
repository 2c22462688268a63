import { parseObjectId, Tenant } from '@cadence/api-core';
import { Campaign, FindOwnedCampaignUseCase } from '@cadence/api-campaign';
import { Injectable } from '@nestjs/common';
import { StrategyRepository } from '../repositories/strategy.repository';
import { Strategy } from '../schemas/strategy.schema';
import { StrategyErrorCode, StrategyException } from '../strategy.exception';

/** The caller's campaign and one of its strategies, or 404 (another agent's look the same as missing ones). */
@Injectable()
export class FindOwnedStrategyUseCase {
  constructor(
    private readonly findCampaign: FindOwnedCampaignUseCase,
    private readonly strategies: StrategyRepository,
  ) {}

  async execute(tenant: Tenant, campaignId: string, strategyId: string): Promise<{ campaign: Campaign; strategy: Strategy }> {
    const campaign = await this.findCampaign.execute(tenant, campaignId);
    const id = parseObjectId(strategyId);
    const strategy = id ? await this.strategies.findOne(tenant, campaign._id, id) : null;
    if (!strategy) throw new StrategyException(StrategyErrorCode.StrategyNotFound, 'Strategy not found');
    return { campaign, strategy };
  }
}
