import { RecordCampaignCountersUseCase } from '@cadence/api-campaign';
import { Tenant, tenantFilter } from '@cadence/api-core';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, Types } from 'mongoose';
import { Execution, ExecutionChannel, ExecutionStatus } from '../schemas/execution.schema';

/** Statuses a send job would still act on: cancelling them means the contact gets nothing more. */
const NOT_YET_SENT = [ExecutionStatus.Pending, ExecutionStatus.Queued, ExecutionStatus.Deferred];

export interface CancelContactSendsInput {
  contactId: Types.ObjectId;
  channels: ExecutionChannel[];
  /** Only this campaign's executions (a reply pauses the campaign it answers); all campaigns when absent. */
  campaignId?: Types.ObjectId;
  reasonCode: string;
  reason: string;
}

/**
 * Stops a contact's sends that have not gone out yet (an opt-out, a reply). Each execution moves to
 * `skipped` by compare-and-set on its status, so a send job that picks it up afterwards finds nothing
 * to do, and one already `sending` is left alone (it is past the point of no return).
 *
 * Queries the executions collection directly: these per-contact queries serve the webhook and
 * compliance paths only, kept out of the send path's repository.
 */
@Injectable()
export class CancelContactSendsUseCase {
  constructor(
    @InjectModel(Execution.name) private readonly executions: Model<Execution>,
    private readonly counters: RecordCampaignCountersUseCase,
  ) {}

  /** Returns how many executions were stopped. */
  async execute(tenant: Tenant, input: CancelContactSendsInput): Promise<number> {
    if (input.channels.length === 0) return 0;
    const filter = {
      ...tenantFilter(tenant),
      contactId: input.contactId,
      channel: { $in: input.channels },
      status: { $in: NOT_YET_SENT },
      ...(input.campaignId ? { campaignId: input.campaignId } : {}),
    };
    const waiting = await this.executions.find(filter, { _id: 1 }).lean<Pick<Execution, '_id'>[]>().exec();
    let stopped = 0;
    for (const { _id } of waiting) {
      const moved = await this.executions
        .findOneAndUpdate({ _id, ...tenantFilter(tenant), status: { $in: NOT_YET_SENT } }, { $set: { status: ExecutionStatus.Skipped, reasonCode: input.reasonCode, reason: input.reason } }, { returnDocument: 'after' })
        .lean<Execution>()
        .exec();
      if (!moved) continue;
      stopped += 1;
      await this.counters.execute(tenant, moved.campaignId, moved.channel, { skipped: 1 });
    }
    return stopped;
  }
}

export interface ContactTouch {
  at: Date;
  campaignId: string;
  channel: ExecutionChannel;
}

/** A contact's sends since a time, across campaigns and channels: what touch budgets count. */
@Injectable()
export class ListContactTouchesUseCase {
  constructor(@InjectModel(Execution.name) private readonly executions: Model<Execution>) {}

  async execute(tenant: Tenant, contactId: Types.ObjectId, since: Date): Promise<ContactTouch[]> {
    const rows = await this.executions
      .find({ ...tenantFilter(tenant), contactId, sentAt: { $gte: since } }, { sentAt: 1, campaignId: 1, channel: 1 })
      .sort({ sentAt: 1 })
      .lean<Pick<Execution, 'sentAt' | 'campaignId' | 'channel'>[]>()
      .exec();
    return rows.map((r) => ({ at: r.sentAt as Date, campaignId: r.campaignId.toHexString(), channel: r.channel }));
  }
}

/**
 * The latest execution sent to an address on a channel, across tenants: an inbound text or a Drop
 * Cowboy status webhook names only the phone number, and this is how it finds its agent and campaign.
 */
@Injectable()
export class FindLatestSendToAddressUseCase {
  constructor(@InjectModel(Execution.name) private readonly executions: Model<Execution>) {}

  execute(channel: ExecutionChannel, address: string): Promise<Execution | null> {
    return this.executions
      .findOne({ address, channel, sentAt: { $ne: null } })
      .sort({ sentAt: -1 })
      .lean<Execution>()
      .exec();
  }
}

/** A campaign's executions in id order, a page at a time (the compliance export walks them all). */
@Injectable()
export class ListCampaignExecutionsUseCase {
  constructor(@InjectModel(Execution.name) private readonly executions: Model<Execution>) {}

  page(tenant: Tenant, campaignId: Types.ObjectId, afterId: Types.ObjectId | null, limit: number): Promise<Execution[]> {
    return this.executions
      .find({ ...tenantFilter(tenant), campaignId, ...(afterId ? { _id: { $gt: afterId } } : {}) })
      .sort({ _id: 1 })
      .limit(limit)
      .lean<Execution[]>()
      .exec();
  }
}
