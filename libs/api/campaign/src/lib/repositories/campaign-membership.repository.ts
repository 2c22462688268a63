import { Tenant, tenantFilter } from '@cadence/api-core';
import { CampaignContact, ChannelDeliveryStatus, Contact, MembershipStatus } from '@cadence/api-contact';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, Types } from 'mongoose';
import { statusesThatAdvanceTo } from '../domain/member-channel-status';

export type MemberChannel = 'sms' | 'email' | 'voicemail';

/** One status change on one channel of a campaign, for one or many of its members at once. */
export interface MemberChannelTransition {
  /** null: every campaign the contacts are members of (an opt-out ends the channel in all of them). */
  campaignId: Types.ObjectId | null;
  contactIds: Types.ObjectId[];
  channel: MemberChannel;
  status: ChannelDeliveryStatus;
  at: Date;
  reasonCode?: string | null;
  reason?: string | null;
}

/** The time field a status stamps, first time only (an open keeps its time when a click follows). */
const STAMP_OF: Partial<Record<ChannelDeliveryStatus, 'sentAt' | 'deliveredAt' | 'engagedAt' | 'respondedAt'>> = {
  [ChannelDeliveryStatus.Sent]: 'sentAt',
  [ChannelDeliveryStatus.Delivered]: 'deliveredAt',
  [ChannelDeliveryStatus.Opened]: 'engagedAt',
  [ChannelDeliveryStatus.Listened]: 'engagedAt',
  [ChannelDeliveryStatus.Clicked]: 'engagedAt',
  [ChannelDeliveryStatus.Responded]: 'respondedAt',
};

export type MemberContact = Pick<Contact, '_id' | 'firstName' | 'lastName' | 'phones' | 'emails' | 'doNotContact' | 'timeZone'>;

/**
 * A campaign's members. The contact library owns the campaignContacts and contacts collections and
 * their lifecycle (adding, removing); this repository reads what its exports do not list and writes
 * only the send pipeline's progress (channel status, last contacted).
 */
/** Removed members stay for the campaign's history but are not its audience any more. */
const CURRENT = { status: { $ne: MembershipStatus.Removed } };

@Injectable()
export class CampaignMembershipRepository {
  constructor(
    @InjectModel(CampaignContact.name) private readonly memberships: Model<CampaignContact>,
    @InjectModel(Contact.name) private readonly contacts: Model<Contact>,
  ) {}

  async findPage(tenant: Tenant, campaignId: Types.ObjectId, skip: number, limit: number): Promise<{ items: CampaignContact[]; total: number }> {
    const filter = { campaignId, ...tenantFilter(tenant), ...CURRENT };
    const [items, total] = await Promise.all([
      this.memberships.find(filter).sort({ addedAt: -1, _id: -1 }).skip(skip).limit(limit).lean<CampaignContact[]>().exec(),
      this.memberships.countDocuments(filter).exec(),
    ]);
    return { items, total };
  }

  count(tenant: Tenant, campaignId: Types.ObjectId): Promise<number> {
    return this.memberships.countDocuments({ campaignId, ...tenantFilter(tenant), ...CURRENT }).exec();
  }

  /**
   * Members whose contact id follows `afterContactId`: the send path walks a campaign by cursor, never
   * by skip, on the unique (campaignId, contactId) index.
   */
  findBatchAfter(tenant: Tenant, campaignId: Types.ObjectId, afterContactId: Types.ObjectId | null, limit: number): Promise<CampaignContact[]> {
    const filter = { campaignId, ...tenantFilter(tenant), ...CURRENT, ...(afterContactId ? { contactId: { $gt: afterContactId } } : {}) };
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

  /**
   * Moves the members' status on one channel to `status`, one conditional update per member: the
   * filter names every status that may advance to it, so concurrent sends and out-of-order webhooks
   * can only move it forward and never overwrite each other. Returns how many moved (the others were
   * already as far or further).
   */
  async advanceChannelStatus(tenant: Tenant, t: MemberChannelTransition): Promise<number> {
    if (t.contactIds.length === 0) return 0;
    const path = `channels.${t.channel}`;
    const stamp = STAMP_OF[t.status];
    const set: Record<string, unknown> = {
      [`${path}.status`]: { $literal: t.status },
      [`${path}.statusAt`]: { $literal: t.at },
      [`${path}.reasonCode`]: { $literal: t.reasonCode ?? null },
      [`${path}.reason`]: { $literal: t.reason ?? null },
      updatedAt: { $literal: t.at },
    };
    if (stamp) set[`${path}.${stamp}`] = { $ifNull: [`$${path}.${stamp}`, { $literal: t.at }] };
    if (t.status === ChannelDeliveryStatus.Responded) {
      set['engagement.responded'] = true;
      set['engagement.responseChannel'] = { $ifNull: ['$engagement.responseChannel', { $literal: t.channel }] };
    }
    // A pipeline update (native driver) so the first-time stamps are decided inside the same write.
    const result = await this.memberships.collection.updateMany(
      { ...(t.campaignId ? { campaignId: t.campaignId } : {}), contactId: { $in: t.contactIds }, ...tenantFilter(tenant), [`${path}.status`]: { $in: [...statusesThatAdvanceTo(t.status), null] } },
      [{ $set: set }],
    );
    return result.modifiedCount;
  }

  /** The contacts' "last contacted" summary: only ever moves later, whatever order sends finish in. */
  async markContacted(tenant: Tenant, contactIds: Types.ObjectId[], at: Date): Promise<void> {
    if (contactIds.length === 0) return;
    await this.contacts.updateMany({ _id: { $in: contactIds }, ...tenantFilter(tenant) }, { $max: { 'campaignHistory.lastContactedAt': at } }).exec();
  }
}
