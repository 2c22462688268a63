import { QueueName } from '@cadence/api-core';
import { InjectQueue, Process, Processor } from '@nestjs/bull';
import type { Job, Queue } from 'bull';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { Types } from 'mongoose';
import { ApplyWebhookEventUseCase } from '../usecases/apply-webhook-event.usecase';
import { UNMATCHED_RETRY_DELAYS_MS, WebhookJob, WebhookJobData } from './webhook-jobs';

@Processor(QueueName.WebhookEvents)
export class WebhookEventsProcessor {
  constructor(
    private readonly apply: ApplyWebhookEventUseCase,
    @InjectQueue(QueueName.WebhookEvents) private readonly queue: Queue,
  ) {}

  @Process({ name: WebhookJob.Apply, concurrency: 4 })
  async run(job: Job<unknown>): Promise<void> {
    const data = plainToInstance(WebhookJobData, job.data);
    const problems = validateSync(data);
    if (problems.length > 0) throw new Error(`Invalid webhook job ${job.id}: ${problems.map((p) => p.property).join(', ')}`);
    const unmatched: string[] = [];
    // In order: one request's events (a SendGrid batch) often concern the same message.
    for (const id of data.eventIds) {
      if ((await this.apply.execute(new Types.ObjectId(id))) === 'unmatched') unmatched.push(id);
    }
    const retry = (job.data as { retry?: number }).retry ?? 0;
    // The execution may not carry the provider's id yet (the webhook beat our own write): try again later.
    if (unmatched.length > 0 && retry < UNMATCHED_RETRY_DELAYS_MS.length) {
      await this.queue.add(WebhookJob.Apply, { eventIds: unmatched, retry: retry + 1 }, { delay: UNMATCHED_RETRY_DELAYS_MS[retry], removeOnComplete: true, removeOnFail: 1000 });
    }
  }
}
