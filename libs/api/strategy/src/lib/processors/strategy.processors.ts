import { QueueName } from '@cadence/api-core';
import { Process, Processor } from '@nestjs/bull';
import type { Job } from 'bull';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { Types } from 'mongoose';
import { FanOutJobData, SendEmailBatchJobData, SendJobData, StrategyJob, TestSendJobData } from '../pipeline/strategy-jobs';
import { RunFanOutUseCase } from '../usecases/run-fan-out.usecase';
import { SendEmailBatchUseCase } from '../usecases/send-email-batch.usecase';
import { SendExecutionUseCase } from '../usecases/send-execution.usecase';
import { SendStrategyTestUseCase } from '../usecases/send-strategy-test.usecase';

function validated<T extends object>(type: new () => T, job: Job<unknown>): T {
  const data = plainToInstance(type, job.data);
  const problems = validateSync(data);
  if (problems.length > 0) throw new Error(`Invalid ${job.name} job ${job.id}: ${problems.map((p) => p.property).join(', ')}`);
  return data;
}

/**
 * Send jobs run this many at once per channel; the provider's rate is kept by SendTokenBucket right
 * before each call, so these only need to be enough to keep the bucket busy while sends wait on the
 * database and the provider.
 */
const SEND_CONCURRENCY = 8;

@Processor(QueueName.StrategyFanOut)
export class FanOutProcessor {
  constructor(private readonly fanOut: RunFanOutUseCase) {}

  @Process({ name: StrategyJob.FanOut, concurrency: 2 })
  async run(job: Job<unknown>): Promise<void> {
    const data = validated(FanOutJobData, job);
    await this.fanOut.execute({ userId: data.userId, teamId: data.teamId ?? null }, new Types.ObjectId(data.strategyId));
  }
}

abstract class SendProcessor {
  constructor(
    private readonly send: SendExecutionUseCase,
    private readonly test: SendStrategyTestUseCase,
  ) {}

  protected async sendOne(job: Job<unknown>): Promise<void> {
    const data = validated(SendJobData, job);
    await this.send.execute({ userId: data.userId, teamId: data.teamId ?? null }, new Types.ObjectId(data.executionId), data.jobSeq);
  }

  protected async sendTest(job: Job<unknown>): Promise<void> {
    const data = validated(TestSendJobData, job);
    await this.test.execute({ userId: data.userId, teamId: data.teamId ?? null }, data);
  }
}

@Processor(QueueName.SendSms)
export class SendSmsProcessor extends SendProcessor {
  constructor(send: SendExecutionUseCase, test: SendStrategyTestUseCase) {
    super(send, test);
  }

  @Process({ name: StrategyJob.Send, concurrency: SEND_CONCURRENCY })
  run(job: Job<unknown>): Promise<void> {
    return this.sendOne(job);
  }

  @Process(StrategyJob.TestSend)
  runTest(job: Job<unknown>): Promise<void> {
    return this.sendTest(job);
  }
}

/** Batches wait on up to 1,000 claims each, so two at a time keep the bucket busy. */
const EMAIL_BATCH_CONCURRENCY = 2;

@Processor(QueueName.SendEmail)
export class SendEmailProcessor extends SendProcessor {
  constructor(
    send: SendExecutionUseCase,
    test: SendStrategyTestUseCase,
    private readonly batch: SendEmailBatchUseCase,
  ) {
    super(send, test);
  }

  @Process({ name: StrategyJob.SendEmailBatch, concurrency: EMAIL_BATCH_CONCURRENCY })
  async runBatch(job: Job<unknown>): Promise<void> {
    const data = validated(SendEmailBatchJobData, job);
    if (data.jobSeqs.length !== data.executionIds.length) throw new Error(`Invalid ${job.name} job ${job.id}: jobSeqs`);
    const executions = data.executionIds.map((id, i) => ({ id: new Types.ObjectId(id), jobSeq: data.jobSeqs[i] }));
    await this.batch.execute({ userId: data.userId, teamId: data.teamId ?? null }, executions);
  }

  @Process({ name: StrategyJob.Send, concurrency: SEND_CONCURRENCY })
  run(job: Job<unknown>): Promise<void> {
    return this.sendOne(job);
  }

  @Process(StrategyJob.TestSend)
  runTest(job: Job<unknown>): Promise<void> {
    return this.sendTest(job);
  }
}

@Processor(QueueName.SendVoicemail)
export class SendVoicemailProcessor extends SendProcessor {
  constructor(send: SendExecutionUseCase, test: SendStrategyTestUseCase) {
    super(send, test);
  }

  @Process({ name: StrategyJob.Send, concurrency: SEND_CONCURRENCY })
  run(job: Job<unknown>): Promise<void> {
    return this.sendOne(job);
  }

  @Process(StrategyJob.TestSend)
  runTest(job: Job<unknown>): Promise<void> {
    return this.sendTest(job);
  }
}
