import { Clock, Tenant, tenantFilter } from '@cadence/api-core';
import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { Connection, Types } from 'mongoose';
import { CampaignOwnershipPort, OwnedCampaign } from './campaign-ownership.port';

/**
 * The default binding: reads the `campaigns` collection by `{ _id, userId }` without a schema of its
 * own, because the campaigns module will own that schema.
 */
@Injectable()
export class CampaignCollectionOwnershipAdapter implements CampaignOwnershipPort {
  constructor(
    @InjectConnection() private readonly connection: Connection,
    private readonly clock: Clock,
  ) {}

  async findOwned(tenant: Tenant, ids: Types.ObjectId[]): Promise<OwnedCampaign[]> {
    if (ids.length === 0) return [];
    const found = await this.connection
      .collection<{ _id: Types.ObjectId; name?: string }>('campaigns')
      .find({ _id: { $in: ids }, ...tenantFilter(tenant) }, { projection: { name: 1 } })
      .toArray();
    return found.map((c) => ({ id: c._id, name: c.name ?? null }));
  }

  /** The minimal draft document the campaigns module's schema will read (name, status, owner, times). */
  async createDraft(tenant: Tenant, name: string): Promise<OwnedCampaign> {
    const now = this.clock.now();
    const id = new Types.ObjectId();
    await this.connection.collection('campaigns').insertOne({ _id: id, ...tenantFilter(tenant), name, status: 'draft', createdAt: now, updatedAt: now });
    return { id, name };
  }
}
