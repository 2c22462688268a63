import { Tenant, tenantFilter } from '@cadence/api-core';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, Types } from 'mongoose';
import { VoicemailSettings } from '../schemas/voicemail-settings.schema';

export type SettingsInput = Pick<VoicemailSettings, 'agentName' | 'brokerage' | 'callbackNumber' | 'optOutNumber' | 'voiceId' | 'templateKind'>;

@Injectable()
export class VoicemailSettingsRepository {
  constructor(@InjectModel(VoicemailSettings.name) private readonly model: Model<VoicemailSettings>) {}

  find(tenant: Tenant, campaignId: Types.ObjectId): Promise<VoicemailSettings | null> {
    return this.model.findOne({ campaignId, ...tenantFilter(tenant) }).lean<VoicemailSettings>().exec();
  }

  save(tenant: Tenant, campaignId: Types.ObjectId, input: SettingsInput): Promise<VoicemailSettings> {
    return this.model
      .findOneAndUpdate({ campaignId, ...tenantFilter(tenant) }, { $set: input, $setOnInsert: { campaignId, userId: new Types.ObjectId(tenant.userId) } }, { upsert: true, returnDocument: 'after' })
      .lean<VoicemailSettings>()
      .exec() as Promise<VoicemailSettings>;
  }
}
