import { Tenant } from '@cadence/api-core';
import { ChannelDeliveryStatus } from '@cadence/api-contact';
import { Injectable } from '@nestjs/common';
import { CampaignMembershipRepository, MemberChannelTransition } from '../repositories/campaign-membership.repository';

/**
 * What the send pipeline tells a campaign member's channel progress (the campaign's Contacts tab and
 * the contact's campaign history both read it): one atomic, forward-only update per transition,
 * and "last contacted" on the contact when something went out.
 */
@Injectable()
export class RecordMemberChannelStatusUseCase {
  constructor(private readonly members: CampaignMembershipRepository) {}

  /** Returns how many members' status moved. */
  async execute(tenant: Tenant, transition: MemberChannelTransition): Promise<number> {
    const moved = await this.members.advanceChannelStatus(tenant, transition);
    // Written even when a later status got there first (a delivery receipt before our own `sent`).
    if (transition.status === ChannelDeliveryStatus.Sent) await this.members.markContacted(tenant, transition.contactIds, transition.at);
    return moved;
  }
}
