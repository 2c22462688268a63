import { Clock, NotFoundException, Tenant } from '@cadence/api-core';
import { Injectable } from '@nestjs/common';
import { isDeepStrictEqual } from 'node:util';
import { UpdateContactRequestDto } from '../dto/contact.request.dto';
import { ContactResponseDto } from '../dto/contact.response.dto';
import { contactKeys } from '../normalize/contact-keys';
import { normalizeContactInput } from '../normalize/contact-input.normalizer';
import { TimeZoneResolver } from '../normalize/time-zone.resolver';
import { ContactEventRepository, NewContactEvent } from '../repositories/contact-event.repository';
import { ContactRepository } from '../repositories/contact.repository';
import { ContactEventType, EventActorKind } from '../schemas/contact-event.schema';
import { Contact } from '../schemas/contact.schema';
import { throwIfInvalid, writeUnlessDuplicate } from './contact-writes';
import { findOwnedContact } from './get-contact.usecase';

const KEYED_FIELDS = ['firstName', 'lastName', 'phones', 'emails', 'propertyAddress', 'mailingAddress'] as const;

@Injectable()
export class UpdateContactUseCase {
  constructor(
    private readonly contacts: ContactRepository,
    private readonly events: ContactEventRepository,
    private readonly timeZones: TimeZoneResolver,
    private readonly clock: Clock,
  ) {}

  async execute(tenant: Tenant, id: string, input: UpdateContactRequestDto): Promise<ContactResponseDto> {
    const existing = await findOwnedContact(this.contacts, tenant, id);
    const { fields, errors } = normalizeContactInput(input);
    throwIfInvalid(errors);
    const now = this.clock.now();
    const { realEstate, doNotContact, doNotContactReason, ...plain } = fields;
    const next: Partial<Contact> = { ...plain };
    if (realEstate) next.realEstate = { ...existing.realEstate, ...realEstate };
    if (doNotContact !== undefined && doNotContact !== existing.doNotContact) {
      next.doNotContact = doNotContact;
      next.doNotContactAt = doNotContact ? now : null;
      next.doNotContactReason = doNotContact ? (doNotContactReason ?? null) : null;
    } else if (doNotContactReason !== undefined && existing.doNotContact) {
      next.doNotContactReason = doNotContactReason;
    }
    const changed = Object.keys(next).filter((field) => !isDeepStrictEqual(next[field as keyof Contact], existing[field as keyof Contact]));
    if (changed.length === 0) return ContactResponseDto.from(existing);

    const merged = { ...existing, ...next };
    const set: Partial<Contact> = { ...next };
    const unset: Record<string, 1> = {};
    if (changed.some((field) => (KEYED_FIELDS as readonly string[]).includes(field))) {
      const keys = contactKeys(merged, existing._id);
      Object.assign(set, keys);
      for (const key of ['phoneKeys', 'emailKeys', 'nameAddressKey'] as const) if (!(key in keys)) unset[key] = 1;
      const zone = await this.timeZones.resolve([merged.propertyAddress?.zip ?? '', merged.mailingAddress?.zip ?? ''], merged.phones.map((p) => p.e164));
      set.timeZone = zone.timeZone;
      set.timeZoneSource = zone.source;
    }
    const updated = await writeUnlessDuplicate(
      this.contacts,
      tenant,
      { dedupeKeys: set.dedupeKeys, phoneKeys: set.phoneKeys, emailKeys: set.emailKeys },
      () => this.contacts.updateFields(tenant, existing._id, { $set: set, ...(Object.keys(unset).length ? { $unset: unset } : {}) }),
      existing._id,
    );
    if (!updated) throw new NotFoundException('Contact');
    await this.events.append(tenant, eventsFor(existing, changed, next, now));
    return ContactResponseDto.from(updated);
  }
}

function eventsFor(existing: Contact, changed: string[], next: Partial<Contact>, now: Date): NewContactEvent[] {
  const base = { contactId: existing._id, occurredAt: now, actor: EventActorKind.User };
  const events: NewContactEvent[] = [];
  const fields = changed.filter((f) => !['tags', 'doNotContact', 'doNotContactAt', 'doNotContactReason'].includes(f));
  if (fields.length > 0) events.push({ ...base, type: ContactEventType.Updated, summary: `Updated ${fields.join(', ')}`, data: { fields } });
  if (changed.includes('tags')) {
    const added = (next.tags ?? []).filter((t) => !existing.tags.includes(t));
    const removed = existing.tags.filter((t) => !(next.tags ?? []).includes(t));
    if (added.length) events.push({ ...base, type: ContactEventType.Tagged, summary: `Tagged ${added.join(', ')}`, data: { tags: added } });
    if (removed.length) events.push({ ...base, type: ContactEventType.Untagged, summary: `Untagged ${removed.join(', ')}`, data: { tags: removed } });
  }
  if (changed.includes('doNotContact')) {
    events.push(
      next.doNotContact
        ? { ...base, type: ContactEventType.MarkedDoNotContact, summary: 'Marked do not contact', data: { reason: next.doNotContactReason ?? null } }
        : { ...base, type: ContactEventType.Updated, summary: 'Do not contact lifted', data: { fields: ['doNotContact'] } },
    );
  }
  return events;
}
