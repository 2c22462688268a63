import { AppConfig, loadConfig } from '@cadence/api-core';
import { setTestEnv, startTestInfrastructure } from '@cadence/api-testing';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
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

/**
 * A free local port for the API and its PUBLIC_BASE_URL. Call before building any module (they read the
 * URL at boot), pass `url` as PUBLIC_BASE_URL, then `app.listen(port, '127.0.0.1')`: an in-process
 * worker's sandbox providers sign their webhooks for that URL and post them there, as real ones would.
 */
export async function reservePublicPort(): Promise<{ port: number; url: string }> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return { port, url: `http://127.0.0.1:${port}` };
}
