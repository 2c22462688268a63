import { RemoveCampaignContactsRequestDto, RemoveCampaignContactsResponseDto, RemoveCampaignContactsUseCase } from '@cadence/api-campaign';
import { Tenant } from '@cadence/api-core';
import { Injectable } from '@nestjs/common';
import { ExecutionRepository } from '../repositories/execution.repository';

/**
 * DELETE /campaigns/:id/contacts: the campaign module takes the members out, and their sends that
 * have not started are cancelled batch by batch (a send job finding one cancelled does nothing).
 */
@Injectable()
export class RemoveCampaignMembersUseCase {
  constructor(
    private readonly removeContacts: RemoveCampaignContactsUseCase,
    private readonly executions: ExecutionRepository,
  ) {}

  async execute(tenant: Tenant, campaignId: string, input: RemoveCampaignContactsRequestDto): Promise<RemoveCampaignContactsResponseDto> {
    let cancelledExecutions = 0;
    const removed = await this.removeContacts.execute(tenant, campaignId, input, async (campaign, contactIds) => {
      cancelledExecutions += await this.executions.cancelWaiting(tenant, campaign._id, contactIds, 'removed', 'The contact was removed from the campaign');
    });
    return { removed, cancelledExecutions };
  }
}
