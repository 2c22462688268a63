import { AppConfig, Clock, CoreModule, loadConfig } from '@cadence/api-core';
import { StrategyWorkerModule } from '@cadence/api-strategy';
import { setTestEnv, startTestInfrastructure, TestInfrastructure } from '@cadence/api-testing';
import { WebhookWorkerModule } from '@cadence/api-webhook';
import { INestApplicationContext, Type } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { AppModule } from '../src/app/app.module';
import { configureHttp } from '../src/app/configure-app';
import { reservePublicPort } from './create-test-app';

export interface ApiAndWorker {
  api: NestExpressApplication;
  worker: INestApplicationContext;
  infrastructure: TestInfrastructure;
  /** Where the API listens (PUBLIC_BASE_URL), or null when it does not listen. */
  publicUrl: string | null;
  close(): Promise<void>;
}

export interface ApiAndWorkerOptions {
  /** The clock both processes read (a fixed time inside legal calling hours, usually). */
  clock: Pick<Clock, 'now'>;
  /** Environment for both, set before they start. */
  env?: Record<string, string>;
  /** The worker's feature modules (default: sends and webhook events). */
  workerModules?: Type<unknown>[];
  /**
   * Listen on a free port and point PUBLIC_BASE_URL at it, so the worker's sandbox providers post their
   * signed webhooks to this API (default). `false` keeps the API off the network: set PUBLIC_BASE_URL in
   * `env` to the URL the tests sign their own webhooks for.
   */
  listen?: boolean;
}

/** The API (over HTTP when listening) and the worker as two Nest applications on one test database and queue prefix. */
export async function startApiAndWorker(options: ApiAndWorkerOptions): Promise<ApiAndWorker> {
  const listen = options.listen ?? true;
  const publicPort = listen ? await reservePublicPort() : null;
  // No automatic campaign-clock tick: a tick completing a strategy mid-test would race its assertions;
  // the suites about the clock run RunCampaignClockUseCase themselves.
  setTestEnv({ CHANNEL_SANDBOX_LATENCY_MS: '0', CAMPAIGN_CLOCK_INTERVAL_SECONDS: '0', ...(publicPort ? { PUBLIC_BASE_URL: publicPort.url } : {}), ...options.env });
  const infrastructure = await startTestInfrastructure();
  const apiModule = await Test.createTestingModule({ imports: [AppModule.forRoot(infrastructure.urls)] })
    .overrideProvider(Clock)
    .useValue(options.clock)
    .compile();
  const api = apiModule.createNestApplication<NestExpressApplication>({ bufferLogs: true, bodyParser: false });
  configureHttp(api, loadConfig(AppConfig));
  if (publicPort) await api.listen(publicPort.port, '127.0.0.1');
  else await api.init();
  const workerModule = await Test.createTestingModule({ imports: [CoreModule.forRoot(infrastructure.urls), ...(options.workerModules ?? [StrategyWorkerModule, WebhookWorkerModule])] })
    .overrideProvider(Clock)
    .useValue(options.clock)
    .compile();
  const worker = await workerModule.init();
  return {
    api,
    worker,
    infrastructure,
    publicUrl: publicPort?.url ?? null,
    close: async () => {
      await worker.close();
      await api.close();
      await infrastructure.stop();
    },
  };
}

/** Reads until `done` says yes (the worker acts asynchronously), or fails with the last value read. */
export async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 30_000, everyMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting; last: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
