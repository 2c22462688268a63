import { Tenant } from '@cadence/api-core';
import { FindOwnedCampaignUseCase } from '@cadence/api-campaign';
import { Injectable } from '@nestjs/common';
import { StrategyListResponseDto, StrategyResponseDto } from '../dto/strategy.response.dto';
import { StrategyRepository } from '../repositories/strategy.repository';

/** A campaign has a handful of strategies (one or two per channel), so the list is not paged. */
@Injectable()
export class ListStrategiesUseCase {
  constructor(
    private readonly findCampaign: FindOwnedCampaignUseCase,
    private readonly strategies: StrategyRepository,
  ) {}

  async execute(tenant: Tenant, campaignId: string): Promise<StrategyListResponseDto> {
    const campaign = await this.findCampaign.execute(tenant, campaignId);
    return { items: (await this.strategies.findForCampaign(tenant, campaign._id)).map(StrategyResponseDto.from) };
  }
}
