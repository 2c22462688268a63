import { QueueName } from '@cadence/api-core';
import { InjectQueue, Process, Processor } from '@nestjs/bull';
import type { Job, Queue } from 'bull';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { Types } from 'mongoose';
import { FanOutJobData, SEND_RATE_LIMITS, SendJobData, StrategyJob, TestSendJobData } from '../pipeline/strategy-jobs';
import { ExecutionChannel } from '../schemas/execution.schema';
import { RunFanOutUseCase } from '../usecases/run-fan-out.usecase';
import { SendExecutionUseCase } from '../usecases/send-execution.usecase';
import { SendStrategyTestUseCase } from '../usecases/send-strategy-test.usecase';

function validated<T extends object>(type: new () => T, job: Job<unknown>): T {
  const data = plainToInstance(type, job.data);
  const problems = validateSync(data);
  if (problems.length > 0) throw new Error(`Invalid ${job.name} job ${job.id}: ${problems.map((p) => p.property).join(', ')}`);
  return data;
}

/** Bull's limiter is a queue option, and core registers every queue with defaults: only the worker fetches jobs, so it is set here. */
function limit(queue: Queue, channel: ExecutionChannel): void {
  (queue as Queue & { limiter: { max: number; duration: number } }).limiter = SEND_RATE_LIMITS[channel];
}

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
    await this.send.execute({ userId: data.userId, teamId: data.teamId ?? null }, new Types.ObjectId(data.executionId));
  }

  protected async sendTest(job: Job<unknown>): Promise<void> {
    const data = validated(TestSendJobData, job);
    await this.test.execute({ userId: data.userId, teamId: data.teamId ?? null }, data);
  }
}

@Processor(QueueName.SendSms)
export class SendSmsProcessor extends SendProcessor {
  constructor(send: SendExecutionUseCase, test: SendStrategyTestUseCase, @InjectQueue(QueueName.SendSms) queue: Queue) {
    super(send, test);
    limit(queue, ExecutionChannel.Sms);
  }

  @Process({ name: StrategyJob.Send, concurrency: 5 })
  run(job: Job<unknown>): Promise<void> {
    return this.sendOne(job);
  }

  @Process(StrategyJob.TestSend)
  runTest(job: Job<unknown>): Promise<void> {
    return this.sendTest(job);
  }
}

@Processor(QueueName.SendEmail)
export class SendEmailProcessor extends SendProcessor {
  constructor(send: SendExecutionUseCase, test: SendStrategyTestUseCase, @InjectQueue(QueueName.SendEmail) queue: Queue) {
    super(send, test);
    limit(queue, ExecutionChannel.Email);
  }

  @Process({ name: StrategyJob.Send, concurrency: 5 })
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
  constructor(send: SendExecutionUseCase, test: SendStrategyTestUseCase, @InjectQueue(QueueName.SendVoicemail) queue: Queue) {
    super(send, test);
    limit(queue, ExecutionChannel.Voicemail);
  }

  @Process({ name: StrategyJob.Send, concurrency: 5 })
  run(job: Job<unknown>): Promise<void> {
    return this.sendOne(job);
  }

  @Process(StrategyJob.TestSend)
  runTest(job: Job<unknown>): Promise<void> {
    return this.sendTest(job);
  }
}
