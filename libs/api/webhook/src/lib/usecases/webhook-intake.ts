import { QueueName } from '@cadence/api-core';
import { InjectQueue } from '@nestjs/bull';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bull';
import { Types } from 'mongoose';
import { WebhookJob, WebhookJobData } from '../processors/webhook-jobs';
import { NewWebhookEvent, WebhookEventRepository } from '../repositories/webhook-event.repository';

/** Requests arriving within this window share one insert and one queue job. */
const WINDOW_MS = 2;
const MAX_BATCH = 1000;

interface Pending {
  events: NewWebhookEvent[];
  resolve: (newCount: number) => void;
  reject: (error: unknown) => void;
}

/**
 * Stores and enqueues the events of concurrent webhook requests together: providers post from many
 * servers at once, and one insertMany plus one Bull job per few milliseconds costs far less than one of
 * each per request. Every request still gets its answer only after its events are stored and enqueued.
 */
@Injectable()
export class WebhookIntake {
  private pending: Pending[] = [];
  private size = 0;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly events: WebhookEventRepository,
    @InjectQueue(QueueName.WebhookEvents) private readonly queue: Queue,
  ) {}

  /** Resolves with how many of these events were new (the rest were redeliveries). */
  submit(events: Omit<NewWebhookEvent, '_id'>[]): Promise<number> {
    if (events.length === 0) return Promise.resolve(0);
    return new Promise((resolve, reject) => {
      this.pending.push({ events: events.map((e) => ({ ...e, _id: new Types.ObjectId() })), resolve, reject });
      this.size += events.length;
      if (this.size >= MAX_BATCH) void this.flush();
      else this.timer ??= setTimeout(() => void this.flush(), WINDOW_MS);
    });
  }

  private async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const batch = this.pending;
    this.pending = [];
    this.size = 0;
    if (batch.length === 0) return;
    try {
      const all = batch.flatMap((p) => p.events);
      // One request may repeat an event (SendGrid batches can): the unique index keeps the first.
      const inserted = await this.events.insertNew(all);
      if (inserted.length > 0) {
        const data: WebhookJobData = { eventIds: inserted.map((id) => id.toHexString()) };
        await this.queue.add(WebhookJob.Apply, data, { attempts: 3, backoff: { type: 'exponential', delay: 1000 }, removeOnComplete: true, removeOnFail: 1000 });
      }
      const isNew = new Set(inserted.map((id) => id.toHexString()));
      for (const p of batch) p.resolve(p.events.filter((e) => isNew.has(e._id.toHexString())).length);
    } catch (error) {
      for (const p of batch) p.reject(error);
    }
  }
}
