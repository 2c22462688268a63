import { AppConfig, InfrastructureUrls, loadConfig, MongoConfig, onShutdownSignal, RedisConfig, resolveMongo, resolveRedis, validateAllConfig } from '@cadence/api-core';
import { Logger as NestLogger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { WorkerModule } from './app/worker.module';

async function bootstrap(): Promise<void> {
  validateAllConfig();
  const config = loadConfig(AppConfig);
  const mongo = await resolveMongo(loadConfig(MongoConfig));
  const redisConfig = loadConfig(RedisConfig);
  const redis = await resolveRedis(redisConfig);

  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(new InfrastructureUrls(mongo.url, redis.url, redisConfig.QUEUE_PREFIX)), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  await app.init();
  new NestLogger('Bootstrap').log({ mongo: mongo.source, redis: redis.source }, 'Worker processing queues');

  // Closing the context closes the queues, which lets active jobs finish before the exit.
  onShutdownSignal(config.SHUTDOWN_TIMEOUT_SECONDS, async () => {
    await app.close();
    await Promise.all([mongo.stop(), redis.stop()]);
  });
}

bootstrap().catch((error: Error) => {
  process.stderr.write(`Worker failed to start: ${error.message}\n`);
  process.exit(1);
});
