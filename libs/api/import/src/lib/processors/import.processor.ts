import { Clock, QueueName } from '@cadence/api-core';
import { InjectQueue, OnQueueFailed, Process, Processor } from '@nestjs/bull';
import { Logger } from '@nestjs/common';
import type { Job, Queue } from 'bull';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { Types } from 'mongoose';
import { ImportConfig } from '../import.config';
import { ImportJob, RUN_IMPORT_ATTEMPTS, RunImportJobData } from '../import-jobs';
import { ImportBatchRepository } from '../repositories/import-batch.repository';
import { RunImportUseCase } from '../usecases/run-import.usecase';

/** A killed worker's import is resumed from its checkpoint, so stalls may recur without harm. */
const MAX_STALLED_RESUMES = 5;

@Processor(QueueName.Imports)
export class ImportProcessor {
  private readonly logger = new Logger('ImportProcessor');

  constructor(
    private readonly run: RunImportUseCase,
    private readonly batches: ImportBatchRepository,
    private readonly clock: Clock,
    config: ImportConfig,
    @InjectQueue(QueueName.Imports) queue: Queue,
  ) {
    // Core registers every queue with Bull's defaults; the lock and stall check of this queue are set
    // here, in the worker, before the processor starts. A short lock makes another worker resume a
    // killed worker's import sooner, at the cost of more lock renewals.
    Object.assign((queue as Queue & { settings: Record<string, number> }).settings, {
      lockDuration: config.IMPORT_LOCK_DURATION_MS,
      lockRenewTime: Math.floor(config.IMPORT_LOCK_DURATION_MS / 2),
      stalledInterval: config.IMPORT_STALLED_INTERVAL_MS,
      maxStalledCount: MAX_STALLED_RESUMES,
    });
  }

  @Process({ name: ImportJob.Run, concurrency: 1 })
  async runImport(job: Job<unknown>): Promise<void> {
    const data = plainToInstance(RunImportJobData, job.data);
    const problems = validateSync(data);
    if (problems.length > 0) throw new Error(`Invalid run-import job ${job.id}: ${problems.map((p) => p.property).join(', ')}`);
    await this.run.execute({ userId: data.userId, teamId: data.teamId ?? null }, new Types.ObjectId(data.batchId));
  }

  /** After the last retry the batch says so, instead of showing "processing" forever. */
  @OnQueueFailed()
  async onFailed(job: Job<RunImportJobData>, error: Error): Promise<void> {
    this.logger.error(`Import job ${job.id} failed (attempt ${job.attemptsMade}): ${error.message}`);
    if (job.attemptsMade >= RUN_IMPORT_ATTEMPTS && Types.ObjectId.isValid(job.data.batchId)) {
      await this.batches.markFailed(new Types.ObjectId(job.data.batchId), 'IMPORT_FAILED', 'The import stopped on an unexpected error; rows already imported are kept', this.clock.now());
    }
  }
}
