import { CampaignAction, CampaignResponseDto, TransitionCampaignUseCase } from '@cadence/api-campaign';
import { Tenant } from '@cadence/api-core';
import { Injectable } from '@nestjs/common';
import { StrategyRepository } from '../repositories/strategy.repository';
import { StrategyStatus } from '../schemas/strategy.schema';
import { StartFanOutUseCase } from './deploy-strategy.usecase';

/**
 * paused → active (or scheduled before the first day), then a fan-out per active strategy so the
 * executions the pause held back are queued again. Lives here because it starts strategies' fan-outs.
 */
@Injectable()
export class ResumeCampaignUseCase {
  constructor(
    private readonly transition: TransitionCampaignUseCase,
    private readonly strategies: StrategyRepository,
    private readonly fanOut: StartFanOutUseCase,
  ) {}

  async execute(tenant: Tenant, campaignId: string): Promise<CampaignResponseDto> {
    const campaign = await this.transition.execute(tenant, campaignId, CampaignAction.Resume);
    for (const strategy of await this.strategies.findForCampaign(tenant, campaign._id)) {
      if (strategy.status === StrategyStatus.Active) await this.fanOut.execute(tenant, strategy);
    }
    return CampaignResponseDto.from(campaign);
  }
}
