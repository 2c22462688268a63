import { Tenant, tenantFilter } from '@cadence/api-core';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, Types, UpdateQuery } from 'mongoose';
import { BatchKind, BatchStatus, VoicemailBatch } from '../schemas/voicemail-batch.schema';

const OPEN = [BatchStatus.Queued, BatchStatus.Running];

@Injectable()
export class VoicemailBatchRepository {
  constructor(@InjectModel(VoicemailBatch.name) private readonly model: Model<VoicemailBatch>) {}

  async create(tenant: Tenant, batch: Pick<VoicemailBatch, 'campaignId' | 'kind' | 'templateKind' | 'templateKindB' | 'customPrompt' | 'voiceId' | 'total' | 'estimatedMicros'>): Promise<VoicemailBatch> {
    return (await this.model.create({ ...batch, userId: new Types.ObjectId(tenant.userId), teamId: tenant.teamId })).toObject();
  }

  findOne(tenant: Tenant, id: Types.ObjectId): Promise<VoicemailBatch | null> {
    return this.model.findOne({ _id: id, ...tenantFilter(tenant) }).lean<VoicemailBatch>().exec();
  }

  findById(id: Types.ObjectId): Promise<VoicemailBatch | null> {
    return this.model.findById(id).lean<VoicemailBatch>().exec();
  }

  latest(tenant: Tenant, campaignId: Types.ObjectId, kind: BatchKind): Promise<VoicemailBatch | null> {
    return this.model.findOne({ campaignId, kind, ...tenantFilter(tenant) }).sort({ createdAt: -1, _id: -1 }).lean<VoicemailBatch>().exec();
  }

  findOpen(tenant: Tenant, campaignId: Types.ObjectId, kind: BatchKind): Promise<VoicemailBatch | null> {
    return this.model.findOne({ campaignId, kind, status: { $in: OPEN }, ...tenantFilter(tenant) }).lean<VoicemailBatch>().exec();
  }

  /** Takes the batch for this run (a resumed run replaces a dead one's runId, which then stops at its next checkpoint). */
  claim(id: Types.ObjectId, runId: string, now: Date, processedSoFar: number, counts: { succeeded: number }): Promise<VoicemailBatch | null> {
    return this.model
      .findOneAndUpdate({ _id: id, status: { $in: OPEN } }, { $set: { status: BatchStatus.Running, runId, runStartedAt: now, processedAtRunStart: processedSoFar, succeeded: counts.succeeded }, $inc: { runs: 1 } }, { returnDocument: 'after' })
      .lean<VoicemailBatch>()
      .exec();
  }

  /** Progress of this run; null when another run took over. */
  progress(id: Types.ObjectId, runId: string, update: UpdateQuery<VoicemailBatch>): Promise<VoicemailBatch | null> {
    return this.model.findOneAndUpdate({ _id: id, runId }, update, { returnDocument: 'after' }).lean<VoicemailBatch>().exec();
  }

  requestCancel(tenant: Tenant, id: Types.ObjectId): Promise<VoicemailBatch | null> {
    return this.model.findOneAndUpdate({ _id: id, ...tenantFilter(tenant), status: { $in: OPEN } }, { $set: { cancelRequested: true } }, { returnDocument: 'after' }).lean<VoicemailBatch>().exec();
  }

  /** A queued batch cancelled before a worker picked it up ends at once. */
  cancelQueued(id: Types.ObjectId, now: Date): Promise<VoicemailBatch | null> {
    return this.model.findOneAndUpdate({ _id: id, status: BatchStatus.Queued }, { $set: { status: BatchStatus.Cancelled, finishedAt: now } }, { returnDocument: 'after' }).lean<VoicemailBatch>().exec();
  }

  markFailed(id: Types.ObjectId, error: string, now: Date): Promise<unknown> {
    return this.model.updateOne({ _id: id, status: { $in: OPEN } }, { $set: { status: BatchStatus.Failed, error, finishedAt: now } }).exec();
  }
}
