import { Page, pageOf, skipOf, Tenant } from '@cadence/api-core';
import { Injectable } from '@nestjs/common';
import { ListCampaignsQueryDto } from '../dto/campaign.request.dto';
import { CampaignResponseDto } from '../dto/campaign.response.dto';
import { CampaignRepository } from '../repositories/campaign.repository';

@Injectable()
export class ListCampaignsUseCase {
  constructor(private readonly campaigns: CampaignRepository) {}

  async execute(tenant: Tenant, query: ListCampaignsQueryDto): Promise<Page<CampaignResponseDto>> {
    const { items, total } = await this.campaigns.findPage(tenant, { status: query.status, type: query.type, search: query.search || undefined }, query.sort, skipOf(query), query.limit);
    return pageOf(items.map(CampaignResponseDto.from), total, query);
  }
}
