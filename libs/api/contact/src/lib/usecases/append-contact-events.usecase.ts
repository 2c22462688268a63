import { Tenant } from '@cadence/api-core';
import { Injectable } from '@nestjs/common';
import { ContactEventRepository, NewContactEvent } from '../repositories/contact-event.repository';

/** The one way any module adds to a contact's timeline (campaigns, sends and webhooks included). */
@Injectable()
export class AppendContactEventsUseCase {
  constructor(private readonly events: ContactEventRepository) {}

  execute(tenant: Tenant, events: NewContactEvent[]): Promise<void> {
    return this.events.append(tenant, events);
  }
}
