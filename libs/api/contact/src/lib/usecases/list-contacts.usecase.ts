import { Page, pageOf, skipOf, Tenant } from '@cadence/api-core';
import { Injectable } from '@nestjs/common';
import { ListContactsQueryDto } from '../dto/contact-filter.request.dto';
import { ContactResponseDto } from '../dto/contact.response.dto';
import { ContactFilterResolver } from '../filters/contact-filter.resolver';
import { ContactRepository } from '../repositories/contact.repository';

@Injectable()
export class ListContactsUseCase {
  constructor(
    private readonly contacts: ContactRepository,
    private readonly filters: ContactFilterResolver,
  ) {}

  async execute(tenant: Tenant, query: ListContactsQueryDto): Promise<Page<ContactResponseDto>> {
    const filter = await this.filters.resolve(tenant, query);
    const { items, total } = await this.contacts.findPage(tenant, filter, query.sort, skipOf(query), query.limit);
    return pageOf(items.map(ContactResponseDto.from), total, query);
  }
}
