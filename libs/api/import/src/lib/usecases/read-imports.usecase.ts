import { Clock, NotFoundException, Page, pageOf, PageQueryDto, parseObjectId, skipOf, Tenant } from '@cadence/api-core';
import { Injectable } from '@nestjs/common';
import { ImportBatchDetailResponseDto, ImportBatchResponseDto, ImportRowErrorDto } from '../dto/import.dto';
import { ImportBatchRepository } from '../repositories/import-batch.repository';
import { ImportRowErrorRepository } from '../repositories/import-row-error.repository';
import { ImportBatch } from '../schemas/import-batch.schema';

const FIRST_ERRORS = 50;

async function findOwnedBatch(batches: ImportBatchRepository, tenant: Tenant, id: string): Promise<ImportBatch> {
  const objectId = parseObjectId(id);
  const batch = objectId ? await batches.findOne(tenant, objectId) : null;
  if (!batch) throw new NotFoundException('Import');
  return batch;
}

@Injectable()
export class ListImportsUseCase {
  constructor(
    private readonly batches: ImportBatchRepository,
    private readonly clock: Clock,
  ) {}

  async execute(tenant: Tenant, query: PageQueryDto): Promise<Page<ImportBatchResponseDto>> {
    const { items, total } = await this.batches.findPage(tenant, skipOf(query), query.limit);
    const now = this.clock.now();
    return pageOf(
      items.map((b) => ImportBatchResponseDto.from(b, now)),
      total,
      query,
    );
  }
}

@Injectable()
export class GetImportUseCase {
  constructor(
    private readonly batches: ImportBatchRepository,
    private readonly errors: ImportRowErrorRepository,
    private readonly clock: Clock,
  ) {}

  async execute(tenant: Tenant, id: string): Promise<ImportBatchDetailResponseDto> {
    const batch = await findOwnedBatch(this.batches, tenant, id);
    const firstErrors = await this.errors.findFirst(tenant, batch._id, FIRST_ERRORS);
    return { ...ImportBatchResponseDto.from(batch, this.clock.now()), firstErrors: firstErrors.map(ImportRowErrorDto.from) };
  }
}

/** Every row error of a batch as CSV lines, streamed (header first). */
@Injectable()
export class ExportImportErrorsUseCase {
  constructor(
    private readonly batches: ImportBatchRepository,
    private readonly errors: ImportRowErrorRepository,
  ) {}

  async execute(tenant: Tenant, id: string): Promise<{ fileName: string; lines: AsyncIterable<string> }> {
    const batch = await findOwnedBatch(this.batches, tenant, id);
    const errors = this.errors.streamAll(tenant, batch._id);
    async function* lines(): AsyncIterable<string> {
      yield 'row,column,value,reason,row imported\r\n';
      for await (const e of errors) yield [String(e.rowNumber), e.column, e.value, e.reason, e.rowImported ? 'yes' : 'no'].map(csvCell).join(',') + '\r\n';
    }
    return { fileName: `import-${batch._id.toHexString()}-errors.csv`, lines: lines() };
  }
}

/** Quotes a cell, and defuses spreadsheet formulas (a value starting with = + - @ is shown as text). */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
