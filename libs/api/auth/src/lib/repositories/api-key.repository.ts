import { skipOf, PageQueryDto, Tenant, tenantFilter } from '@cadence/api-core';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, Types } from 'mongoose';
import { ApiKey, ApiKeyScope } from '../schemas/api-key.schema';

const LAST_USED_PRECISION_MS = 60_000;

@Injectable()
export class ApiKeyRepository {
  constructor(@InjectModel(ApiKey.name) private readonly keys: Model<ApiKey>) {}

  async create(tenant: Tenant, key: { name: string; prefix: string; secretHash: string; scope: ApiKeyScope }): Promise<ApiKey> {
    const created = await this.keys.create({ ...key, ...tenantFilter(tenant) });
    return created.toObject();
  }

  async findLivePage(tenant: Tenant, page: PageQueryDto): Promise<{ items: ApiKey[]; total: number }> {
    const filter = { ...tenantFilter(tenant), revokedAt: null };
    const [items, total] = await Promise.all([
      this.keys.find(filter).sort({ createdAt: -1, _id: -1 }).skip(skipOf(page)).limit(page.limit).lean<ApiKey[]>().exec(),
      this.keys.countDocuments(filter).exec(),
    ]);
    return { items, total };
  }

  /** Returns whether a live key of this tenant was revoked; another tenant's key is "not found". */
  async revoke(tenant: Tenant, id: Types.ObjectId, now: Date): Promise<boolean> {
    const result = await this.keys.updateOne({ _id: id, ...tenantFilter(tenant), revokedAt: null }, { $set: { revokedAt: now } }).exec();
    return result.matchedCount === 1;
  }

  /** The authentication lookup: a secret's hash is the key's identity across all tenants. */
  findLiveBySecretHash(secretHash: string): Promise<ApiKey | null> {
    return this.keys.findOne({ secretHash, revokedAt: null }).lean<ApiKey>().exec();
  }

  /** Records use at minute precision, so a busy integration does not write on every request. */
  async touchLastUsed(id: Types.ObjectId, now: Date): Promise<void> {
    const stale = new Date(now.getTime() - LAST_USED_PRECISION_MS);
    await this.keys.updateOne({ _id: id, $or: [{ lastUsedAt: null }, { lastUsedAt: { $lt: stale } }] }, { $set: { lastUsedAt: now } }).exec();
  }
}
