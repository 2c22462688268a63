import { Tenant } from '@cadence/api-core';
import { Injectable } from '@nestjs/common';
import { CampaignResponseDto } from '../dto/campaign.response.dto';
import { FindOwnedCampaignUseCase } from './find-owned-campaign.usecase';

@Injectable()
export class GetCampaignUseCase {
  constructor(private readonly findCampaign: FindOwnedCampaignUseCase) {}

  async execute(tenant: Tenant, id: string): Promise<CampaignResponseDto> {
    return CampaignResponseDto.from(await this.findCampaign.execute(tenant, id));
  }
}
