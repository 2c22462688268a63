import { Tenant } from '@cadence/api-core';
import { DeleteCampaignMembershipsUseCase } from '@cadence/api-contact';
import { Injectable } from '@nestjs/common';
import { CampaignErrorCode, CampaignException } from '../campaign.exception';
import { CampaignActivityRepository } from '../repositories/campaign-activity.repository';
import { CampaignRepository } from '../repositories/campaign.repository';
import { FindOwnedCampaignUseCase } from './find-owned-campaign.usecase';

/** Only a draft can go (with its memberships): anything past it has a history (approvals, sends, costs) that must stay. */
@Injectable()
export class DeleteCampaignUseCase {
  constructor(
    private readonly campaigns: CampaignRepository,
    private readonly findCampaign: FindOwnedCampaignUseCase,
    private readonly memberships: DeleteCampaignMembershipsUseCase,
    private readonly activities: CampaignActivityRepository,
  ) {}

  async execute(tenant: Tenant, id: string): Promise<void> {
    const campaign = await this.findCampaign.execute(tenant, id);
    if (!(await this.campaigns.deleteDraft(tenant, campaign._id))) {
      throw new CampaignException(CampaignErrorCode.NotDeletable, `Only a draft campaign can be deleted; this one is ${campaign.status}`, { status: campaign.status });
    }
    // After the campaign is gone: a crash in between leaves orphans no query reaches, never a
    // campaign whose members vanished. A draft has sent nothing, so nothing of its history is lost.
    await this.memberships.execute(tenant, campaign._id);
    await this.activities.deleteForCampaign(tenant, campaign._id);
  }
}
