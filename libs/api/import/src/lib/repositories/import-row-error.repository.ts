import { Tenant, tenantFilter } from '@cadence/api-core';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, Types } from 'mongoose';
import { ImportRowError } from '../schemas/import-batch.schema';

export type NewRowError = Pick<ImportRowError, 'rowNumber' | 'column' | 'value' | 'reason' | 'rowImported'>;

@Injectable()
export class ImportRowErrorRepository {
  constructor(@InjectModel(ImportRowError.name) private readonly errors: Model<ImportRowError>) {}

  /** Upserts on (batch, row, column, value): writing a resumed chunk's errors again adds none. */
  async record(tenant: Tenant, importBatchId: Types.ObjectId, errors: NewRowError[]): Promise<void> {
    if (errors.length === 0) return;
    const owner = tenantFilter(tenant);
    await this.errors.bulkWrite(
      errors.map((e) => ({
        updateOne: {
          filter: { importBatchId, rowNumber: e.rowNumber, column: e.column, value: e.value },
          update: { $setOnInsert: { ...e, ...owner, importBatchId } },
          upsert: true,
        },
      })),
      { ordered: false },
    );
  }

  findFirst(tenant: Tenant, importBatchId: Types.ObjectId, limit: number): Promise<ImportRowError[]> {
    return this.errors.find({ importBatchId, ...tenantFilter(tenant) }).sort({ rowNumber: 1, _id: 1 }).limit(limit).lean<ImportRowError[]>().exec();
  }

  /** Every error of a batch in row order, streamed (a bad 100,000-row file has as many). */
  async *streamAll(tenant: Tenant, importBatchId: Types.ObjectId): AsyncIterable<ImportRowError> {
    const cursor = this.errors.find({ importBatchId, ...tenantFilter(tenant) }).sort({ rowNumber: 1, _id: 1 }).lean<ImportRowError[]>().cursor();
    try {
      for await (const error of cursor) yield error as ImportRowError;
    } finally {
      await cursor.close();
    }
  }
}
