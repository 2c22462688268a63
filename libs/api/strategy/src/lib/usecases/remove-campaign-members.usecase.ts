import { RemoveCampaignContactsRequestDto, RemoveCampaignContactsResponseDto, RemoveCampaignContactsUseCase } from '@cadence/api-campaign';
import { Tenant } from '@cadence/api-core';
import { Injectable } from '@nestjs/common';
import { MemberProgress } from '../pipeline/member-progress';
import { ExecutionRepository } from '../repositories/execution.repository';

const REMOVED = 'removed';

/**
 * DELETE /campaigns/:id/contacts: the campaign module takes the members out (their timelines say
 * so), and their sends that have not started are cancelled batch by batch (a send job finding one
 * cancelled does nothing); the members' channels that had one waiting read `cancelled` with the reason.
 */
@Injectable()
export class RemoveCampaignMembersUseCase {
  constructor(
    private readonly removeContacts: RemoveCampaignContactsUseCase,
    private readonly executions: ExecutionRepository,
    private readonly memberProgress: MemberProgress,
  ) {}

  async execute(tenant: Tenant, campaignId: string, input: RemoveCampaignContactsRequestDto): Promise<RemoveCampaignContactsResponseDto> {
    let cancelledExecutions = 0;
    const removed = await this.removeContacts.execute(tenant, campaignId, input, async (campaign, contactIds) => {
      cancelledExecutions += await this.executions.cancelWaiting(tenant, campaign._id, contactIds, REMOVED, 'Not sent: the contact was removed from the campaign');
      await this.memberProgress.sendsCancelled(tenant, campaign._id, contactIds, REMOVED);
    });
    return { removed, cancelledExecutions };
  }
}
