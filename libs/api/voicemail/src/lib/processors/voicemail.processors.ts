import { Clock, QueueName } from '@cadence/api-core';
import { InjectQueue, OnQueueFailed, Process, Processor } from '@nestjs/bull';
import { Logger } from '@nestjs/common';
import type { Job, Queue } from 'bull';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { Types } from 'mongoose';
import { VoicemailBatchRepository } from '../repositories/voicemail-batch.repository';
import { RunAudioBatchUseCase } from '../usecases/run-audio-batch.usecase';
import { RunScriptBatchUseCase } from '../usecases/run-script-batch.usecase';
import { RunVoicemailBatchJobData, VOICEMAIL_BATCH_ATTEMPTS, VoicemailJob } from '../voicemail-jobs';
import { VoicemailConfig } from '../voicemail.config';

/** A killed worker's batch is resumed from its checkpoint, so stalls may recur without harm. */
const MAX_STALLED_RESUMES = 5;

function tuneLock(queue: Queue, config: VoicemailConfig): void {
  // Core registers every queue with Bull's defaults; a short lock lets another worker resume a killed worker's batch sooner.
  Object.assign((queue as Queue & { settings: Record<string, number> }).settings, {
    lockDuration: config.VOICEMAIL_LOCK_DURATION_MS,
    lockRenewTime: Math.floor(config.VOICEMAIL_LOCK_DURATION_MS / 2),
    stalledInterval: config.VOICEMAIL_STALLED_INTERVAL_MS,
    maxStalledCount: MAX_STALLED_RESUMES,
  });
}

function parse(job: Job<unknown>): RunVoicemailBatchJobData {
  const data = plainToInstance(RunVoicemailBatchJobData, job.data);
  const problems = validateSync(data);
  if (problems.length > 0) throw new Error(`Invalid voicemail batch job ${job.id}: ${problems.map((p) => p.property).join(', ')}`);
  return data;
}

async function failAfterLastAttempt(batches: VoicemailBatchRepository, clock: Clock, logger: Logger, job: Job<RunVoicemailBatchJobData>, error: Error): Promise<void> {
  logger.error(`Voicemail batch job ${job.id} failed (attempt ${job.attemptsMade}): ${error.message}`);
  if (job.attemptsMade >= VOICEMAIL_BATCH_ATTEMPTS && Types.ObjectId.isValid(job.data.batchId)) {
    await batches.markFailed(new Types.ObjectId(job.data.batchId), 'The batch stopped on an unexpected error; finished items are kept', clock.now());
  }
}

@Processor(QueueName.ScriptGeneration)
export class ScriptBatchProcessor {
  private readonly logger = new Logger('ScriptBatchProcessor');

  constructor(
    private readonly run: RunScriptBatchUseCase,
    private readonly batches: VoicemailBatchRepository,
    private readonly clock: Clock,
    config: VoicemailConfig,
    @InjectQueue(QueueName.ScriptGeneration) queue: Queue,
  ) {
    tuneLock(queue, config);
  }

  @Process({ name: VoicemailJob.RunScriptBatch, concurrency: 1 })
  async runScriptBatch(job: Job<unknown>): Promise<void> {
    const data = parse(job);
    await this.run.execute({ userId: data.userId, teamId: data.teamId ?? null }, new Types.ObjectId(data.batchId));
  }

  @OnQueueFailed()
  onFailed(job: Job<RunVoicemailBatchJobData>, error: Error): Promise<void> {
    return failAfterLastAttempt(this.batches, this.clock, this.logger, job, error);
  }
}

@Processor(QueueName.AudioGeneration)
export class AudioBatchProcessor {
  private readonly logger = new Logger('AudioBatchProcessor');

  constructor(
    private readonly run: RunAudioBatchUseCase,
    private readonly batches: VoicemailBatchRepository,
    private readonly clock: Clock,
    config: VoicemailConfig,
    @InjectQueue(QueueName.AudioGeneration) queue: Queue,
  ) {
    tuneLock(queue, config);
  }

  @Process({ name: VoicemailJob.RunAudioBatch, concurrency: 1 })
  async runAudioBatch(job: Job<unknown>): Promise<void> {
    const data = parse(job);
    await this.run.execute({ userId: data.userId, teamId: data.teamId ?? null }, new Types.ObjectId(data.batchId));
  }

  @OnQueueFailed()
  onFailed(job: Job<RunVoicemailBatchJobData>, error: Error): Promise<void> {
    return failAfterLastAttempt(this.batches, this.clock, this.logger, job, error);
  }
}
