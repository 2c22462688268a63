import { Tenant, tenantFilter } from '@cadence/api-core';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, Types } from 'mongoose';
import { CampaignContact } from '../schemas/campaign-contact.schema';
import { ContactSource } from '../schemas/contact.schema';

export interface NewMembership {
  contactId: Types.ObjectId;
  source: ContactSource;
  importBatchId: Types.ObjectId | null;
}

@Injectable()
export class CampaignContactRepository {
  constructor(@InjectModel(CampaignContact.name) private readonly memberships: Model<CampaignContact>) {}

  /**
   * Adds contacts to a campaign; ones already in it keep their membership untouched. Upserts on the
   * unique (campaignId, contactId) key, so a retried request or a resumed import adds nothing twice.
   * Returns the contact ids that were newly added.
   */
  async addContacts(tenant: Tenant, campaignId: Types.ObjectId, members: NewMembership[], at: Date): Promise<Types.ObjectId[]> {
    if (members.length === 0) return [];
    const owner = tenantFilter(tenant);
    const result = await this.memberships.bulkWrite(
      members.map((member) => ({
        updateOne: {
          filter: { campaignId, contactId: member.contactId, ...owner },
          update: { $setOnInsert: { ...member, campaignId, ...owner, addedAt: at } },
          upsert: true,
        },
      })),
      { ordered: false },
    );
    const upserted = result.upsertedIds as Record<number, Types.ObjectId>;
    return Object.keys(upserted).map((index) => members[Number(index)].contactId);
  }

  findForContact(tenant: Tenant, contactId: Types.ObjectId): Promise<CampaignContact[]> {
    return this.memberships.find({ contactId, ...tenantFilter(tenant) }).sort({ addedAt: -1, _id: -1 }).lean<CampaignContact[]>().exec();
  }

  findOne(tenant: Tenant, campaignId: Types.ObjectId, contactId: Types.ObjectId): Promise<CampaignContact | null> {
    return this.memberships.findOne({ campaignId, contactId, ...tenantFilter(tenant) }).lean<CampaignContact>().exec();
  }

  async deleteForContacts(tenant: Tenant, contactIds: Types.ObjectId[]): Promise<void> {
    await this.memberships.deleteMany({ contactId: { $in: contactIds }, ...tenantFilter(tenant) }).exec();
  }
}
