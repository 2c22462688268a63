import { Clock, Tenant, tenantFilter } from '@cadence/api-core';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, Types } from 'mongoose';
import { ContactEventRepository, NewContactEvent } from '../repositories/contact-event.repository';
import { CampaignContact, MembershipStatus } from '../schemas/campaign-contact.schema';
import { ContactEventType, EventActorKind } from '../schemas/contact-event.schema';
import { Contact } from '../schemas/contact.schema';

/**
 * A timeline event for one stay of a contact in a campaign: the membership's `addedAt` (reset when a
 * removed member comes back) tells one stay from the next, so a retried or overlapping removal (or
 * restore) records its event once, while leaving, coming back and leaving again records each step.
 */
function membershipEvent(type: ContactEventType, summary: string, campaignId: Types.ObjectId, member: Pick<CampaignContact, 'contactId' | 'addedAt'>, at: Date): NewContactEvent {
  const campaign = campaignId.toHexString();
  return {
    contactId: member.contactId,
    type,
    occurredAt: at,
    actor: EventActorKind.User,
    summary,
    data: { campaignId: campaign },
    idempotencyKey: `${type}:${campaign}:${member.contactId.toHexString()}:${member.addedAt.getTime()}`,
  };
}

/**
 * Takes contacts out of a campaign. The membership stays (status `removed`, with its channel
 * progress) because sends already made belong to the campaign's history; the contact's own summary
 * forgets the campaign, so "not in campaign X" lists it again and it can be re-added. Each removed
 * contact's timeline says so ("Removed from a campaign", mirroring "Added to a campaign").
 * Returns the contact ids that were members and are removed now.
 */
@Injectable()
export class RemoveContactsFromCampaignUseCase {
  constructor(
    @InjectModel(CampaignContact.name) private readonly memberships: Model<CampaignContact>,
    @InjectModel(Contact.name) private readonly contacts: Model<Contact>,
    private readonly events: ContactEventRepository,
    private readonly clock: Clock,
  ) {}

  async execute(tenant: Tenant, campaignId: Types.ObjectId, contactIds: Types.ObjectId[]): Promise<Types.ObjectId[]> {
    if (contactIds.length === 0) return [];
    const owner = tenantFilter(tenant);
    const current = { campaignId, contactId: { $in: contactIds }, ...owner, status: { $ne: MembershipStatus.Removed } };
    const members = await this.memberships.find(current, { contactId: 1, addedAt: 1 }).lean<Pick<CampaignContact, 'contactId' | 'addedAt'>[]>().exec();
    if (members.length === 0) return [];
    const removed = members.map((m) => m.contactId);
    // Compare-and-set on the status: two overlapping removals move each membership once.
    await this.memberships.updateMany({ ...current, contactId: { $in: removed } }, { $set: { status: MembershipStatus.Removed } }).exec();
    await this.contacts
      .updateMany({ _id: { $in: removed }, ...owner, 'campaignHistory.campaignIds': campaignId }, { $pull: { 'campaignHistory.campaignIds': campaignId }, $inc: { 'campaignHistory.totalCampaigns': -1 } })
      .exec();
    const now = this.clock.now();
    await this.events.append(tenant, members.map((m) => membershipEvent(ContactEventType.RemovedFromCampaign, 'Removed from a campaign', campaignId, m, now)));
    return removed;
  }
}

/**
 * Puts removed members back (adding a contact again after a removal); returns how many came back.
 * Their timelines get "Added to a campaign" again, as a first add writes it.
 */
@Injectable()
export class RestoreRemovedCampaignMembersUseCase {
  constructor(
    @InjectModel(CampaignContact.name) private readonly memberships: Model<CampaignContact>,
    private readonly events: ContactEventRepository,
    private readonly clock: Clock,
  ) {}

  async execute(tenant: Tenant, campaignId: Types.ObjectId, contactIds: Types.ObjectId[]): Promise<number> {
    if (contactIds.length === 0) return 0;
    const owner = tenantFilter(tenant);
    const removed = { campaignId, contactId: { $in: contactIds }, ...owner, status: MembershipStatus.Removed };
    const members = await this.memberships.find(removed, { contactId: 1 }).lean<Pick<CampaignContact, 'contactId'>[]>().exec();
    if (members.length === 0) return 0;
    const now = this.clock.now();
    const result = await this.memberships.updateMany({ ...removed, contactId: { $in: members.map((m) => m.contactId) } }, { $set: { status: MembershipStatus.Active, addedAt: now } }).exec();
    // Only the members this call brought back (stamped with its `now`) get the event: an overlapping
    // restore that lost the compare-and-set on `removed` writes none.
    const back = await this.memberships.find({ campaignId, contactId: { $in: members.map((m) => m.contactId) }, ...owner, status: MembershipStatus.Active, addedAt: now }, { contactId: 1, addedAt: 1 }).lean<Pick<CampaignContact, 'contactId' | 'addedAt'>[]>().exec();
    await this.events.append(tenant, back.map((m) => membershipEvent(ContactEventType.AddedToCampaign, 'Added to a campaign', campaignId, m, now)));
    return result.modifiedCount;
  }
}

/** A deleted draft campaign leaves no members behind, and no mention in its contacts' summaries. */
@Injectable()
export class DeleteCampaignMembershipsUseCase {
  constructor(
    @InjectModel(CampaignContact.name) private readonly memberships: Model<CampaignContact>,
    @InjectModel(Contact.name) private readonly contacts: Model<Contact>,
  ) {}

  async execute(tenant: Tenant, campaignId: Types.ObjectId): Promise<void> {
    const owner = tenantFilter(tenant);
    await this.contacts.updateMany({ ...owner, 'campaignHistory.campaignIds': campaignId }, { $pull: { 'campaignHistory.campaignIds': campaignId }, $inc: { 'campaignHistory.totalCampaigns': -1 } }).exec();
    await this.memberships.deleteMany({ campaignId, ...owner }).exec();
  }
}
