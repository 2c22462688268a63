import { Tenant, tenantFilter } from '@cadence/api-core';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, QueryFilter, Types } from 'mongoose';
import { DeliveryTimestampField, Execution, ExecutionStatus, FINAL_EXECUTION_STATUSES, WAITING_EXECUTION_STATUSES } from '../schemas/execution.schema';

export type NewExecution = Pick<Execution, 'campaignId' | 'strategyId' | 'contactId' | 'step' | 'variant' | 'channel' | 'idempotencyKey' | 'notBefore'>;

const DUPLICATE_KEY = 11000;

@Injectable()
export class ExecutionRepository {
  constructor(@InjectModel(Execution.name) private readonly executions: Model<Execution>) {}

  /** Inserts the ones whose idempotency key is new; existing ones are left exactly as they are. */
  async insertNew(tenant: Tenant, executions: NewExecution[]): Promise<void> {
    if (executions.length === 0) return;
    try {
      await this.executions.insertMany(
        executions.map((e) => ({ ...e, ...tenantFilter(tenant), teamId: tenant.teamId })),
        { ordered: false },
      );
    } catch (error) {
      const writeErrors = (error as { writeErrors?: { code?: number; err?: { code?: number } }[] }).writeErrors;
      const onlyDuplicates = (error as { code?: number }).code === DUPLICATE_KEY || (writeErrors !== undefined && writeErrors.every((e) => (e.code ?? e.err?.code) === DUPLICATE_KEY));
      if (!onlyDuplicates) throw error;
    }
  }

  findById(tenant: Tenant, id: Types.ObjectId): Promise<Execution | null> {
    return this.executions.findOne({ _id: id, ...tenantFilter(tenant) }).lean<Execution>().exec();
  }

  /** A strategy's executions for these contacts that still wait for the gate or for the agent. */
  findWaiting(tenant: Tenant, strategyId: Types.ObjectId, contactIds: Types.ObjectId[]): Promise<Execution[]> {
    return this.executions
      .find({ ...tenantFilter(tenant), strategyId, contactId: { $in: contactIds }, status: { $in: [ExecutionStatus.Pending, ExecutionStatus.Deferred, ExecutionStatus.Queued] } })
      .lean<Execution[]>()
      .exec();
  }

  /** Compare-and-set on the status: null when another writer moved it first. */
  move(tenant: Tenant, id: Types.ObjectId, from: ExecutionStatus[], set: Partial<Execution>, inc: Partial<Record<'attempts' | 'jobSeq', number>> = {}): Promise<Execution | null> {
    return this.executions
      .findOneAndUpdate({ _id: id, ...tenantFilter(tenant), status: { $in: from } }, { $set: set, ...(Object.keys(inc).length > 0 ? { $inc: inc } : {}) }, { returnDocument: 'after' })
      .lean<Execution>()
      .exec();
  }

  /**
   * Cancels what has not started yet for these contacts (a removal, the campaign's end). An execution
   * in `sending` is left alone: its provider call may be under way and settles it.
   */
  async cancelWaiting(tenant: Tenant, campaignId: Types.ObjectId, contactIds: Types.ObjectId[] | null, reasonCode: string, reason: string): Promise<number> {
    const result = await this.executions
      .updateMany(
        { ...tenantFilter(tenant), campaignId, ...(contactIds ? { contactId: { $in: contactIds } } : {}), status: { $in: WAITING_EXECUTION_STATUSES } },
        { $set: { status: ExecutionStatus.Cancelled, reasonCode, reason } },
      )
      .exec();
    return result.modifiedCount;
  }

  /**
   * What a cancellation moved (by its reason code), in id order by cursor: which members had which
   * channel waiting. Served by the (userId, contactId, …) index for a removal's contacts, and by
   * (userId, campaignId, …) for a campaign's end.
   */
  findCancelledAfter(tenant: Tenant, campaignId: Types.ObjectId, contactIds: Types.ObjectId[] | null, reasonCode: string, afterId: Types.ObjectId | null, limit: number): Promise<Pick<Execution, '_id' | 'contactId' | 'channel' | 'reason'>[]> {
    return this.executions
      .find(
        { ...tenantFilter(tenant), campaignId, status: ExecutionStatus.Cancelled, reasonCode, ...(contactIds ? { contactId: { $in: contactIds } } : {}), ...(afterId ? { _id: { $gt: afterId } } : {}) },
        { contactId: 1, channel: 1, reason: 1 },
      )
      .sort({ _id: 1 })
      .limit(limit)
      .lean<Pick<Execution, '_id' | 'contactId' | 'channel' | 'reason'>[]>()
      .exec();
  }

