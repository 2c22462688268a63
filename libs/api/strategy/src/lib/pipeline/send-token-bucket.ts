import { QueueName } from '@cadence/api-core';
import { InjectQueue } from '@nestjs/bull';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bull';
import { ExecutionChannel } from '../schemas/execution.schema';
import { SEND_RATE_LIMITS } from './strategy-jobs';

/**
 * Takes one token and answers how long the caller must wait for it (ms). Tokens refill continuously
 * at `rate` per ms up to `capacity`; a caller that finds none reserves the next one (the count goes
 * below zero), so concurrent callers are spaced exactly one interval apart without polling. Redis's
 * own clock, so every worker process shares one bucket and one time.
 */
const TAKE_TOKEN = `
local capacity = tonumber(ARGV[1])
local perMs = tonumber(ARGV[2])
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(state[1]) or capacity
local at = tonumber(state[2]) or now
tokens = math.min(capacity, tokens + (now - at) * perMs) - 1
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', now)
redis.call('PEXPIRE', KEYS[1], math.ceil((capacity - tokens) / perMs) + 1000)
if tokens >= 0 then return 0 end
return math.ceil(-tokens / perMs)
`;

/**
 * The per-provider token bucket every send (and test send) passes right before its provider call.
 * It replaced Bull's queue limiter, a fixed window that idles between windows until a delayed job is
 * promoted, which held the SMS queue to about 88 % of its rate (bench:campaigns); this one keeps the
 * configured rate (SEND_RATE_LIMITS: `max` per `duration` is the rate, `max` the burst).
 */
@Injectable()
export class SendTokenBucket {
  private readonly queues: Record<ExecutionChannel, Queue>;

  constructor(
    @InjectQueue(QueueName.SendSms) sms: Queue,
    @InjectQueue(QueueName.SendEmail) email: Queue,
    @InjectQueue(QueueName.SendVoicemail) voicemail: Queue,
  ) {
    this.queues = { [ExecutionChannel.Sms]: sms, [ExecutionChannel.Email]: email, [ExecutionChannel.Voicemail]: voicemail };
  }

  /** Resolves when this channel's provider may take one more message. */
  async take(channel: ExecutionChannel): Promise<void> {
    const wait = await this.reserve(channel);
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  }

  /** Reserves a token and returns the wait in ms (0 when one was there). */
  async reserve(channel: ExecutionChannel): Promise<number> {
    const { max, duration } = SEND_RATE_LIMITS[channel];
    const queue = this.queues[channel];
    // The queue's own Redis connection and key space (QUEUE_PREFIX), so test runs never share a bucket.
    return Number(await queue.client.eval(TAKE_TOKEN, 1, queue.toKey('send-bucket'), max, max / duration));
  }
}
