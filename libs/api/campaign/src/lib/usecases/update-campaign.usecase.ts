import { Tenant } from '@cadence/api-core';
import { Injectable } from '@nestjs/common';
import { CampaignErrorCode, CampaignException } from '../campaign.exception';
import { isEditable } from '../domain/campaign-status';
import { UpdateCampaignRequestDto } from '../dto/campaign.request.dto';
import { CampaignResponseDto } from '../dto/campaign.response.dto';
import { CampaignRepository, CampaignSettingsUpdate } from '../repositories/campaign.repository';
import { CampaignStatus } from '../schemas/campaign.schema';
import { budgetLimitMicrosOf, scheduleSettingsOf } from './campaign-settings';
import { FindOwnedCampaignUseCase } from './find-owned-campaign.usecase';

const EDITABLE = Object.values(CampaignStatus).filter(isEditable);

@Injectable()
export class UpdateCampaignUseCase {
  constructor(
    private readonly campaigns: CampaignRepository,
    private readonly findCampaign: FindOwnedCampaignUseCase,
  ) {}

  async execute(tenant: Tenant, id: string, input: UpdateCampaignRequestDto): Promise<CampaignResponseDto> {
    const current = await this.findCampaign.execute(tenant, id);
    const set: CampaignSettingsUpdate = {};
    if (input.name !== undefined) set.name = input.name;
    if (input.type !== undefined) set.type = input.type;
    if (input.neighborhood !== undefined) set.neighborhood = input.neighborhood;
    if (input.description !== undefined) set.description = input.description;
    if (input.schedule !== undefined) set.schedule = scheduleSettingsOf(input.schedule);
    if (input.budgetLimitUsd !== undefined) set.budgetLimitMicros = budgetLimitMicrosOf(input.budgetLimitUsd);
    const updated = await this.campaigns.updateSettings(tenant, current._id, EDITABLE, set);
    if (!updated) {
      throw new CampaignException(CampaignErrorCode.NotEditable, `A ${current.status} campaign cannot be edited; pause it first`, { status: current.status });
    }
    return CampaignResponseDto.from(updated);
  }
}
