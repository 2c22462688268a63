import { ComplianceModule } from '@cadence/api-anti-spam';
import { AuthModule } from '@cadence/api-auth';
import { CampaignModule } from '@cadence/api-campaign';
import { StrategyModule } from '@cadence/api-strategy';
import { ContactModule } from '@cadence/api-contact';
import { ImportModule } from '@cadence/api-import';
import { WebhookModule } from '@cadence/api-webhook';
import { MediaModule } from '@cadence/api-media';
import { VoicemailModule } from '@cadence/api-voicemail';
import { CoreModule, HealthModule, InfrastructureUrls } from '@cadence/api-core';
import { DynamicModule, Module } from '@nestjs/common';
import { QueueBoardModule } from './queue-board.module';

@Module({})
export class AppModule {
  static forRoot(urls: InfrastructureUrls): DynamicModule {
    return {
      module: AppModule,
      imports: [CoreModule.forRoot(urls), HealthModule, AuthModule, QueueBoardModule, ContactModule, ImportModule, CampaignModule, StrategyModule, ComplianceModule, WebhookModule, MediaModule, VoicemailModule],
    };
  }
}
