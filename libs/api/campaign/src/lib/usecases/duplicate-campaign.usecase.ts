import { Tenant } from '@cadence/api-core';
import { Injectable } from '@nestjs/common';
import { CampaignRepository } from '../repositories/campaign.repository';
import { CampaignResponseDto } from '../dto/campaign.response.dto';
import { FindOwnedCampaignUseCase } from './find-owned-campaign.usecase';

const MAX_NAME_LENGTH = 200;

/**
 * A new draft with the source's settings (type, neighborhood, schedule, budget limit); never its
 * status, spend, counters or audience. The strategies module copies the strategies on top.
 */
@Injectable()
export class DuplicateCampaignUseCase {
  constructor(
    private readonly campaigns: CampaignRepository,
    private readonly findCampaign: FindOwnedCampaignUseCase,
  ) {}

  async execute(tenant: Tenant, id: string): Promise<CampaignResponseDto> {
    const source = await this.findCampaign.execute(tenant, id);
    const copy = await this.campaigns.create(tenant, {
      name: `${source.name} (copy)`.slice(0, MAX_NAME_LENGTH),
      type: source.type,
      neighborhood: source.neighborhood ?? null,
      description: source.description ?? null,
      schedule: source.schedule ?? null,
      budget: { limitMicros: source.budget?.limitMicros ?? null, spentMicros: 0 },
      duplicatedFrom: source._id,
    });
    return CampaignResponseDto.from(copy);
  }
}
