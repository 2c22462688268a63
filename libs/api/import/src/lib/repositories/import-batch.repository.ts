import { Tenant, tenantFilter } from '@cadence/api-core';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, Types, UpdateQuery } from 'mongoose';
import { ImportBatch, ImportCounts, ImportStatus } from '../schemas/import-batch.schema';

export type NewImportBatch = Pick<
  ImportBatch,
  '_id' | 'origin' | 'format' | 'preset' | 'contactSource' | 'fileName' | 'fileId' | 'fileSize' | 'listId' | 'mapping' | 'dedupePolicy' | 'campaignId' | 'total'
>;

@Injectable()
export class ImportBatchRepository {
  constructor(@InjectModel(ImportBatch.name) private readonly batches: Model<ImportBatch>) {}

  async create(tenant: Tenant, batch: NewImportBatch): Promise<ImportBatch> {
    return (await this.batches.create({ ...batch, ...tenantFilter(tenant), status: ImportStatus.Queued })).toObject();
  }

  findOne(tenant: Tenant, id: Types.ObjectId): Promise<ImportBatch | null> {
    return this.batches.findOne({ _id: id, ...tenantFilter(tenant) }).lean<ImportBatch>().exec();
  }

  async findPage(tenant: Tenant, skip: number, limit: number): Promise<{ items: ImportBatch[]; total: number }> {
    const filter = tenantFilter(tenant);
    const [items, total] = await Promise.all([
      this.batches.find(filter).sort({ createdAt: -1, _id: -1 }).skip(skip).limit(limit).lean<ImportBatch[]>().exec(),
      this.batches.countDocuments(filter).exec(),
    ]);
    return { items, total };
  }

  /**
   * Starts (or resumes) a run: the batch becomes this run's, so a run started earlier by a worker
   * that only looked dead can no longer checkpoint. Finished batches are not claimed again.
   */
  async claimForRun(id: Types.ObjectId, runId: string, now: Date): Promise<ImportBatch | null> {
    const current = await this.batches.findOne({ _id: id }, { processed: 1, startedAt: 1 }).lean<Pick<ImportBatch, 'processed' | 'startedAt'>>().exec();
    if (!current) return null;
    return this.batches
      .findOneAndUpdate(
        { _id: id, status: { $in: [ImportStatus.Queued, ImportStatus.Processing] } },
        { $set: { status: ImportStatus.Processing, runId, runStartedAt: now, processedAtRunStart: current.processed, startedAt: current.startedAt ?? now } },
        { returnDocument: 'after' },
      )
      .lean<ImportBatch>()
      .exec();
  }

  setTotal(id: Types.ObjectId, runId: string, total: number): Promise<unknown> {
    return this.batches.updateOne({ _id: id, runId }, { $set: { total } }).exec();
  }

  /**
   * Records a written chunk: counters and the checkpoint move together in one update, so a crash
   * either keeps the chunk's counts and checkpoint or neither. False when another run owns the batch.
   */
  async checkpoint(id: Types.ObjectId, runId: string, lastRow: number, rows: number, counts: Partial<ImportCounts>): Promise<boolean> {
    const inc: Record<string, number> = { processed: rows };
    for (const [key, value] of Object.entries(counts)) if (value) inc[`counts.${key}`] = value;
    const result = await this.batches.updateOne({ _id: id, runId, checkpointRow: { $lt: lastRow } }, { $inc: inc, $set: { checkpointRow: lastRow } }).exec();
    return result.matchedCount === 1;
  }

  async finish(id: Types.ObjectId, runId: string, update: UpdateQuery<ImportBatch>): Promise<boolean> {
    const result = await this.batches.updateOne({ _id: id, runId }, update).exec();
    return result.matchedCount === 1;
  }

  markFailed(id: Types.ObjectId, code: string, message: string, now: Date): Promise<unknown> {
    return this.batches
      .updateOne({ _id: id, status: { $in: [ImportStatus.Queued, ImportStatus.Processing] } }, { $set: { status: ImportStatus.Failed, failureCode: code, failureMessage: message, completedAt: now } })
      .exec();
  }
}
