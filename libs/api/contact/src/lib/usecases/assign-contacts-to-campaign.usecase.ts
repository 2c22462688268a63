import { Clock, Tenant } from '@cadence/api-core';
import { Inject, Injectable } from '@nestjs/common';
import { Types } from 'mongoose';
import { CAMPAIGN_OWNERSHIP, CampaignOwnershipPort, OwnedCampaign } from '../campaigns/campaign-ownership.port';
import { ContactErrorCode, ContactException } from '../contact.exception';
import { CampaignContactRepository } from '../repositories/campaign-contact.repository';
import { ContactEventRepository } from '../repositories/contact-event.repository';
import { ContactRepository } from '../repositories/contact.repository';
import { ContactEventType, EventActorKind } from '../schemas/contact-event.schema';
import { ContactSource } from '../schemas/contact.schema';

export interface CampaignAssignment {
  campaignId: Types.ObjectId;
  contactIds: Types.ObjectId[];
  source: ContactSource;
  importBatchId?: Types.ObjectId | null;
  actor?: EventActorKind;
}

/**
 * Puts contacts into a campaign: the membership rows, the summary on each contact and one timeline
 * event per contact newly added. Every step is keyed, so running it again adds nothing twice.
 * Callers verify the campaign first with requireOwnedCampaign (one check per request, not per batch).
 */
@Injectable()
export class AssignContactsToCampaignUseCase {
  constructor(
    private readonly memberships: CampaignContactRepository,
    private readonly contacts: ContactRepository,
    private readonly events: ContactEventRepository,
    @Inject(CAMPAIGN_OWNERSHIP) private readonly campaigns: CampaignOwnershipPort,
    private readonly clock: Clock,
  ) {}

  async requireOwnedCampaign(tenant: Tenant, campaignId: string | Types.ObjectId): Promise<OwnedCampaign> {
    const id = typeof campaignId === 'string' ? (Types.ObjectId.isValid(campaignId) ? new Types.ObjectId(campaignId) : null) : campaignId;
    const [campaign] = id ? await this.campaigns.findOwned(tenant, [id]) : [];
    if (!campaign) throw new ContactException(ContactErrorCode.CampaignNotFound, 'Campaign not found');
    return campaign;
  }

  /** A campaign created on the fly (an import's "new campaign"); see CampaignOwnershipPort. */
  createCampaign(tenant: Tenant, name: string): Promise<OwnedCampaign> {
    return this.campaigns.createDraft(tenant, name);
  }

  /** Returns how many contacts were newly added. */
  async execute(tenant: Tenant, assignment: CampaignAssignment): Promise<number> {
    const now = this.clock.now();
    const added = await this.memberships.addContacts(
      tenant,
      assignment.campaignId,
      assignment.contactIds.map((contactId) => ({ contactId, source: assignment.source, importBatchId: assignment.importBatchId ?? null })),
      now,
    );
    // The summary update is idempotent on its own, so it covers every contact, not only the newly
    // added ones: a crash between the two writes is repaired by the retry.
    await this.contacts.addCampaignToHistory(tenant, assignment.contactIds, assignment.campaignId, now);
    const campaign = assignment.campaignId.toHexString();
    await this.events.append(
      tenant,
      added.map((contactId) => ({
        contactId,
        type: ContactEventType.AddedToCampaign,
        occurredAt: now,
        actor: assignment.actor ?? EventActorKind.User,
        summary: 'Added to a campaign',
        data: { campaignId: campaign },
        idempotencyKey: `campaign:${campaign}:${contactId.toHexString()}`,
      })),
    );
    return added.length;
  }
}
