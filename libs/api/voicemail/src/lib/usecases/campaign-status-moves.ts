import { CampaignAction, CampaignErrorCode, CampaignException, TransitionCampaignUseCase } from '@cadence/api-campaign';
import { Tenant } from '@cadence/api-core';
import { Types } from 'mongoose';

/**
 * Moves the campaign along the voicemail statuses when it is in a status that allows it; a campaign
 * the agent already moved elsewhere (approved, active) keeps its status, because generation may run
 * for a running campaign's new contacts too.
 */
export async function moveIfAllowed(transition: TransitionCampaignUseCase, tenant: Tenant, campaignId: Types.ObjectId, action: CampaignAction): Promise<void> {
  try {
    await transition.execute(tenant, campaignId.toHexString(), action);
  } catch (error) {
    if (error instanceof CampaignException && error.code === CampaignErrorCode.IllegalTransition) return;
    throw error;
  }
}
