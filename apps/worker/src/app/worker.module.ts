import { CoreModule, InfrastructureUrls, SystemWorkerModule } from '@cadence/api-core';
import { ImportWorkerModule } from '@cadence/api-import';
import { StrategyWorkerModule } from '@cadence/api-strategy';
import { WebhookWorkerModule } from '@cadence/api-webhook';
import { VoicemailWorkerModule } from '@cadence/api-voicemail';
import { DynamicModule, Module } from '@nestjs/common';

/** The worker: the same core as the API, no HTTP, and only the modules that register Bull processors. */
@Module({})
export class WorkerModule {
  static forRoot(urls: InfrastructureUrls): DynamicModule {
    return { module: WorkerModule, imports: [CoreModule.forRoot(urls), SystemWorkerModule, ImportWorkerModule, StrategyWorkerModule, WebhookWorkerModule, VoicemailWorkerModule] };
  }
}
