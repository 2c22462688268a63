import { Tenant } from '@cadence/api-core';
import { Types } from 'mongoose';

export interface OwnedCampaign {
  id: Types.ObjectId;
  name: string | null;
}

/**
 * How the contact library learns that a campaign exists and belongs to the caller. Campaigns are
 * built by a later module; until then memberships accept any campaign id that this port vouches for.
 * The campaigns module will bind its own implementation to CAMPAIGN_OWNERSHIP.
 */
export interface CampaignOwnershipPort {
  findOwned(tenant: Tenant, ids: Types.ObjectId[]): Promise<OwnedCampaign[]>;

  /** An import may ask for a new campaign by name; it starts as a draft the agent completes later. */
  createDraft(tenant: Tenant, name: string): Promise<OwnedCampaign>;
}

export const CAMPAIGN_OWNERSHIP = Symbol('CampaignOwnershipPort');
