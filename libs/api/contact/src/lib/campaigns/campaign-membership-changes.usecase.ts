import { Clock, Tenant, tenantFilter } from '@cadence/api-core';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, Types } from 'mongoose';
import { CampaignContact, MembershipStatus } from '../schemas/campaign-contact.schema';
import { Contact } from '../schemas/contact.schema';

/**
 * Takes contacts out of a campaign. The membership stays (status `removed`, with its channel
 * progress) because sends already made belong to the campaign's history; the contact's own summary
 * forgets the campaign, so "not in campaign X" lists it again and it can be re-added.
 * Returns the contact ids that were members and are removed now.
 */
@Injectable()
export class RemoveContactsFromCampaignUseCase {
  constructor(
    @InjectModel(CampaignContact.name) private readonly memberships: Model<CampaignContact>,
    @InjectModel(Contact.name) private readonly contacts: Model<Contact>,
  ) {}

  async execute(tenant: Tenant, campaignId: Types.ObjectId, contactIds: Types.ObjectId[]): Promise<Types.ObjectId[]> {
    if (contactIds.length === 0) return [];
    const owner = tenantFilter(tenant);
    const current = { campaignId, contactId: { $in: contactIds }, ...owner, status: { $ne: MembershipStatus.Removed } };
    const members = await this.memberships.find(current, { contactId: 1 }).lean<Pick<CampaignContact, 'contactId'>[]>().exec();
    if (members.length === 0) return [];
    const removed = members.map((m) => m.contactId);
    // Compare-and-set on the status: two overlapping removals move each membership once.
    await this.memberships.updateMany({ ...current, contactId: { $in: removed } }, { $set: { status: MembershipStatus.Removed } }).exec();
    await this.contacts
      .updateMany({ _id: { $in: removed }, ...owner, 'campaignHistory.campaignIds': campaignId }, { $pull: { 'campaignHistory.campaignIds': campaignId }, $inc: { 'campaignHistory.totalCampaigns': -1 } })
      .exec();
    return removed;
  }
}

/** Puts removed members back (adding a contact again after a removal); returns how many came back. */
@Injectable()
export class RestoreRemovedCampaignMembersUseCase {
  constructor(
    @InjectModel(CampaignContact.name) private readonly memberships: Model<CampaignContact>,
    private readonly clock: Clock,
  ) {}

  async execute(tenant: Tenant, campaignId: Types.ObjectId, contactIds: Types.ObjectId[]): Promise<number> {
    if (contactIds.length === 0) return 0;
    const result = await this.memberships
      .updateMany({ campaignId, contactId: { $in: contactIds }, ...tenantFilter(tenant), status: MembershipStatus.Removed }, { $set: { status: MembershipStatus.Active, addedAt: this.clock.now() } })
      .exec();
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
