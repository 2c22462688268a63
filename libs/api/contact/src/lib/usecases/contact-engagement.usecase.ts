import { Clock, NotFoundException, Tenant } from '@cadence/api-core';
import { Injectable } from '@nestjs/common';
import { Types } from 'mongoose';
import { ContactEventRepository } from '../repositories/contact-event.repository';
import { ContactRepository } from '../repositories/contact.repository';
import { ContactEventType, EventActorKind } from '../schemas/contact-event.schema';
import { Contact, ConsentChannel, ConsentStatus } from '../schemas/contact.schema';

export interface SystemOptOut {
  channels: ConsentChannel[];
  /** "sms-keyword", "twilio-21610", "sendgrid-unsubscribe", "one-click-unsubscribe", "dropcowboy-4016"… */
  source: string;
  /** The reply text, provider event id or request that proves it. */
  evidence: string;
  at: Date;
  /** Every channel: the contact becomes do-not-contact. */
  everything?: boolean;
  /** Drops the timeline entry of a redelivered event. */
  idempotencyKey?: string;
}

/**
 * An opt-out that arrived by itself (a STOP text, a provider event, a one-click unsubscribe): each
 * channel's opt-out keeps its source and evidence, consent becomes denied, and the timeline says so.
 * Unlike the agent's opt-out it needs no ownership check: the caller found the contact through its send.
 */
@Injectable()
export class RecordContactOptOutUseCase {
  constructor(
    private readonly contacts: ContactRepository,
    private readonly events: ContactEventRepository,
  ) {}

  async execute(tenant: Tenant, contactId: Types.ObjectId, input: SystemOptOut): Promise<Contact | null> {
    const set: Record<string, unknown> = {};
    for (const channel of input.channels) {
      set[`optOuts.${channel}`] = { at: input.at, reason: `Opted out (${input.source})`, source: input.source, evidence: input.evidence };
      set[`consent.${channel}.status`] = ConsentStatus.Denied;
      set[`consent.${channel}.source`] = input.source;
      set[`consent.${channel}.capturedAt`] = input.at;
    }
    if (input.everything) Object.assign(set, { doNotContact: true, doNotContactReason: `Opted out of everything (${input.source})`, doNotContactAt: input.at });
    const updated = await this.contacts.updateFields(tenant, contactId, { $set: set });
    if (!updated) return null;
    await this.events.append(tenant, [
      {
        contactId,
        type: ContactEventType.OptedOut,
        occurredAt: input.at,
        actor: EventActorKind.System,
        summary: `Opted out of ${input.channels.join(', ')} (${input.source})`,
        data: { channels: input.channels, source: input.source, evidence: input.evidence },
        ...(input.idempotencyKey ? { idempotencyKey: `opt-out:${input.idempotencyKey}` } : {}),
      },
    ]);
    return updated;
  }
}

/** START / UNSTOP / YES or a resubscribe: the channel's opt-out is lifted and consent recorded with its source. */
@Injectable()
export class RecordContactOptInUseCase {
  constructor(
    private readonly contacts: ContactRepository,
    private readonly events: ContactEventRepository,
  ) {}

  async execute(tenant: Tenant, contactId: Types.ObjectId, channel: ConsentChannel, source: string, evidence: string, at: Date, idempotencyKey?: string): Promise<Contact | null> {
    const updated = await this.contacts.updateFields(tenant, contactId, {
      $set: { [`optOuts.${channel}`]: null, [`consent.${channel}.status`]: ConsentStatus.Granted, [`consent.${channel}.source`]: source, [`consent.${channel}.capturedAt`]: at, [`consent.${channel}.wording`]: evidence },
    });
    if (!updated) return null;
    await this.events.append(tenant, [
      {
        contactId,
        type: ContactEventType.OptedIn,
        occurredAt: at,
        actor: EventActorKind.System,
        summary: `Opted back in to ${channel} (${source})`,
        data: { channel, source, evidence },
        ...(idempotencyKey ? { idempotencyKey: `opt-in:${idempotencyKey}` } : {}),
      },
    ]);
    return updated;
  }
}

