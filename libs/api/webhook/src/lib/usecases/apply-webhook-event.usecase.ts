import { SuppressAddressUseCase, SuppressionChannel } from '@cadence/api-anti-spam';
import { CampaignActivityType, RecordCampaignActivityUseCase, RecordMemberChannelStatusUseCase } from '@cadence/api-campaign';
import { DeliveryEvent } from '@cadence/api-channel';
import { Tenant } from '@cadence/api-core';
import { ChannelDeliveryStatus, RecordContactEngagementUseCase } from '@cadence/api-contact';
import { ApplyDeliveryEventUseCase, CancelContactSendsUseCase, Execution, ExecutionChannel, ExecutionRepository, FindLatestSendToAddressUseCase } from '@cadence/api-strategy';
import { Injectable, Logger } from '@nestjs/common';
import { Types } from 'mongoose';
import { classifyReply } from '../domain/reply-intent';
import { InboundReplyRepository } from '../repositories/inbound-reply.repository';
import { WebhookEventRepository } from '../repositories/webhook-event.repository';
import { ReplyIntentKind } from '../schemas/inbound-reply.schema';
import { WebhookEventStatus } from '../schemas/webhook-event.schema';
import { ApplyOptInUseCase, ApplyOptOutUseCase } from './apply-opt-out.usecase';
import { deserializeEvent } from './stored-event';

export type ApplyOutcome = 'applied' | 'unmatched' | 'skipped';

const INTENT: Record<ReturnType<typeof classifyReply>, ReplyIntentKind> = {
  reply: ReplyIntentKind.Reply,
  opt_out: ReplyIntentKind.OptOut,
  opt_in: ReplyIntentKind.OptIn,
  help: ReplyIntentKind.Help,
};

function isInbound(event: DeliveryEvent): boolean {
  return event.provider === 'twilio' && event.replyText !== undefined;
}

/** Drop Cowboy's `dnc` flag (callbacks) marks a number on its internal do-not-contact list. */
function dncFlagged(raw: unknown): boolean {
  if (typeof raw !== 'object' || raw === null) return false;
  const body = raw as Record<string, unknown>;
  const data = body['data'] as Record<string, unknown> | undefined;
  return body['dnc'] === true || body['dnc'] === 'true' || data?.['dnc'] === true;
}

/**
 * The worker's half of a webhook: finds the execution (by our id, the provider's message id, or — for
 * events that carry only a phone number — the latest send to that number), moves its delivery state
 * forward once per event (ApplyDeliveryEventUseCase), then does what the event means for the person:
 * engagement on the contact, replies into the inbox (pausing the contact's remaining steps in that
 * campaign), opt-outs and opt-ins on every channel the policy names.
 */
@Injectable()
export class ApplyWebhookEventUseCase {
  private readonly logger = new Logger('WebhookEvents');

  constructor(
    private readonly stored: WebhookEventRepository,
    private readonly executions: ExecutionRepository,
    private readonly latestSend: FindLatestSendToAddressUseCase,
    private readonly applyDelivery: ApplyDeliveryEventUseCase,
    private readonly engagement: RecordContactEngagementUseCase,
    private readonly replies: InboundReplyRepository,
    private readonly cancelSends: CancelContactSendsUseCase,
    private readonly optOut: ApplyOptOutUseCase,
    private readonly optIn: ApplyOptInUseCase,
    private readonly suppress: SuppressAddressUseCase,
    private readonly activity: RecordCampaignActivityUseCase,
    private readonly memberStatus: RecordMemberChannelStatusUseCase,
  ) {}

  async execute(id: Types.ObjectId): Promise<ApplyOutcome> {
    const doc = await this.stored.findById(id);
    if (!doc || doc.status === WebhookEventStatus.Applied) return 'skipped';
    const event = deserializeEvent(doc.event, doc.raw);
    try {
      const execution = await this.findExecution(event);
      if (!execution) {
        await this.stored.settle(id, WebhookEventStatus.Unmatched, { lastError: 'No execution matches this event yet' });
        return 'unmatched';
      }
      await this.applyTo(execution, event);
      await this.stored.settle(id, WebhookEventStatus.Applied, { userId: execution.userId, executionId: execution._id, appliedAt: new Date(), lastError: null });
      return 'applied';
    } catch (error) {
      await this.stored.settle(id, WebhookEventStatus.Failed, { lastError: (error as Error).message });
      throw error;
    }
  }

  private async findExecution(event: DeliveryEvent): Promise<Execution | null> {
    if (event.executionId || event.providerMessageId) {
      const found = await this.executions.findForDeliveryEvent(event.executionId, event.providerMessageId, event.recipient);
      if (found || !isInbound(event)) return found;
    }
    if (!event.recipient) return null;
    return this.latestSend.execute(event.channel as unknown as ExecutionChannel, event.recipient);
  }

