import { Clock, CoreErrorCode, NotFoundException, Page, pageOf, PageQueryDto, skipOf, Tenant, ValidationException } from '@cadence/api-core';
import { Injectable } from '@nestjs/common';
import { OptOutRequestDto, SetConsentRequestDto } from '../dto/contact-actions.request.dto';
import { ContactEventResponseDto } from '../dto/contact-history.response.dto';
import { ContactResponseDto } from '../dto/contact.response.dto';
import { ContactEventRepository } from '../repositories/contact-event.repository';
import { ContactRepository } from '../repositories/contact.repository';
import { ContactEventType, EventActorKind } from '../schemas/contact-event.schema';
import { ConsentChannel, ConsentStatus } from '../schemas/contact.schema';
import { findOwnedContact } from './get-contact.usecase';

/** Records consent for one channel with its proof (source, time, wording, IP). */
@Injectable()
export class SetContactConsentUseCase {
  constructor(
    private readonly contacts: ContactRepository,
    private readonly events: ContactEventRepository,
    private readonly clock: Clock,
  ) {}

  async execute(tenant: Tenant, contactId: string, input: SetConsentRequestDto): Promise<ContactResponseDto> {
    const contact = await findOwnedContact(this.contacts, tenant, contactId);
    const now = this.clock.now();
    const capturedAt = input.capturedAt ? new Date(input.capturedAt) : now;
    if (capturedAt.getTime() > now.getTime()) {
      throw new ValidationException(CoreErrorCode.ValidationFailed, 'capturedAt: must not be in the future', [{ field: 'capturedAt', messages: ['must not be in the future'] }]);
    }
    const updated = await this.contacts.setConsent(tenant, contact._id, input.channel, {
      status: input.status,
      source: input.source.trim(),
      capturedAt,
      wording: input.wording ?? null,
      ip: input.ip ?? null,
    });
    if (!updated) throw new NotFoundException('Contact');
    await this.events.append(tenant, [
      {
        contactId: contact._id,
        type: ContactEventType.ConsentChanged,
        occurredAt: now,
        actor: EventActorKind.User,
        summary: `${input.channel} consent ${input.status} (${input.source.trim()})`,
        data: { channel: input.channel, from: contact.consent?.[input.channel]?.status ?? ConsentStatus.Unknown, to: input.status, source: input.source.trim() },
      },
    ]);
    return ContactResponseDto.from(updated);
  }
}

/**
 * A person's opt-out: one channel (its consent becomes denied, the opt-out is timestamped) or, without
 * a channel, every channel at once (do not contact). Revocation by any reasonable means must be
 * honoured (FCC 2024 order), so this is never refused for an already opted-out contact.
 */
@Injectable()
export class OptOutContactUseCase {
  constructor(
    private readonly contacts: ContactRepository,
    private readonly events: ContactEventRepository,
    private readonly clock: Clock,
  ) {}

  async execute(tenant: Tenant, contactId: string, input: OptOutRequestDto): Promise<ContactResponseDto> {
    const contact = await findOwnedContact(this.contacts, tenant, contactId);
    const now = this.clock.now();
    const reason = input.reason?.trim() || null;
    const channels = input.channel ? [input.channel] : Object.values(ConsentChannel);
    const set: Record<string, unknown> = {};
    for (const channel of channels) {
      set[`optOuts.${channel}`] = { at: now, reason };
      set[`consent.${channel}.status`] = ConsentStatus.Denied;
      set[`consent.${channel}.source`] = 'opt-out';
      set[`consent.${channel}.capturedAt`] = now;
    }
    if (!input.channel) Object.assign(set, { doNotContact: true, doNotContactReason: reason ?? 'Opted out of every channel', doNotContactAt: now });
    const updated = await this.contacts.updateFields(tenant, contact._id, { $set: set });
    if (!updated) throw new NotFoundException('Contact');
    await this.events.append(tenant, [
      {
        contactId: contact._id,
        type: ContactEventType.OptedOut,
        occurredAt: now,
        actor: EventActorKind.User,
        summary: input.channel ? `Opted out of ${input.channel}` : 'Opted out of every channel',
        data: { channels, reason },
      },
    ]);
    return ContactResponseDto.from(updated);
  }
}

@Injectable()
export class GetContactTimelineUseCase {
  constructor(
    private readonly contacts: ContactRepository,
    private readonly events: ContactEventRepository,
  ) {}

  async execute(tenant: Tenant, contactId: string, query: PageQueryDto): Promise<Page<ContactEventResponseDto>> {
    const contact = await findOwnedContact(this.contacts, tenant, contactId);
    const { items, total } = await this.events.findPageForContact(tenant, contact._id, skipOf(query), query.limit);
    return pageOf(items.map(ContactEventResponseDto.from), total, query);
  }
}
