import { Page, pageOf, skipOf, Tenant } from '@cadence/api-core';
import { Injectable } from '@nestjs/common';
import { ListContactsQueryDto } from '../dto/contact-filter.request.dto';
import { ContactResponseDto } from '../dto/contact.response.dto';
import { compileContactFilter } from '../filters/contact-filter';
import { ContactRepository } from '../repositories/contact.repository';

@Injectable()
export class ListContactsUseCase {
  constructor(private readonly contacts: ContactRepository) {}

  async execute(tenant: Tenant, query: ListContactsQueryDto): Promise<Page<ContactResponseDto>> {
    const { items, total } = await this.contacts.findPage(tenant, compileContactFilter(query, tenant), query.sort, skipOf(query), query.limit);
    return pageOf(items.map(ContactResponseDto.from), total, query);
  }
}
