import { QueueName } from '@cadence/api-core';
import { InjectQueue } from '@nestjs/bull';
import { Injectable } from '@nestjs/common';
import type { JobOptions, Queue } from 'bull';
import { Execution, ExecutionChannel } from '../schemas/execution.schema';
import { SendJobData, StrategyJob } from './strategy-jobs';

/**
 * Adds the send job of an execution's current `jobSeq`. The job id is derived from it, so adding the
 * same one twice (a re-run fan-out) is a no-op; a retry or deferral bumps `jobSeq` first.
 */
@Injectable()
export class SendJobs {
  private readonly queues: Record<ExecutionChannel, Queue>;

  constructor(
    @InjectQueue(QueueName.SendSms) sms: Queue,
    @InjectQueue(QueueName.SendEmail) email: Queue,
    @InjectQueue(QueueName.SendVoicemail) voicemail: Queue,
  ) {
    this.queues = { [ExecutionChannel.Sms]: sms, [ExecutionChannel.Email]: email, [ExecutionChannel.Voicemail]: voicemail };
  }

  async enqueue(execution: Execution, now: Date): Promise<void> {
    await this.queues[execution.channel].add(StrategyJob.Send, this.dataOf(execution), this.optionsOf(execution, now));
  }

  /** One round trip per channel for a fan-out batch instead of one per execution. */
  async enqueueMany(executions: Execution[], now: Date): Promise<void> {
    for (const channel of Object.values(ExecutionChannel)) {
      const ofChannel = executions.filter((e) => e.channel === channel);
      if (ofChannel.length > 0) await this.queues[channel].addBulk(ofChannel.map((e) => ({ name: StrategyJob.Send, data: this.dataOf(e), opts: this.optionsOf(e, now) })));
    }
  }

  private dataOf(execution: Execution): SendJobData {
    return { executionId: execution._id.toHexString(), userId: execution.userId.toHexString(), teamId: execution.teamId ?? null };
  }

  private optionsOf(execution: Execution, now: Date): JobOptions {
    return {
      jobId: `send:${execution._id.toHexString()}:${execution.jobSeq}`,
      delay: Math.max(0, execution.notBefore.getTime() - now.getTime()),
      // Infrastructure errors only (provider errors are retried through the execution): every step is
      // compare-and-set on the execution's status, so a re-run never sends twice.
      attempts: 3,
      backoff: { type: 'exponential', delay: 1000 },
    };
  }
}