export interface EngagementFact {
  /** Execution channel: sms, email or voicemail. */
  channel: string;
  /** The delivery state reached (delivered, opened, listened, clicked, responded…). */
  status: string;
  at: Date;
  campaignId: Types.ObjectId | null;
  /** The inbound text, for replies. */
  replyText?: string;
  idempotencyKey: string;
}

const ENGAGED = new Set(['opened', 'listened', 'clicked', 'responded']);

/**
 * A delivery state a contact reached on a channel (called once per provider event that moved an
 * execution). A response also marks the contact responded (first channel kept) and lands on the timeline.
 */
@Injectable()
export class RecordContactEngagementUseCase {
  constructor(
    private readonly contacts: ContactRepository,
    private readonly events: ContactEventRepository,
  ) {}

  async execute(tenant: Tenant, contactId: Types.ObjectId, fact: EngagementFact): Promise<void> {
    const set: Record<string, unknown> = {
      [`engagement.channels.${fact.channel}.${fact.status}At`]: fact.at,
      [`engagement.channels.${fact.channel}.lastStatus`]: fact.status,
    };
    if (ENGAGED.has(fact.status)) set['campaignHistory.lastRespondedAt'] = fact.at;
    const updated = await this.contacts.updateFields(tenant, contactId, { $set: set });
    if (!updated) return;
    if (fact.status === 'responded' && !updated.engagement?.responded) {
      await this.contacts.updateFields(tenant, contactId, { $set: { 'engagement.responded': true, 'engagement.respondedAt': fact.at, 'engagement.responseChannel': fact.channel } });
    }
    if (!ENGAGED.has(fact.status)) return;
    const summary = fact.status === 'responded' ? `Replied by ${fact.channel}${fact.replyText ? `: "${fact.replyText.slice(0, 140)}"` : ''}` : `${fact.status[0].toUpperCase()}${fact.status.slice(1)} the ${fact.channel}`;
    await this.events.append(tenant, [
      {
        contactId,
        type: fact.status === 'responded' ? ContactEventType.Replied : ContactEventType.Engaged,
        occurredAt: fact.at,
        actor: EventActorKind.System,
        summary,
        data: { channel: fact.channel, status: fact.status, campaignId: fact.campaignId?.toHexString() ?? null, ...(fact.replyText ? { text: fact.replyText } : {}) },
        idempotencyKey: `engagement:${fact.idempotencyKey}`,
      },
    ]);
  }
}

/** The agent's "this one converted" (a listing, a sale), with its value for ROI. */
@Injectable()
export class MarkContactConvertedUseCase {
  constructor(
    private readonly contacts: ContactRepository,
    private readonly events: ContactEventRepository,
    private readonly clock: Clock,
  ) {}

  async execute(tenant: Tenant, contactId: Types.ObjectId, value: number | null, note: string | null): Promise<Contact> {
    const now = this.clock.now();
    const updated = await this.contacts.updateFields(tenant, contactId, { $set: { 'engagement.converted': true, 'engagement.convertedAt': now, 'engagement.conversionValue': value } });
    if (!updated) throw new NotFoundException('Contact');
    await this.events.append(tenant, [
      {
        contactId,
        type: ContactEventType.Converted,
        occurredAt: now,
        actor: EventActorKind.User,
        summary: `Converted${value !== null ? ` ($${value.toLocaleString('en-US')})` : ''}${note ? `: ${note}` : ''}`,
        data: { value, note },
      },
    ]);
    return updated;
  }
}

/** A contact by id within the tenant (for callers outside this library that hold only the id). */
@Injectable()
export class FindContactByIdUseCase {
  constructor(private readonly contacts: ContactRepository) {}

  execute(tenant: Tenant, contactId: Types.ObjectId): Promise<Contact | null> {
    return this.contacts.findOne(tenant, contactId);
  }
}
