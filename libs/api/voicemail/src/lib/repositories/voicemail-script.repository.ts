import { Tenant, tenantFilter } from '@cadence/api-core';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { QueryFilter, Model, Types, UpdateQuery } from 'mongoose';
import { AudioStatus, ReviewStatus, VoicemailScript } from '../schemas/voicemail-script.schema';

export interface ScriptFilter {
  reviewStatus?: ReviewStatus;
  audioStatus?: AudioStatus;
}

export type NewScript = Omit<VoicemailScript, '_id' | 'userId' | 'createdAt' | 'updatedAt' | 'audio' | 'delivery' | 'reviewStatus' | 'reviewNotes' | 'reviewedAt' | 'scriptVersion'>;

@Injectable()
export class VoicemailScriptRepository {
  constructor(@InjectModel(VoicemailScript.name) private readonly model: Model<VoicemailScript>) {}

  findOne(tenant: Tenant, id: Types.ObjectId): Promise<VoicemailScript | null> {
    return this.model.findOne({ _id: id, ...tenantFilter(tenant) }).lean<VoicemailScript>().exec();
  }

  findForContact(tenant: Tenant, campaignId: Types.ObjectId, contactId: Types.ObjectId): Promise<VoicemailScript | null> {
    return this.model.findOne({ campaignId, contactId, ...tenantFilter(tenant) }).lean<VoicemailScript>().exec();
  }

  async page(tenant: Tenant, campaignId: Types.ObjectId, filter: ScriptFilter, skip: number, limit: number): Promise<{ items: VoicemailScript[]; total: number }> {
    const query: QueryFilter<VoicemailScript> = { campaignId, ...tenantFilter(tenant), ...(filter.reviewStatus ? { reviewStatus: filter.reviewStatus } : {}), ...(filter.audioStatus ? { 'audio.status': filter.audioStatus } : {}) };
    const [items, total] = await Promise.all([this.model.find(query).sort({ _id: 1 }).skip(skip).limit(limit).lean<VoicemailScript[]>().exec(), this.model.countDocuments(query).exec()]);
    return { items, total };
  }

  /** Counts per review and audio status, and the campaign's spend on scripts so far. */
  async summary(tenant: Tenant, campaignId: Types.ObjectId): Promise<{ review: Record<string, number>; audio: Record<string, number>; total: number; llmMicros: number; ttsMicros: number }> {
    const [row] = await this.model
      .aggregate<{ review: { _id: string; n: number }[]; audio: { _id: string; n: number }[]; costs: { total: number; llm: number; tts: number }[] }>([
        { $match: { campaignId, ...tenantFilter(tenant) } },
        {
          $facet: {
            review: [{ $group: { _id: '$reviewStatus', n: { $sum: 1 } } }],
            audio: [{ $group: { _id: '$audio.status', n: { $sum: 1 } } }],
            costs: [{ $group: { _id: null, total: { $sum: 1 }, llm: { $sum: '$costs.llmMicros' }, tts: { $sum: '$costs.ttsMicros' } } }],
          },
        },
      ])
      .exec();
    const toMap = (rows: { _id: string; n: number }[]) => Object.fromEntries(rows.map((r) => [r._id, r.n]));
    const costs = row?.costs[0];
    return { review: toMap(row?.review ?? []), audio: toMap(row?.audio ?? []), total: costs?.total ?? 0, llmMicros: costs?.llm ?? 0, ttsMicros: costs?.tts ?? 0 };
  }

  /** Which of these contacts already have a script in the campaign (a resumed batch skips them). */
  async contactsWithScripts(tenant: Tenant, campaignId: Types.ObjectId, contactIds: Types.ObjectId[]): Promise<Map<string, string | null>> {
    const rows = await this.model.find({ campaignId, contactId: { $in: contactIds }, ...tenantFilter(tenant) }, { contactId: 1, batchId: 1 }).lean<{ contactId: Types.ObjectId; batchId: Types.ObjectId | null }[]>().exec();
    return new Map(rows.map((r) => [r.contactId.toHexString(), r.batchId?.toHexString() ?? null]));
  }

  /** Inserts; false when the contact already has one (another run wrote it first). */
  async insert(tenant: Tenant, script: NewScript): Promise<VoicemailScript | null> {
    try {
      const created = await this.model.create({ ...script, userId: new Types.ObjectId(tenant.userId), teamId: tenant.teamId });
      return created.toObject();
    } catch (error) {
      if ((error as { code?: number }).code === 11000) return null;
      throw error;
    }
  }

  /** Compare-and-set on the fields in `expect` (e.g. the version or audio status the caller read). */
  update(tenant: Tenant, id: Types.ObjectId, expect: QueryFilter<VoicemailScript>, update: UpdateQuery<VoicemailScript>): Promise<VoicemailScript | null> {
    return this.model.findOneAndUpdate({ _id: id, ...tenantFilter(tenant), ...expect }, update, { returnDocument: 'after' }).lean<VoicemailScript>().exec();
  }

  async approveMany(tenant: Tenant, campaignId: Types.ObjectId, ids: Types.ObjectId[] | null, now: Date): Promise<number> {
    const result = await this.model
      .updateMany({ campaignId, ...tenantFilter(tenant), reviewStatus: { $in: [ReviewStatus.Pending, ReviewStatus.NeedsRevision] }, ...(ids ? { _id: { $in: ids } } : {}) }, { $set: { reviewStatus: ReviewStatus.Approved, reviewedAt: now } })
      .exec();
    return result.modifiedCount;
  }

  /** Approved scripts after `afterId` that still need audio: the audio batch's walk. */
  needingAudioAfter(tenant: Tenant, campaignId: Types.ObjectId, afterId: Types.ObjectId | null, limit: number): Promise<VoicemailScript[]> {
    return this.model
      .find({ campaignId, ...tenantFilter(tenant), reviewStatus: ReviewStatus.Approved, 'audio.status': { $ne: AudioStatus.Completed }, ...(afterId ? { _id: { $gt: afterId } } : {}) })
      .sort({ _id: 1 })
      .limit(limit)
      .lean<VoicemailScript[]>()
      .exec();
  }

  countNeedingAudio(tenant: Tenant, campaignId: Types.ObjectId): Promise<number> {
    return this.model.countDocuments({ campaignId, ...tenantFilter(tenant), reviewStatus: ReviewStatus.Approved, 'audio.status': { $ne: AudioStatus.Completed } }).exec();
  }

  async charactersNeedingAudio(tenant: Tenant, campaignId: Types.ObjectId): Promise<number[]> {
    const rows = await this.model.find({ campaignId, ...tenantFilter(tenant), reviewStatus: ReviewStatus.Approved, 'audio.status': { $ne: AudioStatus.Completed } }, { characterCount: 1 }).lean<{ characterCount: number }[]>().exec();
    return rows.map((r) => r.characterCount);
  }

  countByBatch(batchId: Types.ObjectId): Promise<number> {
    return this.model.countDocuments({ batchId }).exec();
  }

  countAudioCompletedSince(tenant: Tenant, campaignId: Types.ObjectId, since: Date): Promise<number> {
    return this.model.countDocuments({ campaignId, ...tenantFilter(tenant), 'audio.status': AudioStatus.Completed, 'audio.generatedAt': { $gte: since } }).exec();
  }

  countUsingMedia(tenant: Tenant, mediaKey: string): Promise<number> {
    return this.model.countDocuments({ ...tenantFilter(tenant), 'audio.mediaKey': mediaKey }).exec();
  }
}
