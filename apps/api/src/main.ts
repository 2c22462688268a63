import { AppConfig, InfrastructureUrls, loadConfig, MongoConfig, onShutdownSignal, RedisConfig, resolveMongo, resolveRedis, validateAllConfig } from '@cadence/api-core';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app/app.module';
import { configureHttp, GLOBAL_PREFIX } from './app/configure-app';

async function bootstrap(): Promise<void> {
  validateAllConfig();
  const config = loadConfig(AppConfig);
  const mongo = await resolveMongo(loadConfig(MongoConfig));
  const redisConfig = loadConfig(RedisConfig);
  const redis = await resolveRedis(redisConfig);

  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(new InfrastructureUrls(mongo.url, redis.url, redisConfig.QUEUE_PREFIX)), { bufferLogs: true, bodyParser: false });
  configureHttp(app, config);
  await app.listen(config.PORT, config.HOST);

  const base = `http://localhost:${config.PORT}/${GLOBAL_PREFIX}`;
  new Logger('Bootstrap').log({ mongo: mongo.source, redis: redis.source, docs: `${base}/docs` }, `API listening on ${base}`);
  onShutdownSignal(config.SHUTDOWN_TIMEOUT_SECONDS, async () => {
    await app.close();
    await Promise.all([mongo.stop(), redis.stop()]);
  });
}

bootstrap().catch((error: Error) => {
  process.stderr.write(`API failed to start: ${error.message}\n`);
  process.exit(1);
});
