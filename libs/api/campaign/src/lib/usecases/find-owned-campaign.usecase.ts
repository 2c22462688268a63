import { parseObjectId, Tenant } from '@cadence/api-core';
import { Injectable } from '@nestjs/common';
import { CampaignErrorCode, CampaignException } from '../campaign.exception';
import { CampaignRepository } from '../repositories/campaign.repository';
import { Campaign } from '../schemas/campaign.schema';

/** The caller's campaign or 404: another agent's campaign is indistinguishable from a missing one. */
@Injectable()
export class FindOwnedCampaignUseCase {
  constructor(private readonly campaigns: CampaignRepository) {}

  async execute(tenant: Tenant, id: string): Promise<Campaign> {
    const objectId = parseObjectId(id);
    const campaign = objectId ? await this.campaigns.findOne(tenant, objectId) : null;
    if (!campaign) throw new CampaignException(CampaignErrorCode.CampaignNotFound, 'Campaign not found');
    return campaign;
  }
}
