import { Tenant, tenantFilter } from '@cadence/api-core';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, Types } from 'mongoose';
import { CampaignActivity } from '../schemas/campaign-activity.schema';

export type NewCampaignActivity = Pick<CampaignActivity, 'campaignId' | 'type' | 'message' | 'data' | 'at'> & { dedupeKey?: string };

const DUPLICATE_KEY = 11000;

@Injectable()
export class CampaignActivityRepository {
  constructor(@InjectModel(CampaignActivity.name) private readonly activities: Model<CampaignActivity>) {}

  /** False when an entry with the same dedupe key exists already. */
  async add(tenant: Tenant, activity: NewCampaignActivity): Promise<boolean> {
    try {
      await this.activities.create({ ...activity, ...tenantFilter(tenant), teamId: tenant.teamId });
      return true;
    } catch (error) {
      if ((error as { code?: number }).code === DUPLICATE_KEY) return false;
      throw error;
    }
  }

  async findPage(tenant: Tenant, campaignId: Types.ObjectId, skip: number, limit: number): Promise<{ items: CampaignActivity[]; total: number }> {
    const filter = { ...tenantFilter(tenant), campaignId };
    const [items, total] = await Promise.all([
      this.activities.find(filter).sort({ at: -1, _id: -1 }).skip(skip).limit(limit).lean<CampaignActivity[]>().exec(),
      this.activities.countDocuments(filter).exec(),
    ]);
    return { items, total };
  }

  async deleteForCampaign(tenant: Tenant, campaignId: Types.ObjectId): Promise<void> {
    await this.activities.deleteMany({ ...tenantFilter(tenant), campaignId }).exec();
  }
}