  private async applyTo(execution: Execution, event: DeliveryEvent): Promise<void> {
    const tenant: Tenant = { userId: execution.userId.toHexString(), teamId: execution.teamId ?? null };
    const intent = isInbound(event) ? classifyReply(event.replyText ?? '', optOutTypeOf(event.raw)) : null;
    // A keyword is consent housekeeping; every other inbound text is a response to the campaign.
    const status = intent === null ? event.status : intent === 'reply' ? 'responded' : null;
    const changed = await this.applyDelivery.execute({ ...event, executionId: execution._id.toHexString(), status, optedOut: false });
    const channel = execution.channel as unknown as SuppressionChannel;
    const address = event.recipient ?? execution.address ?? '';
    const key = `${event.provider}:${event.providerEventId}`;

    if (changed && status && status !== 'responded') {
      await this.engagement.execute(tenant, execution.contactId, { channel: execution.channel, status, at: event.occurredAt, campaignId: execution.campaignId, idempotencyKey: key });
    }
    if (intent !== null) {
      await this.replies.add(tenant, {
        contactId: execution.contactId,
        campaignId: execution.campaignId,
        executionId: execution._id,
        channel: 'sms',
        from: address,
        body: event.replyText ?? '',
        intent: INTENT[intent],
        receivedAt: event.occurredAt,
        providerEventId: key,
      });
      if (intent === 'reply') {
        await this.engagement.execute(tenant, execution.contactId, { channel: 'sms', status: 'responded', at: event.occurredAt, campaignId: execution.campaignId, replyText: event.replyText, idempotencyKey: key });
        // The member of the campaign the reply answers: "responded" by text, whether or not the matched
        // execution's own delivery state could still move (a reply to a text reported undelivered, a second reply).
        await this.memberStatus.execute(tenant, { campaignId: execution.campaignId, contactIds: [execution.contactId], channel: 'sms', status: ChannelDeliveryStatus.Responded, at: event.occurredAt });
        // The agent takes the conversation from here: the contact's remaining steps in this campaign stop.
        await this.activity.execute(tenant, { campaignId: execution.campaignId, type: CampaignActivityType.Replied, message: `Reply from ${address}: "${(event.replyText ?? '').slice(0, 140)}"`, data: { contactId: execution.contactId.toHexString(), channel: 'sms' }, dedupeKey: key, at: event.occurredAt });
        await this.cancelSends.execute(tenant, {
          contactId: execution.contactId,
          campaignId: execution.campaignId,
          channels: [ExecutionChannel.Sms, ExecutionChannel.Email, ExecutionChannel.Voicemail],
          reasonCode: 'contact_replied',
          reason: 'Paused: the contact replied by text',
        });
      }
      if (intent === 'opt_out') {
        await this.optOut.execute(tenant, { channel: SuppressionChannel.Sms, address, contactId: execution.contactId, source: 'sms-reply', evidence: event.replyText ?? '', at: event.occurredAt, key });
        await this.recordOptOut(tenant, execution, 'sms', 'a text reply', key, event.occurredAt);
      }
      if (intent === 'opt_in') await this.optIn.execute(tenant, SuppressionChannel.Sms, address, execution.contactId, 'sms-keyword', event.replyText ?? '', event.occurredAt, key);
      return;
    }

    if (event.optedOut || (event.provider === 'dropcowboy' && dncFlagged(event.raw))) {
      const code = event.error?.code ?? (event.raw && typeof event.raw === 'object' ? String((event.raw as Record<string, unknown>)['event'] ?? 'opt-out') : 'opt-out');
      await this.optOut.execute(tenant, { channel, address: execution.address ?? address, contactId: execution.contactId, source: `${event.provider}-${code}`, evidence: key, at: event.occurredAt, key });
      await this.recordOptOut(tenant, execution, execution.channel, `${event.provider} ${code}`, key, event.occurredAt);
    } else if (event.optedIn) {
      await this.optIn.execute(tenant, channel, execution.address ?? address, execution.contactId, `${event.provider}-resubscribe`, key, event.occurredAt, key);
    } else if (event.status === 'bounced' && execution.address) {
      // A hard bounce: the address is dead, not the person's consent; only that address stops.
      await this.suppress.execute(tenant, SuppressionChannel.Email, execution.address, `Hard bounce (${key})`);
    }
    this.logger.debug(`Applied ${key} to execution ${execution._id.toHexString()}`);
  }

  private recordOptOut(tenant: Tenant, execution: Execution, channel: string, source: string, key: string, at: Date): Promise<void> {
    return this.activity.execute(tenant, { campaignId: execution.campaignId, type: CampaignActivityType.OptedOut, message: `A contact opted out of ${channel} (${source})`, data: { contactId: execution.contactId.toHexString(), channel }, dedupeKey: `opt-out:${key}`, at });
  }
}

function optOutTypeOf(raw: unknown): string | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const value = (raw as Record<string, unknown>)['OptOutType'];
  return typeof value === 'string' ? value : Array.isArray(value) && typeof value[0] === 'string' ? value[0] : undefined;
}
