import { QueueName } from '@cadence/api-core';
import { InjectQueue } from '@nestjs/bull';
import { Injectable } from '@nestjs/common';
import type { JobOptions, Queue } from 'bull';
import { Execution, ExecutionChannel } from '../schemas/execution.schema';
import { EMAIL_BATCH_MAX, SendEmailBatchJobData, SendJobData, StrategyJob } from './strategy-jobs';

/**
 * Infrastructure errors only (provider errors are retried through the execution): every step is
 * compare-and-set on the execution's status, so a re-run never sends twice.
 */
const RETRY_OPTIONS: JobOptions = { attempts: 3, backoff: { type: 'exponential', delay: 1000 } };

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

  /**
   * Email executions due now, one batch job per (strategy, step, variant) and 1,000 executions. Each
   * execution's `jobSeq` was bumped when it was batched, so the job id (first execution and its seq)
   * is new, and an older job that still lists an execution skips it.
   */
  async enqueueEmailBatches(executions: Execution[]): Promise<void> {
    const groups = new Map<string, Execution[]>();
    for (const e of executions) {
      const key = `${e.strategyId.toHexString()}:${e.step}:${e.variant}`;
      groups.set(key, [...(groups.get(key) ?? []), e]);
    }
    const jobs: { name: string; data: SendEmailBatchJobData; opts: JobOptions }[] = [];
    for (const group of groups.values()) {
      for (let from = 0; from < group.length; from += EMAIL_BATCH_MAX) {
        const batch = group.slice(from, from + EMAIL_BATCH_MAX);
        const [first] = batch;
        jobs.push({
          name: StrategyJob.SendEmailBatch,
          data: { executionIds: batch.map((e) => e._id.toHexString()), jobSeqs: batch.map((e) => e.jobSeq), userId: first.userId.toHexString(), teamId: first.teamId ?? null },
          opts: { ...RETRY_OPTIONS, jobId: `send-batch:${first._id.toHexString()}:${first.jobSeq}` },
        });
      }
    }
    if (jobs.length > 0) await this.queues[ExecutionChannel.Email].addBulk(jobs);
  }

  private dataOf(execution: Execution): SendJobData {
    return { executionId: execution._id.toHexString(), jobSeq: execution.jobSeq, userId: execution.userId.toHexString(), teamId: execution.teamId ?? null };
  }

  private optionsOf(execution: Execution, now: Date): JobOptions {
    return {
      jobId: `send:${execution._id.toHexString()}:${execution.jobSeq}`,
      delay: Math.max(0, execution.notBefore.getTime() - now.getTime()),
      ...RETRY_OPTIONS,
    };
  }
}
