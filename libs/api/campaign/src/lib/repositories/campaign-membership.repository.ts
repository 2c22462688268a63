import { Tenant, tenantFilter } from '@cadence/api-core';
import { CampaignContact, Contact } from '@cadence/api-contact';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, Types } from 'mongoose';

export type MemberContact = Pick<Contact, '_id' | 'firstName' | 'lastName' | 'phones' | 'emails' | 'doNotContact' | 'timeZone'>;

/**
 * Read-only view of a campaign's members. The contact library owns the campaignContacts and contacts
 * collections and every write to them; this repository only reads what its exports do not list.
 */
@Injectable()
export class CampaignMembershipRepository {
  constructor(
    @InjectModel(CampaignContact.name) private readonly memberships: Model<CampaignContact>,
    @InjectModel(Contact.name) private readonly contacts: Model<Contact>,
  ) {}

  async findPage(tenant: Tenant, campaignId: Types.ObjectId, skip: number, limit: number): Promise<{ items: CampaignContact[]; total: number }> {
    const filter = { campaignId, ...tenantFilter(tenant) };
    const [items, total] = await Promise.all([
      this.memberships.find(filter).sort({ addedAt: -1, _id: -1 }).skip(skip).limit(limit).lean<CampaignContact[]>().exec(),
      this.memberships.countDocuments(filter).exec(),
    ]);
    return { items, total };
  }

  count(tenant: Tenant, campaignId: Types.ObjectId): Promise<number> {
    return this.memberships.countDocuments({ campaignId, ...tenantFilter(tenant) }).exec();
  }

  /**
   * Members whose contact id follows `afterContactId`: the send path walks a campaign by cursor, never
   * by skip, on the unique (campaignId, contactId) index.
   */
  findBatchAfter(tenant: Tenant, campaignId: Types.ObjectId, afterContactId: Types.ObjectId | null, limit: number): Promise<CampaignContact[]> {
    const filter = { campaignId, ...tenantFilter(tenant), ...(afterContactId ? { contactId: { $gt: afterContactId } } : {}) };
    return this.memberships.find(filter).sort({ contactId: 1 }).limit(limit).lean<CampaignContact[]>().exec();
  }

  /** Every member's contact id (a duplicate copies its source's audience), in batches by cursor. */
  async forEachContactIdBatch(tenant: Tenant, campaignId: Types.ObjectId, batchSize: number, handle: (ids: Types.ObjectId[]) => Promise<void>): Promise<void> {
    let after: Types.ObjectId | null = null;
    for (;;) {
      const batch = await this.findBatchAfter(tenant, campaignId, after, batchSize);
      if (batch.length === 0) return;
      await handle(batch.map((m) => m.contactId));
      after = batch[batch.length - 1].contactId;
    }
  }

  findContacts(tenant: Tenant, ids: Types.ObjectId[]): Promise<Contact[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.contacts.find({ _id: { $in: ids }, ...tenantFilter(tenant) }).lean<Contact[]>().exec();
  }
}