  /** A removed contact added back: its cancelled sends wait again (the fan-out then gates them as usual). */
  async reviveRemoved(tenant: Tenant, strategyId: Types.ObjectId, contactIds: Types.ObjectId[]): Promise<void> {
    await this.executions
      .updateMany({ ...tenantFilter(tenant), strategyId, contactId: { $in: contactIds }, status: ExecutionStatus.Cancelled, reasonCode: 'removed' }, { $set: { status: ExecutionStatus.Pending, reasonCode: null, reason: null } })
      .exec();
  }

  /** Whether any execution of the strategy may still send (anything not final). */
  async hasUnfinished(tenant: Tenant, strategyId: Types.ObjectId): Promise<boolean> {
    const one = await this.executions.findOne({ ...tenantFilter(tenant), strategyId, status: { $nin: FINAL_EXECUTION_STATUSES } }, { _id: 1 }).lean().exec();
    return one !== null;
  }

  countSentSince(tenant: Tenant, campaignId: Types.ObjectId, since: Date): Promise<number> {
    return this.executions.countDocuments({ ...tenantFilter(tenant), campaignId, sentAt: { $gte: since } }).exec();
  }

  /** When another campaign of this agent last sent this contact anything. */
  async lastSentOutsideCampaign(tenant: Tenant, contactId: Types.ObjectId, campaignId: Types.ObjectId): Promise<Date | null> {
    const last = await this.executions
      .findOne({ ...tenantFilter(tenant), contactId, sentAt: { $ne: null }, campaignId: { $ne: campaignId } }, { sentAt: 1 })
      .sort({ sentAt: -1 })
      .lean<{ sentAt: Date }>()
      .exec();
    return last?.sentAt ?? null;
  }

  async countByStatus(tenant: Tenant, strategyId: Types.ObjectId): Promise<{ status: ExecutionStatus; deliveryStatus: string | null; count: number }[]> {
    const rows = await this.executions
      .aggregate<{ _id: { status: ExecutionStatus; deliveryStatus: string | null }; count: number }>([
        { $match: { ...tenantFilter(tenant), strategyId } },
        { $group: { _id: { status: '$status', deliveryStatus: '$deliveryStatus' }, count: { $sum: 1 } } },
      ])
      .exec();
    return rows.map((r) => ({ status: r._id.status, deliveryStatus: r._id.deliveryStatus ?? null, count: r.count }));
  }

  async findPage(tenant: Tenant, strategyId: Types.ObjectId, statuses: ExecutionStatus[] | null, skip: number, limit: number): Promise<{ items: Execution[]; total: number }> {
    const filter: QueryFilter<Execution> = { ...tenantFilter(tenant), strategyId, ...(statuses ? { status: { $in: statuses } } : {}) };
    const [items, total] = await Promise.all([
      this.executions.find(filter).sort({ _id: 1 }).skip(skip).limit(limit).lean<Execution[]>().exec(),
      this.executions.countDocuments(filter).exec(),
    ]);
    return { items, total };
  }

  /** Webhook lookup: the event names our execution id or the provider's message id, not a tenant. */
  async findForDeliveryEvent(executionId: string | undefined, providerMessageId: string | undefined, recipient?: string): Promise<Execution | null> {
    if (executionId && Types.ObjectId.isValid(executionId)) return this.executions.findOne({ _id: new Types.ObjectId(executionId) }).lean<Execution>().exec();
    if (!providerMessageId) return null;
    const found = await this.executions.find({ providerMessageId }).limit(2).lean<Execution[]>().exec();
    if (found.length < 2) return found[0] ?? null;
    // A SendGrid batch shares one X-Message-Id among up to 1,000 executions: only the recipient tells
    // them apart, and without one no execution is guessed.
    if (!recipient) return null;
    return this.executions.findOne({ providerMessageId, address: { $in: [...new Set([recipient, recipient.toLowerCase()])] } }).lean<Execution>().exec();
  }

  /**
   * Moves the delivery status from exactly `current` to `next` once per provider event, and records when
   * the event's state was reached (earliest kept, in the same write as the dedupe); false when the event
   * was applied before or another event moved the status first.
   */
  async advanceDelivery(id: Types.ObjectId, current: string | null, next: string | null, eventId: string, reached: { field: DeliveryTimestampField; at: Date } | null = null): Promise<boolean> {
    const result = await this.executions
      .updateOne(
        { _id: id, deliveryStatus: current, appliedEventIds: { $ne: eventId } },
        { ...(next ? { $set: { deliveryStatus: next } } : {}), ...(reached ? { $min: { [reached.field]: reached.at } } : {}), $push: { appliedEventIds: eventId } },
      )
      .exec();
    return result.modifiedCount === 1;
  }
}
