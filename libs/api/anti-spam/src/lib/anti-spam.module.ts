import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { SuppressionRepository } from './repositories/suppression.repository';
import { Suppression, SuppressionSchema } from './schemas/suppression.schema';
import { FindSuppressedAddressesUseCase, SuppressAddressUseCase } from './usecases/suppress-address.usecase';

/** The suppression list; the gate itself is a pure function (send-gate.ts). */
@Module({
  imports: [MongooseModule.forFeature([{ name: Suppression.name, schema: SuppressionSchema }])],
  providers: [SuppressionRepository, SuppressAddressUseCase, FindSuppressedAddressesUseCase],
  exports: [SuppressAddressUseCase, FindSuppressedAddressesUseCase],
})
export class AntiSpamModule {}
