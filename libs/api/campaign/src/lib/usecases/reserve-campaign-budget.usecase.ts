import { Tenant } from '@cadence/api-core';
import { Injectable } from '@nestjs/common';
import { Types } from 'mongoose';
import { isRunning } from '../domain/campaign-status';
import { CampaignRepository } from '../repositories/campaign.repository';
import { Campaign } from '../schemas/campaign.schema';
import { BUDGET_REACHED_REASON, pauseUnlessAlreadyMoved } from './record-campaign-counters.usecase';
import { TransitionCampaignUseCase } from './transition-campaign.usecase';

/**
 * Sets a send's estimated cost aside before the provider call. When it does not fit, the campaign is
 * paused with the budget reason and the caller holds the send; RecordCampaignCounters settles the
 * difference with the actual charge afterwards (or refunds it when the send failed).
 */
@Injectable()
export class ReserveCampaignBudgetUseCase {
  constructor(
    private readonly campaigns: CampaignRepository,
    private readonly transition: TransitionCampaignUseCase,
  ) {}

  async execute(tenant: Tenant, campaign: Campaign, micros: number): Promise<boolean> {
    if (await this.campaigns.reserveSpend(tenant, campaign._id, micros, campaign.budget?.limitMicros ?? null)) return true;
    await this.pauseForBudget(tenant, campaign._id);
    return false;
  }

  /** Also what the gate's "budget exhausted" leads to: the agent sees why the campaign stopped. */
  async pauseForBudget(tenant: Tenant, id: Types.ObjectId): Promise<void> {
    const current = await this.campaigns.findOne(tenant, id);
    if (current && isRunning(current.status)) await pauseUnlessAlreadyMoved(this.transition, tenant, id, BUDGET_REACHED_REASON);
  }
}
