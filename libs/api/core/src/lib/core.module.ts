import { DynamicModule, Module } from '@nestjs/common';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { InfrastructureUrls } from './infrastructure/infrastructure-urls';
import { LoggingModule } from './logging/logging.module';
import { QueuesModule } from './queues/queues.module';
import { Clock } from './clock/clock';

/** Config, logs, MongoDB and the queues: what both the API and the worker stand on. */
@Module({})
export class CoreModule {
  static forRoot(urls: InfrastructureUrls): DynamicModule {
    return {
      module: CoreModule,
      global: true,
      imports: [ConfigModule, LoggingModule, DatabaseModule.forRoot(urls), QueuesModule.forRoot(urls)],
      providers: [{ provide: InfrastructureUrls, useValue: urls }, Clock],
      exports: [ConfigModule, QueuesModule, InfrastructureUrls, Clock],
    };
  }
}
