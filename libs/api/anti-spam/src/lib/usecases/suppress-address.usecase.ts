import { Tenant } from '@cadence/api-core';
import { Injectable } from '@nestjs/common';
import { SuppressionRepository } from '../repositories/suppression.repository';
import { SuppressionChannel } from '../schemas/suppression.schema';

/** Records that an address opted out on a channel (provider error or event); every later gate sees it. */
@Injectable()
export class SuppressAddressUseCase {
  constructor(private readonly suppressions: SuppressionRepository) {}

  execute(tenant: Tenant, channel: SuppressionChannel, address: string, reason: string): Promise<void> {
    return this.suppressions.add(tenant, channel, address, reason);
  }
}

/** Lifts a suppression when the person opts back in (START, UNSTOP, YES, a group resubscribe). */
@Injectable()
export class LiftSuppressionUseCase {
  constructor(private readonly suppressions: SuppressionRepository) {}

  execute(tenant: Tenant, channel: SuppressionChannel, address: string): Promise<boolean> {
    return this.suppressions.remove(tenant, channel, address);
  }
}

@Injectable()
export class FindSuppressedAddressesUseCase {
  constructor(private readonly suppressions: SuppressionRepository) {}

  execute(tenant: Tenant, channel: SuppressionChannel, addresses: string[]): Promise<Set<string>> {
    return this.suppressions.findSuppressed(tenant, channel, addresses);
  }
}
