import { QueueName } from '@cadence/api-core';
import { ArrayMaxSize, ArrayMinSize, IsInt, IsMongoId, IsOptional, IsString, Min } from 'class-validator';
import { ExecutionChannel } from '../schemas/execution.schema';

export enum StrategyJob {
  FanOut = 'fan-out',
  Send = 'send',
  /** Up to 1,000 due email executions of one strategy, step and variant: one SendGrid request. */
  SendEmailBatch = 'send-email-batch',
  /** A strategy's test message to the agent: on the channel's queue, so it keeps to the same rate limit. */
  TestSend = 'test-send',
}

/** Payloads are validated by the processors before use. */
export class FanOutJobData {
  @IsMongoId()
  strategyId!: string;

  @IsMongoId()
  userId!: string;

  @IsOptional()
  @IsString()
  teamId!: string | null;
}

export class SendJobData {
  @IsMongoId()
  executionId!: string;

  /** The execution's `jobSeq` when queued (absent in jobs queued before it was added): a later job makes this one stale. */
  @IsOptional()
  @IsInt()
  jobSeq?: number;

  @IsMongoId()
  userId!: string;

  @IsOptional()
  @IsString()
  teamId!: string | null;
}

/** SendGrid takes at most 1,000 personalizations per request. */
export const EMAIL_BATCH_MAX = 1000;

/** `jobSeqs[i]` is the `jobSeq` execution i had when batched: a later job for it makes this one stale for it. */
export class SendEmailBatchJobData {
  @ArrayMinSize(1)
  @ArrayMaxSize(EMAIL_BATCH_MAX)
  @IsMongoId({ each: true })
  executionIds!: string[];

  @ArrayMinSize(1)
  @ArrayMaxSize(EMAIL_BATCH_MAX)
  @IsInt({ each: true })
  jobSeqs!: number[];

  @IsMongoId()
  userId!: string;

  @IsOptional()
  @IsString()
  teamId!: string | null;
}

export class TestSendJobData {
  @IsMongoId()
  testId!: string;

  @IsMongoId()
  strategyId!: string;

  @IsOptional()
  @IsMongoId()
  contactId!: string | null;

  @IsInt()
  @Min(0)
  step!: number;

  @IsString()
  variant!: string;

  @IsString()
  to!: string;

  @IsMongoId()
  userId!: string;

  @IsOptional()
  @IsString()
  teamId!: string | null;
}

export const SEND_QUEUE: Record<ExecutionChannel, QueueName> = {
  [ExecutionChannel.Sms]: QueueName.SendSms,
  [ExecutionChannel.Email]: QueueName.SendEmail,
  [ExecutionChannel.Voicemail]: QueueName.SendVoicemail,
};

/**
 * Token bucket per provider account (one queue per channel, one account per channel): Twilio queues
 * what exceeds a sender's rate itself but bills it, SendGrid answers 429 above its limit, Drop Cowboy
 * throttles RVM; these keep us under the usual plans' rates.
 */
export const SEND_RATE_LIMITS: Record<ExecutionChannel, { max: number; duration: number }> = {
  [ExecutionChannel.Sms]: { max: 10, duration: 1000 },
  [ExecutionChannel.Email]: { max: 50, duration: 1000 },
  [ExecutionChannel.Voicemail]: { max: 5, duration: 1000 },
};
