import { Tenant, tenantFilter } from '@cadence/api-core';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { InboundReply } from '../schemas/inbound-reply.schema';

export type NewInboundReply = Omit<InboundReply, '_id' | 'userId' | 'teamId' | 'createdAt' | 'updatedAt'>;

@Injectable()
export class InboundReplyRepository {
  constructor(@InjectModel(InboundReply.name) private readonly replies: Model<InboundReply>) {}

  /** Idempotent per provider event. */
  async add(tenant: Tenant, reply: NewInboundReply): Promise<void> {
    const owner = tenantFilter(tenant);
    await this.replies.updateOne({ providerEventId: reply.providerEventId }, { $setOnInsert: { ...reply, ...owner, teamId: tenant.teamId } }, { upsert: true }).exec();
  }

  async findPage(tenant: Tenant, skip: number, limit: number): Promise<{ items: InboundReply[]; total: number }> {
    const filter = tenantFilter(tenant);
    const [items, total] = await Promise.all([
      this.replies.find(filter).sort({ receivedAt: -1, _id: -1 }).skip(skip).limit(limit).lean<InboundReply[]>().exec(),
      this.replies.countDocuments(filter).exec(),
    ]);
    return { items, total };
  }
}
