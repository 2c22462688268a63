import { Tenant, tenantFilter } from '@cadence/api-core';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { Suppression, SuppressionChannel } from '../schemas/suppression.schema';

@Injectable()
export class SuppressionRepository {
  constructor(@InjectModel(Suppression.name) private readonly suppressions: Model<Suppression>) {}

  /** Idempotent: the first reason stays. */
  async add(tenant: Tenant, channel: SuppressionChannel, address: string, reason: string): Promise<void> {
    const owner = tenantFilter(tenant);
    await this.suppressions.updateOne({ ...owner, channel, address }, { $setOnInsert: { ...owner, channel, address, reason } }, { upsert: true }).exec();
  }

  /** An opt-in (START, resubscribe) lifts the suppression. */
  async remove(tenant: Tenant, channel: SuppressionChannel, address: string): Promise<boolean> {
    const result = await this.suppressions.deleteOne({ ...tenantFilter(tenant), channel, address }).exec();
    return result.deletedCount === 1;
  }

  /** The subset of `addresses` suppressed on `channel`. */
  async findSuppressed(tenant: Tenant, channel: SuppressionChannel, addresses: string[]): Promise<Set<string>> {
    if (addresses.length === 0) return new Set();
    const found = await this.suppressions.find({ ...tenantFilter(tenant), channel, address: { $in: addresses } }, { address: 1 }).lean<{ address: string }[]>().exec();
    return new Set(found.map((s) => s.address));
  }
}
