import { AppConfig, loadConfig } from '@cadence/api-core';
import { setTestEnv, startTestInfrastructure } from '@cadence/api-testing';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { AppModule } from '../src/app/app.module';
import { configureHttp } from '../src/app/configure-app';

export interface TestApp {
  app: NestExpressApplication;
  close(): Promise<void>;
}

/** The real API module over HTTP (supertest) on its own database and queue prefix. */
export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  setTestEnv(env);
  const infrastructure = await startTestInfrastructure();
  const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot(infrastructure.urls)] }).compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ bufferLogs: true, bodyParser: false });
  configureHttp(app, loadConfig(AppConfig));
  await app.init();
  return {
    app,
    close: async () => {
      await app.close();
      await infrastructure.stop();
    },
  };
}
