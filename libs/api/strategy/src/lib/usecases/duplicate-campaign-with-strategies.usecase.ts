import { Tenant } from '@cadence/api-core';
import { CampaignResponseDto, DuplicateCampaignUseCase } from '@cadence/api-campaign';
import { Injectable } from '@nestjs/common';
import { Types } from 'mongoose';
import { StrategyRepository } from '../repositories/strategy.repository';

/** The campaign's settings (campaign module) plus copies of its strategies as drafts; never executions. */
@Injectable()
export class DuplicateCampaignWithStrategiesUseCase {
  constructor(
    private readonly duplicateCampaign: DuplicateCampaignUseCase,
    private readonly strategies: StrategyRepository,
  ) {}

  async execute(tenant: Tenant, campaignId: string): Promise<CampaignResponseDto> {
    const copy = await this.duplicateCampaign.execute(tenant, campaignId);
    const sources = await this.strategies.findForCampaign(tenant, new Types.ObjectId(copy.duplicatedFrom as string));
    await this.strategies.createMany(
      tenant,
      sources.map((s) => ({ campaignId: new Types.ObjectId(copy.id), name: s.name, type: s.type, steps: s.steps, emailSender: s.emailSender })),
    );
    return copy;
  }
}
