import { BullModule } from '@nestjs/bull';
import { DynamicModule, Global, Module } from '@nestjs/common';
import { InfrastructureUrls } from '../infrastructure/infrastructure-urls';
import { ALL_QUEUES } from './queue-name';

/** Registers every queue in both processes: the API to enqueue, the worker to process. */
@Global()
@Module({})
export class QueuesModule {
  static forRoot(urls: InfrastructureUrls): DynamicModule {
    const queues = BullModule.registerQueue(...ALL_QUEUES.map((name) => ({ name })));
    return {
      module: QueuesModule,
      imports: [
        BullModule.forRoot({
          url: urls.redisUrl,
          prefix: urls.queuePrefix,
          defaultJobOptions: { removeOnComplete: 1000, removeOnFail: 5000 },
        }),
        queues,
      ],
      exports: [queues],
    };
  }
}
