import { Clock, CoreErrorCode, Tenant, ValidationException } from '@cadence/api-core';
import { normalizePhone } from '@cadence/api-contact';
import { Injectable } from '@nestjs/common';
import { DncScrub } from '../domain/dnc-scrub';
import { OptOutPolicy } from '../domain/opt-out-policy';
import { ComplianceSettingsResponseDto, ImportDncRegistryRequestDto, ImportDncRegistryResponseDto, UpdateComplianceSettingsRequestDto } from '../dto/compliance-settings.dto';
import { ComplianceSettingsRepository } from '../repositories/compliance-settings.repository';
import { DncRegistryRepository } from '../repositories/dnc-registry.repository';

/** The agent's compliance settings, with defaults filled in (what the gate and the webhook worker read). */
@Injectable()
export class GetComplianceSettingsUseCase {
  constructor(private readonly settings: ComplianceSettingsRepository) {}

  async execute(tenant: Tenant): Promise<ComplianceSettingsResponseDto> {
    return ComplianceSettingsResponseDto.from(await this.settings.findOrCreate(tenant));
  }

  async optOutPolicy(tenant: Tenant): Promise<OptOutPolicy> {
    return (await this.execute(tenant)).optOutPolicy;
  }
}

@Injectable()
export class UpdateComplianceSettingsUseCase {
  constructor(private readonly settings: ComplianceSettingsRepository) {}

  async execute(tenant: Tenant, input: UpdateComplianceSettingsRequestDto): Promise<ComplianceSettingsResponseDto> {
    if (input.quietHours && input.quietHours.start >= input.quietHours.end) {
      throw new ValidationException(CoreErrorCode.ValidationFailed, 'quietHours: start must be before end', [{ field: 'quietHours', messages: ['start must be before end'] }]);
    }
    return ComplianceSettingsResponseDto.from(await this.settings.update(tenant, input));
  }
}

/** A National DNC Registry scrub: each number's listing and the scrub date, replacing older scrubs. */
@Injectable()
export class ImportDncRegistryUseCase {
  constructor(
    private readonly registry: DncRegistryRepository,
    private readonly clock: Clock,
  ) {}

  async execute(tenant: Tenant, input: ImportDncRegistryRequestDto): Promise<ImportDncRegistryResponseDto> {
    const scrubbedAt = input.scrubbedAt ? new Date(input.scrubbedAt) : this.clock.now();
    const rejected: string[] = [];
    const scrubs = new Map<string, boolean>();
    const add = (raw: string, listed: boolean) => {
      const phone = normalizePhone(raw);
      if (!phone.ok) rejected.push(raw);
      // Listed wins when a number appears in both lists.
      else scrubs.set(phone.e164, listed || scrubs.get(phone.e164) === true);
    };
    for (const raw of input.clear ?? []) add(raw, false);
    for (const raw of input.listed) add(raw, true);
    const entries = [...scrubs].map(([e164, listed]) => ({ e164, listed }));
    await this.registry.record(tenant, entries, scrubbedAt);
    return { listed: entries.filter((e) => e.listed).length, clear: entries.filter((e) => !e.listed).length, rejected, scrubbedAt };
  }
}

@Injectable()
export class FindDncScrubsUseCase {
  constructor(private readonly registry: DncRegistryRepository) {}

  async execute(tenant: Tenant, numbers: string[]): Promise<Map<string, DncScrub>> {
    const found = await this.registry.findFor(tenant, numbers);
    return new Map([...found].map(([e164, entry]) => [e164, { listed: entry.listed, scrubbedAt: entry.scrubbedAt }]));
  }
}
