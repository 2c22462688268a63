import { Tenant, tenantFilter } from '@cadence/api-core';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, Types } from 'mongoose';
import { Segment } from '../schemas/segment.schema';

@Injectable()
export class SegmentRepository {
  constructor(@InjectModel(Segment.name) private readonly segments: Model<Segment>) {}

  async create(tenant: Tenant, segment: Pick<Segment, 'name' | 'description' | 'definition'>): Promise<Segment> {
    return (await this.segments.create({ ...segment, ...tenantFilter(tenant) })).toObject();
  }

  findOne(tenant: Tenant, id: Types.ObjectId): Promise<Segment | null> {
    return this.segments.findOne({ _id: id, ...tenantFilter(tenant) }).lean<Segment>().exec();
  }

  async findPage(tenant: Tenant, skip: number, limit: number): Promise<{ items: Segment[]; total: number }> {
    const filter = tenantFilter(tenant);
    const [items, total] = await Promise.all([
      this.segments.find(filter).sort({ createdAt: -1, _id: -1 }).skip(skip).limit(limit).lean<Segment[]>().exec(),
      this.segments.countDocuments(filter).exec(),
    ]);
    return { items, total };
  }

  update(tenant: Tenant, id: Types.ObjectId, fields: Partial<Pick<Segment, 'name' | 'description' | 'definition'>>): Promise<Segment | null> {
    return this.segments.findOneAndUpdate({ _id: id, ...tenantFilter(tenant) }, { $set: fields }, { returnDocument: 'after' }).lean<Segment>().exec();
  }

  async deleteOne(tenant: Tenant, id: Types.ObjectId): Promise<boolean> {
    return (await this.segments.deleteOne({ _id: id, ...tenantFilter(tenant) }).exec()).deletedCount === 1;
  }
}
