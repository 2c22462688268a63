import { Tenant } from '@cadence/api-core';
import { Injectable } from '@nestjs/common';
import { CreateCampaignRequestDto } from '../dto/campaign.request.dto';
import { CampaignResponseDto } from '../dto/campaign.response.dto';
import { CampaignRepository } from '../repositories/campaign.repository';
import { CampaignType } from '../schemas/campaign.schema';
import { budgetLimitMicrosOf, scheduleSettingsOf } from './campaign-settings';

@Injectable()
export class CreateCampaignUseCase {
  constructor(private readonly campaigns: CampaignRepository) {}

  async execute(tenant: Tenant, input: CreateCampaignRequestDto): Promise<CampaignResponseDto> {
    const campaign = await this.campaigns.create(tenant, {
      name: input.name,
      type: input.type ?? CampaignType.Custom,
      neighborhood: input.neighborhood ?? null,
      description: input.description ?? null,
      schedule: scheduleSettingsOf(input.schedule),
      budget: { limitMicros: budgetLimitMicrosOf(input.budgetLimitUsd), spentMicros: 0 },
    });
    return CampaignResponseDto.from(campaign);
  }
}
