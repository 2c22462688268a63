import { NotFoundException, parseObjectId, Tenant } from '@cadence/api-core';
import { Injectable } from '@nestjs/common';
import { ContactResponseDto } from '../dto/contact.response.dto';
import { ContactRepository } from '../repositories/contact.repository';
import { Contact } from '../schemas/contact.schema';

@Injectable()
export class GetContactUseCase {
  constructor(private readonly contacts: ContactRepository) {}

  async execute(tenant: Tenant, id: string): Promise<ContactResponseDto> {
    return ContactResponseDto.from(await findOwnedContact(this.contacts, tenant, id));
  }
}

/** Another tenant's contact and a malformed id both answer 404: existence is not revealed. */
export async function findOwnedContact(contacts: ContactRepository, tenant: Tenant, id: string): Promise<Contact> {
  const objectId = parseObjectId(id);
  const contact = objectId ? await contacts.findOne(tenant, objectId) : null;
  if (!contact) throw new NotFoundException('Contact');
  return contact;
}
