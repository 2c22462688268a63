import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { ComplianceController } from './controllers/compliance.controller';
import { ComplianceSettingsRepository } from './repositories/compliance-settings.repository';
import { DncRegistryRepository } from './repositories/dnc-registry.repository';
import { SuppressionRepository } from './repositories/suppression.repository';
import { ComplianceSettings, ComplianceSettingsSchema } from './schemas/compliance-settings.schema';
import { DncRegistryEntry, DncRegistryEntrySchema } from './schemas/dnc-registry-entry.schema';
import { Suppression, SuppressionSchema } from './schemas/suppression.schema';
import { FindDncScrubsUseCase, GetComplianceSettingsUseCase, ImportDncRegistryUseCase, UpdateComplianceSettingsUseCase } from './usecases/compliance-settings.usecase';
import { FindSuppressedAddressesUseCase, LiftSuppressionUseCase, SuppressAddressUseCase } from './usecases/suppress-address.usecase';

const exported = [SuppressAddressUseCase, LiftSuppressionUseCase, FindSuppressedAddressesUseCase, GetComplianceSettingsUseCase, UpdateComplianceSettingsUseCase, FindDncScrubsUseCase, ImportDncRegistryUseCase];

/** The suppression list, the agents' compliance settings and DNC registry scrubs; the gate itself is pure (send-gate.ts). */
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: Suppression.name, schema: SuppressionSchema },
      { name: ComplianceSettings.name, schema: ComplianceSettingsSchema },
      { name: DncRegistryEntry.name, schema: DncRegistryEntrySchema },
    ]),
  ],
  providers: [SuppressionRepository, ComplianceSettingsRepository, DncRegistryRepository, ...exported],
  exports: exported,
})
export class AntiSpamModule {}

/** Compliance settings and the DNC registry import over HTTP. */
@Module({
  imports: [AntiSpamModule],
  controllers: [ComplianceController],
})
export class ComplianceModule {}
