import {
  AssignContactsToCampaignUseCase,
  ContactSource,
  EventActorKind,
  MergeImportedContactsUseCase,
  RowOutcome,
  RowOutcomeKind,
} from '@cadence/api-contact';
import { Clock, Tenant } from '@cadence/api-core';
import { Injectable, Logger } from '@nestjs/common';
import { Types } from 'mongoose';
import { randomUUID } from 'node:crypto';
import { GooglePeopleConnector } from '../connectors/google-people.connector';
import { MojoDialerConnector } from '../connectors/mojo-dialer.connector';
import { ConnectorRequestError } from '../connectors/connector.port';
import { ImportConfig } from '../import.config';
import { ImportErrorCode, ImportException } from '../import.exception';
import { CellError, mapRow } from '../mapping/row-mapper';
import { openFile } from '../parsing/open-source';
import { RecordSource, SourceRow } from '../parsing/record-source';
import { ImportBatchRepository } from '../repositories/import-batch.repository';
import { ImportFileRepository } from '../repositories/import-file.repository';
import { ImportRowErrorRepository, NewRowError } from '../repositories/import-row-error.repository';
import { ImportBatch, ImportCounts, ImportOrigin, ImportStatus } from '../schemas/import-batch.schema';

const OUTCOME_COUNT: Record<RowOutcomeKind, keyof ImportCounts> = {
  [RowOutcomeKind.Created]: 'created',
  [RowOutcomeKind.Updated]: 'updated',
  [RowOutcomeKind.DuplicateInFile]: 'duplicates',
  [RowOutcomeKind.SkippedExisting]: 'skipped',
  [RowOutcomeKind.SkippedMissing]: 'skipped',
  [RowOutcomeKind.Conflict]: 'failed',
};

/** Thrown when another run took the batch over; this run stops without touching it further. */
class RunSuperseded extends Error {}

/**
 * The worker side of an import. Rows are read as a stream and written a chunk at a time; after each
 * chunk the batch records counts and the last row in one update (the checkpoint). A run started
 * after a crash skips rows up to the checkpoint and re-runs at most one chunk, which creates
 * nothing twice (see MergeImportedContactsUseCase).
 */
@Injectable()
export class RunImportUseCase {
  private readonly logger = new Logger('Import');

  constructor(
    private readonly config: ImportConfig,
    private readonly batches: ImportBatchRepository,
    private readonly rowErrors: ImportRowErrorRepository,
    private readonly files: ImportFileRepository,
    private readonly merge: MergeImportedContactsUseCase,
    private readonly campaigns: AssignContactsToCampaignUseCase,
    private readonly google: GooglePeopleConnector,
    private readonly mojo: MojoDialerConnector,
    private readonly clock: Clock,
  ) {}

  async execute(tenant: Tenant, batchId: Types.ObjectId): Promise<void> {
    const runId = randomUUID();
    const batch = await this.batches.claimForRun(batchId, runId, this.clock.now());
    if (!batch) return;
    try {
      const source = await this.open(batch);
      if (batch.total === null && source.total !== null) await this.batches.setTotal(batch._id, runId, source.total);
      await this.walk(tenant, batch, runId, source);
      await this.batches.finish(batch._id, runId, { $set: { status: ImportStatus.Completed, completedAt: this.clock.now(), ...(batch.total === null ? { total: await this.processedOf(tenant, batch._id) } : {}) } });
      if (batch.fileId) await this.files.delete(batch.fileId);
    } catch (error) {
      if (error instanceof RunSuperseded) return;
      if (error instanceof ImportException || error instanceof ConnectorRequestError) {
        const code = error instanceof ImportException ? error.code : ImportErrorCode.ConnectorFailed;
        await this.batches.finish(batch._id, runId, { $set: { status: ImportStatus.Failed, failureCode: code, failureMessage: error.message, completedAt: this.clock.now() } });
        return;
      }
      throw error;
    }
  }

