import { NotFoundException, parseObjectId, Tenant } from '@cadence/api-core';
import { Injectable } from '@nestjs/common';
import { CampaignContactRepository } from '../repositories/campaign-contact.repository';
import { ContactEventRepository } from '../repositories/contact-event.repository';
import { ContactRepository } from '../repositories/contact.repository';

/** Deletes the contact with its memberships and timeline: a deleted person leaves nothing behind. */
@Injectable()
export class DeleteContactUseCase {
  constructor(
    private readonly contacts: ContactRepository,
    private readonly memberships: CampaignContactRepository,
    private readonly events: ContactEventRepository,
  ) {}

  async execute(tenant: Tenant, id: string): Promise<void> {
    const objectId = parseObjectId(id);
    if (!objectId || !(await this.contacts.deleteOne(tenant, objectId))) throw new NotFoundException('Contact');
    await Promise.all([this.memberships.deleteForContacts(tenant, [objectId]), this.events.deleteForContacts(tenant, [objectId])]);
  }
}
