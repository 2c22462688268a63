import { Tenant, tenantFilter } from '@cadence/api-core';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { QueryFilter, Model, Types, UpdateQuery } from 'mongoose';
import { Campaign, CampaignStatus, CampaignType, ChannelStats } from '../schemas/campaign.schema';

export type CampaignChannel = 'sms' | 'email' | 'voicemail';

export enum CampaignSort {
  NewestFirst = '-createdAt',
  OldestFirst = 'createdAt',
  RecentlyUpdated = '-updatedAt',
  NameAscending = 'name',
  NameDescending = '-name',
}

const SORTS: Record<CampaignSort, Record<string, 1 | -1>> = {
  [CampaignSort.NewestFirst]: { createdAt: -1, _id: -1 },
  [CampaignSort.OldestFirst]: { createdAt: 1, _id: 1 },
  [CampaignSort.RecentlyUpdated]: { updatedAt: -1, _id: -1 },
  [CampaignSort.NameAscending]: { nameLower: 1, _id: 1 },
  [CampaignSort.NameDescending]: { nameLower: -1, _id: -1 },
};

export interface CampaignListFilter {
  status?: CampaignStatus;
  type?: CampaignType;
  search?: string;
}

export type CampaignSettingsUpdate = Partial<Pick<Campaign, 'name' | 'type' | 'neighborhood' | 'description' | 'schedule'>> & { budgetLimitMicros?: number | null };

export type NewCampaign = Pick<Campaign, 'name' | 'type' | 'neighborhood' | 'description' | 'schedule' | 'budget'> & { duplicatedFrom?: Types.ObjectId | null };

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

@Injectable()
export class CampaignRepository {
  constructor(@InjectModel(Campaign.name) private readonly campaigns: Model<Campaign>) {}

  async create(tenant: Tenant, campaign: NewCampaign): Promise<Campaign> {
    const created = await this.campaigns.create({ ...campaign, nameLower: campaign.name.toLowerCase(), ...tenantFilter(tenant) });
    return created.toObject();
  }

  findOne(tenant: Tenant, id: Types.ObjectId): Promise<Campaign | null> {
    return this.campaigns.findOne({ _id: id, ...tenantFilter(tenant) }).lean<Campaign>().exec();
  }

  async findPage(tenant: Tenant, filter: CampaignListFilter, sort: CampaignSort, skip: number, limit: number): Promise<{ items: Campaign[]; total: number }> {
    const query: QueryFilter<Campaign> = { ...tenantFilter(tenant) };
    if (filter.status) query.status = filter.status;
    if (filter.type) query.type = filter.type;
    if (filter.search) query.nameLower = { $regex: escapeRegex(filter.search.toLowerCase()) };
    const [items, total] = await Promise.all([
      this.campaigns.find(query).sort(SORTS[sort]).skip(skip).limit(limit).lean<Campaign[]>().exec(),
      this.campaigns.countDocuments(query).exec(),
    ]);
    return { items, total };
  }

  /**
   * Changes settings only while the campaign is still in one of `statuses` (compare-and-set), so an
   * edit racing a launch cannot slip in after it. Null when nothing matched.
   */
  updateSettings(tenant: Tenant, id: Types.ObjectId, statuses: CampaignStatus[], change: CampaignSettingsUpdate): Promise<Campaign | null> {
    const { budgetLimitMicros, ...settings } = change;
    const update: UpdateQuery<Campaign> = {
      $set: {
        ...settings,
        ...(settings.name ? { nameLower: settings.name.toLowerCase() } : {}),
        ...(budgetLimitMicros !== undefined ? { 'budget.limitMicros': budgetLimitMicros } : {}),
      },
    };
    return this.campaigns
      .findOneAndUpdate({ _id: id, ...tenantFilter(tenant), status: { $in: statuses } }, update, { returnDocument: 'after' })
      .lean<Campaign>()
      .exec();
  }

  /** Moves the status only from `from` (compare-and-set); null when another writer moved it first. */
  transition(tenant: Tenant, id: Types.ObjectId, from: CampaignStatus, to: CampaignStatus, set: Partial<Campaign> = {}): Promise<Campaign | null> {
    return this.campaigns
      .findOneAndUpdate({ _id: id, ...tenantFilter(tenant), status: from }, { $set: { ...set, status: to } }, { returnDocument: 'after' })
      .lean<Campaign>()
      .exec();
  }

  /** Adds to one channel's counters and to the spend in one atomic update; returns the campaign after it. */
  addToCounters(tenant: Tenant, id: Types.ObjectId, channel: CampaignChannel, counters: Partial<Record<keyof ChannelStats, number>>, spentMicros: number): Promise<Campaign | null> {
    const inc: Record<string, number> = Object.fromEntries(Object.entries(counters).map(([field, n]) => [`stats.${channel}.${field}`, n as number]));
    if (spentMicros !== 0) inc['budget.spentMicros'] = spentMicros;
    if (Object.keys(inc).length === 0) return this.findOne(tenant, id);
    return this.campaigns.findOneAndUpdate({ _id: id, ...tenantFilter(tenant) }, { $inc: inc }, { returnDocument: 'after' }).lean<Campaign>().exec();
  }

  /**
   * Adds `micros` to the spend only if it stays within `limitMicros` (no limit: always), in one
   * conditional update, so concurrent sends cannot overrun the budget together.
   */
  async reserveSpend(tenant: Tenant, id: Types.ObjectId, micros: number, limitMicros: number | null): Promise<boolean> {
    const within = limitMicros === null ? {} : { 'budget.spentMicros': { $lte: limitMicros - micros } };
    const result = await this.campaigns.updateOne({ _id: id, ...tenantFilter(tenant), ...within }, { $inc: { 'budget.spentMicros': micros } }).exec();
    return result.matchedCount === 1;
  }

  /** The campaign clock's scan, across agents (the tenant comes from each document), by cursor. */
  findInStatusesSystemWide(statuses: CampaignStatus[], afterId: Types.ObjectId | null, limit: number): Promise<Campaign[]> {
    return this.campaigns
      .find({ status: { $in: statuses }, ...(afterId ? { _id: { $gt: afterId } } : {}) })
      .sort({ _id: 1 })
      .limit(limit)
      .lean<Campaign[]>()
      .exec();
  }

  /** Deletes only a draft; returns whether one was deleted. */
  async deleteDraft(tenant: Tenant, id: Types.ObjectId): Promise<boolean> {
    const result = await this.campaigns.deleteOne({ _id: id, ...tenantFilter(tenant), status: CampaignStatus.Draft }).exec();
    return result.deletedCount === 1;
  }
}
