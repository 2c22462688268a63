import { Page, pageOf, PageQueryDto, parseObjectId, NotFoundException, QueueName, skipOf, Tenant } from '@cadence/api-core';
import { FindContactByIdUseCase, MarkContactConvertedUseCase } from '@cadence/api-contact';
import { InjectQueue } from '@nestjs/bull';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bull';
import { Types } from 'mongoose';
import { ConversionResponseDto, MarkConvertedRequestDto, ReplayWebhookEventsRequestDto, ReplayWebhookEventsResponseDto, ReplyResponseDto } from '../dto/webhook.dto';
import { WebhookJob } from '../processors/webhook-jobs';
import { InboundReplyRepository } from '../repositories/inbound-reply.repository';
import { WebhookEventRepository } from '../repositories/webhook-event.repository';
import { WebhookEventStatus } from '../schemas/webhook-event.schema';

/** The replies inbox: texts contacts sent back, newest first, with the contact's name. */
@Injectable()
export class ListRepliesUseCase {
  constructor(
    private readonly replies: InboundReplyRepository,
    private readonly contacts: FindContactByIdUseCase,
  ) {}

  async execute(tenant: Tenant, query: PageQueryDto): Promise<Page<ReplyResponseDto>> {
    const { items, total } = await this.replies.findPage(tenant, skipOf(query), query.limit);
    const names = new Map<string, string | null>();
    for (const reply of items) {
      const key = reply.contactId.toHexString();
      if (names.has(key)) continue;
      const contact = await this.contacts.execute(tenant, reply.contactId);
      names.set(key, contact ? `${contact.firstName} ${contact.lastName}`.trim() || null : null);
    }
    return pageOf(items.map((r) => ReplyResponseDto.from(r, names.get(r.contactId.toHexString()) ?? null)), total, query);
  }
}

@Injectable()
export class MarkConvertedUseCase {
  constructor(private readonly convert: MarkContactConvertedUseCase) {}

  async execute(tenant: Tenant, contactId: string, input: MarkConvertedRequestDto): Promise<ConversionResponseDto> {
    const id = parseObjectId(contactId);
    if (!id) throw new NotFoundException('Contact');
    const contact = await this.convert.execute(tenant, id, input.value ?? null, input.note?.trim() || null);
    return { contactId, converted: true, conversionValue: contact.engagement?.conversionValue ?? null, convertedAt: contact.engagement?.convertedAt as Date };
  }
}

/** Admins re-apply stored events (unmatched ones once their execution exists, failed ones after a fix). */
@Injectable()
export class ReplayWebhookEventsUseCase {
  constructor(
    private readonly events: WebhookEventRepository,
    @InjectQueue(QueueName.WebhookEvents) private readonly queue: Queue,
  ) {}

  async execute(input: ReplayWebhookEventsRequestDto): Promise<ReplayWebhookEventsResponseDto> {
    const ids = await this.events.findIdsForReplay(
      {
        ids: input.ids?.map((id) => new Types.ObjectId(id)),
        provider: input.provider,
        statuses: input.statuses ?? [WebhookEventStatus.Unmatched, WebhookEventStatus.Failed],
        since: input.since ? new Date(input.since) : undefined,
      },
      10_000,
    );
    for (let i = 0; i < ids.length; i += 500) {
      await this.queue.add(WebhookJob.Apply, { eventIds: ids.slice(i, i + 500).map((id) => id.toHexString()), retry: 99 }, { removeOnComplete: true, removeOnFail: 1000 });
    }
    return { enqueued: ids.length };
  }
}
