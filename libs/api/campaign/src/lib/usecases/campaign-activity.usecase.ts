import { Clock, Page, pageOf, PageQueryDto, skipOf, Tenant } from '@cadence/api-core';
import { Injectable, Logger } from '@nestjs/common';
import { Types } from 'mongoose';
import { CampaignActivityResponseDto } from '../dto/campaign-activity.response.dto';
import { CampaignActivityRepository } from '../repositories/campaign-activity.repository';
import { CampaignActivityType } from '../schemas/campaign-activity.schema';
import { FindOwnedCampaignUseCase } from './find-owned-campaign.usecase';

export interface CampaignActivityInput {
  campaignId: Types.ObjectId;
  type: CampaignActivityType;
  message: string;
  data?: Record<string, unknown>;
  /** Same key twice records one entry: for facts a retried job or a second worker may report again. */
  dedupeKey?: string;
  at?: Date;
}

/**
 * Adds an entry to a campaign's feed. The feed is a record, not a control path: a failure to write
 * it is logged and never undoes or blocks what it describes.
 */
@Injectable()
export class RecordCampaignActivityUseCase {
  private readonly logger = new Logger('CampaignActivity');

  constructor(
    private readonly activities: CampaignActivityRepository,
    private readonly clock: Clock,
  ) {}

  async execute(tenant: Tenant, input: CampaignActivityInput): Promise<void> {
    try {
      await this.activities.add(tenant, {
        campaignId: input.campaignId,
        type: input.type,
        message: input.message,
        data: input.data ?? {},
        at: input.at ?? this.clock.now(),
        ...(input.dedupeKey ? { dedupeKey: input.dedupeKey } : {}),
      });
    } catch (error) {
      this.logger.error(`Could not record ${input.type} for campaign ${input.campaignId.toHexString()}: ${(error as Error).message}`);
    }
  }
}

@Injectable()
export class ListCampaignActivityUseCase {
  constructor(
    private readonly findCampaign: FindOwnedCampaignUseCase,
    private readonly activities: CampaignActivityRepository,
  ) {}

  async execute(tenant: Tenant, id: string, query: PageQueryDto): Promise<Page<CampaignActivityResponseDto>> {
    const campaign = await this.findCampaign.execute(tenant, id);
    const { items, total } = await this.activities.findPage(tenant, campaign._id, skipOf(query), query.limit);
    return pageOf(items.map(CampaignActivityResponseDto.from), total, query);
  }
}
