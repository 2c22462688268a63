import { Tenant, tenantFilter } from '@cadence/api-core';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, Types } from 'mongoose';
import { AudioAsset } from '../schemas/audio-asset.schema';

@Injectable()
export class AudioAssetRepository {
  constructor(@InjectModel(AudioAsset.name) private readonly model: Model<AudioAsset>) {}

  findByHash(tenant: Tenant, contentHash: string): Promise<AudioAsset | null> {
    return this.model.findOne({ contentHash, ...tenantFilter(tenant) }).lean<AudioAsset>().exec();
  }

  /** Records a rendering; when a concurrent run stored the same hash first, that one is kept and returned. */
  async record(tenant: Tenant, asset: Omit<AudioAsset, '_id' | 'userId' | 'createdAt'>): Promise<AudioAsset> {
    const userId = new Types.ObjectId(tenant.userId);
    const saved = await this.model.findOneAndUpdate({ userId, contentHash: asset.contentHash }, { $setOnInsert: { ...asset, userId } }, { upsert: true, returnDocument: 'after' }).lean<AudioAsset>().exec();
    return saved as AudioAsset;
  }

  removeByMediaKey(tenant: Tenant, mediaKey: string): Promise<unknown> {
    return this.model.deleteMany({ mediaKey, ...tenantFilter(tenant) }).exec();
  }
}
