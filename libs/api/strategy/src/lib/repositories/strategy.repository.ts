import { Tenant, tenantFilter } from '@cadence/api-core';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, Types } from 'mongoose';
import { Strategy, StrategyStatus } from '../schemas/strategy.schema';

export type NewStrategy = Pick<Strategy, 'campaignId' | 'name' | 'type' | 'steps' | 'emailSender'>;
export type StrategyContentUpdate = Partial<Pick<Strategy, 'name' | 'steps' | 'emailSender'>>;

@Injectable()
export class StrategyRepository {
  constructor(@InjectModel(Strategy.name) private readonly strategies: Model<Strategy>) {}

  async create(tenant: Tenant, strategy: NewStrategy): Promise<Strategy> {
    const created = await this.strategies.create({ ...strategy, ...tenantFilter(tenant) });
    return created.toObject();
  }

  async createMany(tenant: Tenant, strategies: NewStrategy[]): Promise<void> {
    if (strategies.length === 0) return;
    await this.strategies.insertMany(strategies.map((s) => ({ ...s, ...tenantFilter(tenant) })));
  }

  findForCampaign(tenant: Tenant, campaignId: Types.ObjectId): Promise<Strategy[]> {
    return this.strategies.find({ ...tenantFilter(tenant), campaignId }).sort({ createdAt: 1, _id: 1 }).lean<Strategy[]>().exec();
  }

  findById(tenant: Tenant, id: Types.ObjectId): Promise<Strategy | null> {
    return this.strategies.findOne({ _id: id, ...tenantFilter(tenant) }).lean<Strategy>().exec();
  }

  findOne(tenant: Tenant, campaignId: Types.ObjectId, id: Types.ObjectId): Promise<Strategy | null> {
    return this.strategies.findOne({ _id: id, ...tenantFilter(tenant), campaignId }).lean<Strategy>().exec();
  }

  /** Changes content only while the strategy is in one of `statuses` (compare-and-set). */
  updateContent(tenant: Tenant, id: Types.ObjectId, statuses: StrategyStatus[], set: StrategyContentUpdate): Promise<Strategy | null> {
    return this.strategies.findOneAndUpdate({ _id: id, ...tenantFilter(tenant), status: { $in: statuses } }, { $set: set }, { returnDocument: 'after' }).lean<Strategy>().exec();
  }

  /** Moves the status only from one of `from`; null when it was elsewhere. */
  transition(tenant: Tenant, id: Types.ObjectId, from: StrategyStatus[], to: StrategyStatus, set: Partial<Strategy> = {}): Promise<Strategy | null> {
    return this.strategies.findOneAndUpdate({ _id: id, ...tenantFilter(tenant), status: { $in: from } }, { $set: { ...set, status: to } }, { returnDocument: 'after' }).lean<Strategy>().exec();
  }

  /** Asked before a fan-out is enqueued; see RunCampaignClockUseCase's completion rule. */
  async markFanOutRequested(tenant: Tenant, id: Types.ObjectId, at: Date): Promise<void> {
    await this.strategies.updateOne({ _id: id, ...tenantFilter(tenant) }, { $max: { fanOutRequestedAt: at } }).exec();
  }

  /** `$max`: a slow fan-out finishing after a newer one cannot move the mark back. */
  async markFanOutCompleted(tenant: Tenant, id: Types.ObjectId, startedAt: Date): Promise<void> {
    await this.strategies.updateOne({ _id: id, ...tenantFilter(tenant) }, { $max: { fanOutCompletedAt: startedAt } }).exec();
  }

  /** The campaign clock's scans run for every agent at once: the tenant comes from each document. */
  findDueScheduledSystemWide(now: Date, afterId: Types.ObjectId | null, limit: number): Promise<Strategy[]> {
    return this.strategies
      .find({ status: StrategyStatus.Scheduled, scheduledFor: { $lte: now }, ...(afterId ? { _id: { $gt: afterId } } : {}) })
      .sort({ _id: 1 })
      .limit(limit)
      .lean<Strategy[]>()
      .exec();
  }

  /** Active strategies whose last requested fan-out has run: candidates for completion, by cursor. */
  findFannedOutActiveSystemWide(afterId: Types.ObjectId | null, limit: number): Promise<Strategy[]> {
    return this.strategies
      .find({ status: StrategyStatus.Active, fanOutCompletedAt: { $ne: null }, ...(afterId ? { _id: { $gt: afterId } } : {}) })
      .sort({ _id: 1 })
      .limit(limit)
      .lean<Strategy[]>()
      .exec();
  }

  async deleteDraft(tenant: Tenant, id: Types.ObjectId): Promise<boolean> {
    const result = await this.strategies.deleteOne({ _id: id, ...tenantFilter(tenant), status: StrategyStatus.Draft }).exec();
    return result.deletedCount === 1;
  }
}
