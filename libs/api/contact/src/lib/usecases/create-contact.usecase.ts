import { Clock, Tenant } from '@cadence/api-core';
import { Injectable } from '@nestjs/common';
import { Types } from 'mongoose';
import { ContactErrorCode, ContactException } from '../contact.exception';
import { CreateContactRequestDto } from '../dto/contact.request.dto';
import { ContactResponseDto } from '../dto/contact.response.dto';
import { contactKeys } from '../normalize/contact-keys';
import { normalizeContactInput } from '../normalize/contact-input.normalizer';
import { TimeZoneResolver } from '../normalize/time-zone.resolver';
import { ContactEventRepository } from '../repositories/contact-event.repository';
import { ContactRepository } from '../repositories/contact.repository';
import { ContactEventType, EventActorKind } from '../schemas/contact-event.schema';
import { ContactSource, RealEstateDetails } from '../schemas/contact.schema';
import { throwIfInvalid, writeUnlessDuplicate } from './contact-writes';

export const EMPTY_REAL_ESTATE: RealEstateDetails = {
  listingStatus: null,
  daysOnMarket: null,
  propertyType: null,
  saleDate: null,
  salePrice: null,
  estimatedEquity: null,
  apn: null,
  absenteeOwner: null,
};

@Injectable()
export class CreateContactUseCase {
  constructor(
    private readonly contacts: ContactRepository,
    private readonly events: ContactEventRepository,
    private readonly timeZones: TimeZoneResolver,
    private readonly clock: Clock,
  ) {}

  async execute(tenant: Tenant, input: CreateContactRequestDto): Promise<ContactResponseDto> {
    const { fields, errors } = normalizeContactInput(input);
    throwIfInvalid(errors);
    const base = {
      firstName: fields.firstName ?? '',
      lastName: fields.lastName ?? '',
      phones: fields.phones ?? [],
      emails: fields.emails ?? [],
      propertyAddress: fields.propertyAddress ?? null,
      mailingAddress: fields.mailingAddress ?? null,
    };
    if (!base.firstName && !base.lastName && base.phones.length === 0 && base.emails.length === 0) {
      throw new ContactException(ContactErrorCode.ContactEmpty, 'A contact needs at least a name, a phone number or an email');
    }
    const now = this.clock.now();
    const id = new Types.ObjectId();
    const keys = contactKeys(base, id);
    const zone = await this.timeZones.resolve([base.propertyAddress?.zip ?? '', base.mailingAddress?.zip ?? ''], base.phones.map((p) => p.e164));
    const contact = await writeUnlessDuplicate(this.contacts, tenant, keys, () =>
      this.contacts.create(tenant, {
        _id: id,
        ...base,
        ...keys,
        realEstate: { ...EMPTY_REAL_ESTATE, ...fields.realEstate },
        tags: fields.tags ?? [],
        customFields: fields.customFields ?? {},
        source: ContactSource.Manual,
        importBatchId: null,
        importOrigin: null,
        doNotContact: fields.doNotContact ?? false,
        doNotContactReason: fields.doNotContact ? (fields.doNotContactReason ?? null) : null,
        doNotContactAt: fields.doNotContact ? now : null,
        timeZone: zone.timeZone,
        timeZoneSource: zone.source,
      }),
    );
    await this.events.append(tenant, [{ contactId: contact._id, type: ContactEventType.Created, occurredAt: now, actor: EventActorKind.User, summary: 'Contact created', data: {} }]);
    return ContactResponseDto.from(contact);
  }
}
