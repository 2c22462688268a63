import { Module } from '@nestjs/common';
import { CheckHealthUseCase } from './check-health.usecase';
import { HealthController } from './health.controller';

@Module({ controllers: [HealthController], providers: [CheckHealthUseCase] })
export class HealthModule {}
