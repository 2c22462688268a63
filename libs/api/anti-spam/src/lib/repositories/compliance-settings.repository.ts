import { Tenant, tenantFilter } from '@cadence/api-core';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { ComplianceSettings } from '../schemas/compliance-settings.schema';

export type ComplianceSettingsPatch = Partial<Pick<ComplianceSettings, 'dncRegistryCompliance' | 'helpReply'>> & {
  quietHours?: Partial<ComplianceSettings['quietHours']>;
  touchBudget?: Partial<ComplianceSettings['touchBudget']>;
  optOutPolicy?: Partial<ComplianceSettings['optOutPolicy']>;
};

@Injectable()
export class ComplianceSettingsRepository {
  constructor(@InjectModel(ComplianceSettings.name) private readonly settings: Model<ComplianceSettings>) {}

  /** The agent's settings, created with the defaults on first read so every reader sees one shape. */
  async findOrCreate(tenant: Tenant): Promise<ComplianceSettings> {
    const owner = tenantFilter(tenant);
    // Read first: the gate asks on every send, and an upsert is a write.
    const existing = await this.settings.findOne(owner).lean<ComplianceSettings>().exec();
    if (existing) return existing;
    return this.settings
      .findOneAndUpdate(owner, { $setOnInsert: { ...owner, teamId: tenant.teamId } }, { upsert: true, returnDocument: 'after', setDefaultsOnInsert: true })
      .lean<ComplianceSettings>()
      .exec() as Promise<ComplianceSettings>;
  }

  async update(tenant: Tenant, patch: ComplianceSettingsPatch): Promise<ComplianceSettings> {
    await this.findOrCreate(tenant);
    const set: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(patch)) {
      if (value === undefined) continue;
      if (value !== null && typeof value === 'object') {
        for (const [inner, v] of Object.entries(value)) if (v !== undefined) set[`${key}.${inner}`] = v;
      } else set[key] = value;
    }
    return this.settings.findOneAndUpdate(tenantFilter(tenant), { $set: set }, { returnDocument: 'after' }).lean<ComplianceSettings>().exec() as Promise<ComplianceSettings>;
  }
}
