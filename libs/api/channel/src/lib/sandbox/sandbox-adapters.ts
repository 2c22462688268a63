import type { Clock } from '@cadence/api-core';
import { DropCowboyAdapter } from '../dropcowboy/dropcowboy.adapter';
import type { ChannelWebhookUrls } from '../port/channel-webhook-urls';
import type { ChannelPrices } from '../rules/cost-estimator';
import { SendGridAdapter } from '../sendgrid/sendgrid.adapter';
import { TwilioAdapter } from '../twilio/twilio.adapter';
import { DropCowboySandbox } from './dropcowboy-sandbox';
import type { SandboxAccounts } from './sandbox-credentials';
import type { SandboxProviderOptions } from './sandbox-http';
import { SandboxEventDispatcher, SandboxEventSink, SandboxScheduler } from './sandbox-runtime';
import { SendGridSandbox } from './sendgrid-sandbox';
import { TwilioSandbox } from './twilio-sandbox';

export interface SandboxSetup {
  clock: Clock;
  scheduler: SandboxScheduler;
  sink: SandboxEventSink;
  accounts: SandboxAccounts;
  webhookUrls: ChannelWebhookUrls;
  prices: ChannelPrices;
  latencyMs: number;
  eventDelayMs: number;
}

function providerOptions(setup: SandboxSetup): SandboxProviderOptions {
  return { ...setup, dispatcher: new SandboxEventDispatcher(setup.sink, setup.scheduler) };
}

/**
 * The sandbox channels are the real adapters talking to simulated providers, so classification, request
 * building and webhook parsing are the code production runs; only the far end of the wire is ours.
 */
export function createSandboxSmsAdapter(setup: SandboxSetup): TwilioAdapter {
  return new TwilioAdapter({ prices: setup.prices, clock: setup.clock, timeoutMs: 30_000, httpClient: new TwilioSandbox(providerOptions(setup)) });
}

export function createSandboxEmailAdapter(setup: SandboxSetup): SendGridAdapter {
  const simulator = new SendGridSandbox(providerOptions(setup));
  return new SendGridAdapter({ prices: setup.prices, clock: setup.clock, timeoutMs: 30_000, apiBaseUrl: 'https://api.sendgrid.com', sandboxMode: false, httpAdapter: simulator.adapter });
}

export function createSandboxVoicemailAdapter(setup: SandboxSetup): DropCowboyAdapter {
  const simulator = new DropCowboySandbox(providerOptions(setup));
  return new DropCowboyAdapter({ prices: setup.prices, clock: setup.clock, timeoutMs: 30_000, apiBaseUrl: 'https://api-v2.dropcowboy.com', httpAdapter: simulator.adapter });
}
