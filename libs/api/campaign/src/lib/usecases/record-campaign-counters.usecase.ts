import { Tenant } from '@cadence/api-core';
import { Injectable } from '@nestjs/common';
import { Types } from 'mongoose';
import { CampaignErrorCode, CampaignException } from '../campaign.exception';
import { CampaignAction, isRunning } from '../domain/campaign-status';
import { CampaignChannel, CampaignRepository } from '../repositories/campaign.repository';
import { Campaign, ChannelStats } from '../schemas/campaign.schema';
import { BUDGET_REACHED_REASON } from './budget-reason';
import { TransitionCampaignUseCase } from './transition-campaign.usecase';

export { BUDGET_REACHED_REASON };

/** Pauses the campaign; when a concurrent send paused it (or the agent stopped it) first, that stands. */
export async function pauseUnlessAlreadyMoved(transition: TransitionCampaignUseCase, tenant: Tenant, id: Types.ObjectId, reason: string): Promise<Campaign | null> {
  try {
    return await transition.execute(tenant, id.toHexString(), CampaignAction.Pause, reason);
  } catch (error) {
    if (error instanceof CampaignException && error.code === CampaignErrorCode.IllegalTransition) return null;
    throw error;
  }
}

/**
 * What the send path reports: counters per channel and money spent. When the spend reaches the
 * budget, the campaign is paused with the reason shown to the agent, so no further send starts.
 */
@Injectable()
export class RecordCampaignCountersUseCase {
  constructor(
    private readonly campaigns: CampaignRepository,
    private readonly transition: TransitionCampaignUseCase,
  ) {}

  async execute(tenant: Tenant, campaignId: Types.ObjectId, channel: CampaignChannel, counters: Partial<Record<keyof ChannelStats, number>>, spentMicros = 0): Promise<Campaign | null> {
    const campaign = await this.campaigns.addToCounters(tenant, campaignId, channel, counters, spentMicros);
    const limit = campaign?.budget?.limitMicros ?? null;
    if (campaign && limit !== null && campaign.budget.spentMicros >= limit && isRunning(campaign.status)) {
      return (await pauseUnlessAlreadyMoved(this.transition, tenant, campaignId, BUDGET_REACHED_REASON)) ?? campaign;
    }
    return campaign;
  }
}
