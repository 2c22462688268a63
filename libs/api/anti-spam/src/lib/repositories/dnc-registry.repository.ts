import { Tenant, tenantFilter } from '@cadence/api-core';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { DncRegistryEntry } from '../schemas/dnc-registry-entry.schema';

@Injectable()
export class DncRegistryRepository {
  constructor(@InjectModel(DncRegistryEntry.name) private readonly entries: Model<DncRegistryEntry>) {}

  /** A scrub replaces the previous one of each number. */
  async record(tenant: Tenant, scrubs: { e164: string; listed: boolean }[], scrubbedAt: Date): Promise<void> {
    if (scrubs.length === 0) return;
    const owner = tenantFilter(tenant);
    await this.entries.bulkWrite(
      scrubs.map((s) => ({ updateOne: { filter: { ...owner, e164: s.e164 }, update: { $set: { listed: s.listed, scrubbedAt }, $setOnInsert: owner }, upsert: true } })),
      { ordered: false },
    );
  }

  async findFor(tenant: Tenant, numbers: string[]): Promise<Map<string, DncRegistryEntry>> {
    if (numbers.length === 0) return new Map();
    const found = await this.entries.find({ ...tenantFilter(tenant), e164: { $in: numbers } }).lean<DncRegistryEntry[]>().exec();
    return new Map(found.map((e) => [e.e164, e]));
  }
}
