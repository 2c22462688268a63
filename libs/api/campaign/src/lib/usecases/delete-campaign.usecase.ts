import { Tenant } from '@cadence/api-core';
import { Injectable } from '@nestjs/common';
import { CampaignErrorCode, CampaignException } from '../campaign.exception';
import { CampaignRepository } from '../repositories/campaign.repository';
import { FindOwnedCampaignUseCase } from './find-owned-campaign.usecase';

/** Only a draft can go: anything past it has a history (approvals, sends, costs) that must stay. */
@Injectable()
export class DeleteCampaignUseCase {
  constructor(
    private readonly campaigns: CampaignRepository,
    private readonly findCampaign: FindOwnedCampaignUseCase,
  ) {}

  async execute(tenant: Tenant, id: string): Promise<void> {
    const campaign = await this.findCampaign.execute(tenant, id);
    if (!(await this.campaigns.deleteDraft(tenant, campaign._id))) {
      throw new CampaignException(CampaignErrorCode.NotDeletable, `Only a draft campaign can be deleted; this one is ${campaign.status}`, { status: campaign.status });
    }
  }
}
