import { Tenant } from '@cadence/api-core';
import { Inject, Injectable } from '@nestjs/common';
import { CAMPAIGN_OWNERSHIP, CampaignOwnershipPort } from '../campaigns/campaign-ownership.port';
import { AddContactToCampaignRequestDto } from '../dto/contact-actions.request.dto';
import { ContactCampaignListResponseDto, ContactCampaignResponseDto } from '../dto/contact-history.response.dto';
import { CampaignContactRepository } from '../repositories/campaign-contact.repository';
import { ContactRepository } from '../repositories/contact.repository';
import { ContactSource } from '../schemas/contact.schema';
import { AssignContactsToCampaignUseCase } from './assign-contacts-to-campaign.usecase';
import { findOwnedContact } from './get-contact.usecase';

/** The contact's campaign history with each channel's status (seed: CampaignHistorySection). */
@Injectable()
export class ListContactCampaignsUseCase {
  constructor(
    private readonly contacts: ContactRepository,
    private readonly memberships: CampaignContactRepository,
    @Inject(CAMPAIGN_OWNERSHIP) private readonly campaigns: CampaignOwnershipPort,
  ) {}

  async execute(tenant: Tenant, contactId: string): Promise<ContactCampaignListResponseDto> {
    const contact = await findOwnedContact(this.contacts, tenant, contactId);
    const memberships = await this.memberships.findForContact(tenant, contact._id);
    const names = new Map((await this.campaigns.findOwned(tenant, memberships.map((m) => m.campaignId))).map((c) => [c.id.toHexString(), c.name]));
    return { items: memberships.map((m) => ContactCampaignResponseDto.from(m, names.get(m.campaignId.toHexString()) ?? null)) };
  }
}

@Injectable()
export class AddContactToCampaignUseCase {
  constructor(
    private readonly contacts: ContactRepository,
    private readonly memberships: CampaignContactRepository,
    private readonly assign: AssignContactsToCampaignUseCase,
  ) {}

  async execute(tenant: Tenant, contactId: string, input: AddContactToCampaignRequestDto): Promise<ContactCampaignResponseDto> {
    const contact = await findOwnedContact(this.contacts, tenant, contactId);
    const campaign = await this.assign.requireOwnedCampaign(tenant, input.campaignId);
    await this.assign.execute(tenant, { campaignId: campaign.id, contactIds: [contact._id], source: ContactSource.Manual });
    const membership = await this.memberships.findOne(tenant, campaign.id, contact._id);
    if (!membership) throw new Error('Membership missing right after its upsert');
    return ContactCampaignResponseDto.from(membership, campaign.name);
  }
}