  private async open(batch: ImportBatch): Promise<RecordSource> {
    if (batch.origin === ImportOrigin.GooglePeople) return this.google.open();
    if (batch.origin === ImportOrigin.MojoDialer) return this.mojo.open({ listId: batch.listId });
    if (!batch.fileId) throw new ImportException(ImportErrorCode.FileMissing, 'The uploaded file is gone');
    return openFile(await this.files.read(batch.fileId), { format: batch.format ?? undefined, fileName: batch.fileName ?? '', xlsxMaxRows: this.config.IMPORT_XLSX_MAX_ROWS });
  }

  private async walk(tenant: Tenant, batch: ImportBatch, runId: string, source: RecordSource): Promise<void> {
    let chunk: SourceRow[] = [];
    for await (const row of source.rows()) {
      if (row.rowNumber <= batch.checkpointRow) continue;
      chunk.push(row);
      if (chunk.length >= this.config.IMPORT_CHUNK_SIZE) {
        await this.writeChunk(tenant, batch, runId, chunk);
        chunk = [];
      }
    }
    if (chunk.length > 0) await this.writeChunk(tenant, batch, runId, chunk);
  }

  private async writeChunk(tenant: Tenant, batch: ImportBatch, runId: string, rows: SourceRow[]): Promise<void> {
    const mapped = rows.map((row) => mapRow(row, batch.mapping));
    const drafts = mapped.flatMap((m) => (m.draft ? [m.draft] : []));
    const outcomes = drafts.length > 0 ? await this.merge.execute(tenant, { importBatchId: batch._id, source: batch.contactSource, policy: batch.dedupePolicy, drafts }) : [];
    if (batch.campaignId) await this.assignToCampaign(tenant, batch.campaignId, batch.contactSource, batch._id, outcomes);

    const imported = new Set(outcomes.filter((o) => o.contactId && o.kind !== RowOutcomeKind.SkippedExisting).map((o) => o.rowNumber));
    const errors: NewRowError[] = [
      ...mapped.flatMap((m) => m.errors.map((e: CellError) => ({ ...e, rowImported: imported.has(m.rowNumber) }))),
      ...outcomes.filter((o) => o.kind === RowOutcomeKind.Conflict).map((o) => ({ rowNumber: o.rowNumber, column: '', value: '', reason: 'Another contact took this phone or email during the import; row not imported', rowImported: false })),
    ];
    await this.rowErrors.record(tenant, batch._id, errors);

    const counts: Partial<ImportCounts> = { failed: mapped.length - drafts.length, rowErrors: errors.length };
    for (const outcome of outcomes) counts[OUTCOME_COUNT[outcome.kind]] = (counts[OUTCOME_COUNT[outcome.kind]] ?? 0) + 1;
    const stillOurs = await this.batches.checkpoint(batch._id, runId, rows[rows.length - 1].rowNumber, rows.length, counts);
    if (!stillOurs) {
      this.logger.warn(`Import ${batch._id.toHexString()} was taken over by another run; this run stops`);
      throw new RunSuperseded();
    }
  }

  private async assignToCampaign(tenant: Tenant, campaignId: Types.ObjectId, source: ContactSource, importBatchId: Types.ObjectId, outcomes: RowOutcome[]): Promise<void> {
    const ids = new Map<string, Types.ObjectId>();
    for (const o of outcomes) if (o.contactId && o.kind !== RowOutcomeKind.SkippedExisting) ids.set(o.contactId.toHexString(), o.contactId);
    if (ids.size > 0) await this.campaigns.execute(tenant, { campaignId, contactIds: [...ids.values()], source, importBatchId, actor: EventActorKind.Import });
  }

  private async processedOf(tenant: Tenant, id: Types.ObjectId): Promise<number> {
    return (await this.batches.findOne(tenant, id))?.processed ?? 0;
  }
}

