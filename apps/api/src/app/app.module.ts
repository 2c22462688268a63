import { AuthModule } from '@cadence/api-auth';
import { CampaignModule } from '@cadence/api-campaign';
import { StrategyModule } from '@cadence/api-strategy';
import { ContactModule } from '@cadence/api-contact';
import { ImportModule } from '@cadence/api-import';
import { CoreModule, HealthModule, InfrastructureUrls } from '@cadence/api-core';
import { DynamicModule, Module } from '@nestjs/common';
import { QueueBoardModule } from './queue-board.module';

@Module({})
export class AppModule {
  static forRoot(urls: InfrastructureUrls): DynamicModule {
    return {
      module: AppModule,
      imports: [CoreModule.forRoot(urls), HealthModule, AuthModule, QueueBoardModule, ContactModule, ImportModule, CampaignModule, StrategyModule],
    };
  }
}
