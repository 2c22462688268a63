import { DynamicModule, Logger, Module, ModuleMetadata, Provider, Type } from '@nestjs/common';
import { AppConfig, Clock, loadConfig } from '@cadence/api-core';
import {
  CHANNEL_MODES,
  CHANNEL_WEBHOOK_URLS,
  ChannelModes,
  EMAIL_CHANNEL,
  EMAIL_CREDENTIALS,
  SANDBOX_ACCOUNTS,
  SANDBOX_EVENT_SINK,
  SANDBOX_SCHEDULER,
  SMS_CHANNEL,
  SMS_CREDENTIALS,
  VOICEMAIL_CHANNEL,
  VOICEMAIL_CREDENTIALS,
} from './channel.tokens';
import { ChannelPricingConfig } from './config/channel-pricing.config';
import { ChannelConfig } from './config/channel.config';
import { DropCowboyConfig } from './config/dropcowboy.config';
import { SendGridConfig } from './config/sendgrid.config';
import { TwilioConfig } from './config/twilio.config';
import { DropCowboyAdapter } from './dropcowboy/dropcowboy.adapter';
import { ChannelWebhookUrls, channelWebhookUrls } from './port/channel-webhook-urls';
import { createSandboxEmailAdapter, createSandboxSmsAdapter, createSandboxVoicemailAdapter, SandboxSetup } from './sandbox/sandbox-adapters';
import { SandboxAccounts, sandboxAccounts } from './sandbox/sandbox-credentials';
import { HttpSandboxEventSink, SandboxEventSink, SandboxScheduler, TimerSandboxScheduler } from './sandbox/sandbox-runtime';
import { SendGridAdapter } from './sendgrid/sendgrid.adapter';
import { TwilioAdapter } from './twilio/twilio.adapter';

/** How to build a provider, without its token. */
export type ProviderSpec<T> =
  | { useClass: Type<T> }
  | { useValue: T }
  | { useExisting: unknown }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Nest's own FactoryProvider signature
  | { useFactory: (...args: any[]) => T | Promise<T>; inject?: any[] };

export interface ChannelModuleOptions {
  /** Where sandbox providers deliver webhooks. Default: an HTTP POST to our own webhook endpoints. */
  sandboxEventSink?: ProviderSpec<SandboxEventSink>;
  /** Default: real timers. Tests pass a ManualSandboxScheduler. */
  sandboxScheduler?: ProviderSpec<SandboxScheduler>;
  /** Modules the sink's or scheduler's dependencies come from. */
  imports?: ModuleMetadata['imports'];
}

const configClasses = [TwilioConfig, SendGridConfig, DropCowboyConfig, ChannelPricingConfig, ChannelConfig];
const SANDBOX_SETUP = Symbol('SANDBOX_SETUP');
const logger = new Logger('ChannelModule');

/**
 * The channel adapters behind one token per channel. A channel with credentials configured talks to its
 * provider; one without talks to the sandbox provider. Nothing is read or connected until Nest
 * instantiates the providers, so the module graph can be built in preview mode (the OpenAPI writer).
 */
@Module({})
export class ChannelModule {
  static forRoot(options: ChannelModuleOptions = {}): DynamicModule {
    const providers: Provider[] = [
      Clock,
      ...configClasses.map((schema) => ({ provide: schema, useFactory: () => loadConfig(schema as Type<object>) })),
      { provide: SANDBOX_EVENT_SINK, ...(options.sandboxEventSink ?? { useClass: HttpSandboxEventSink }) } as Provider,
      { provide: SANDBOX_SCHEDULER, ...(options.sandboxScheduler ?? { useClass: TimerSandboxScheduler }) } as Provider,
      {
        provide: CHANNEL_MODES,
        useFactory: (twilio: TwilioConfig, sendgrid: SendGridConfig, dropcowboy: DropCowboyConfig): ChannelModes => {
          const modes: ChannelModes = {
            sms: twilio.hasCredentials() ? 'real' : 'sandbox',
            email: sendgrid.hasCredentials() ? 'real' : 'sandbox',
            voicemail: dropcowboy.hasCredentials() ? 'real' : 'sandbox',
          };
          logger.log(`Providers: SMS ${modes.sms === 'real' ? 'Twilio' : 'sandbox'}, email ${modes.email === 'real' ? 'SendGrid' : 'sandbox'}, voicemail ${modes.voicemail === 'real' ? 'Drop Cowboy' : 'sandbox'}`);
          return modes;
        },
        inject: [TwilioConfig, SendGridConfig, DropCowboyConfig],
      },
      {
        provide: CHANNEL_WEBHOOK_URLS,
        useFactory: (modes: ChannelModes): ChannelWebhookUrls => {
          const app = loadConfig(AppConfig);
          if (!app.PUBLIC_BASE_URL && Object.values(modes).includes('real')) {
            logger.warn('PUBLIC_BASE_URL is not set: real providers will be given callback URLs on 127.0.0.1 they cannot reach');
          }
          return channelWebhookUrls(app.PUBLIC_BASE_URL ?? `http://127.0.0.1:${app.PORT}`);
        },
        inject: [CHANNEL_MODES],
      },
      { provide: SANDBOX_ACCOUNTS, useFactory: (config: ChannelConfig) => sandboxAccounts(config.CHANNEL_SANDBOX_SECRET), inject: [ChannelConfig] },
      {
        provide: SANDBOX_SETUP,
        useFactory: (
          clock: Clock,
          scheduler: SandboxScheduler,
          sink: SandboxEventSink,
          accounts: SandboxAccounts,
          webhookUrls: ChannelWebhookUrls,
          pricing: ChannelPricingConfig,
          config: ChannelConfig,
        ): SandboxSetup => ({
          clock,
          scheduler,
          sink,
          accounts,
          webhookUrls,
          prices: pricing.prices(),
          latencyMs: config.CHANNEL_SANDBOX_LATENCY_MS,
          eventDelayMs: config.CHANNEL_SANDBOX_EVENT_DELAY_MS,
        }),
        inject: [Clock, SANDBOX_SCHEDULER, SANDBOX_EVENT_SINK, SANDBOX_ACCOUNTS, CHANNEL_WEBHOOK_URLS, ChannelPricingConfig, ChannelConfig],
      },
      {
        provide: SMS_CHANNEL,
        useFactory: (twilio: TwilioConfig, pricing: ChannelPricingConfig, config: ChannelConfig, clock: Clock, sandbox: SandboxSetup) =>
          twilio.hasCredentials()
            ? new TwilioAdapter({ prices: pricing.prices(), clock, timeoutMs: config.CHANNEL_PROVIDER_TIMEOUT_MS, apiBaseUrl: twilio.TWILIO_API_BASE_URL })
            : createSandboxSmsAdapter(sandbox),
        inject: [TwilioConfig, ChannelPricingConfig, ChannelConfig, Clock, SANDBOX_SETUP],
      },
      {
        provide: SMS_CREDENTIALS,
        useFactory: (twilio: TwilioConfig, accounts: SandboxAccounts) => (twilio.hasCredentials() ? twilio.credentials() : accounts.twilio),
        inject: [TwilioConfig, SANDBOX_ACCOUNTS],
      },
      {
        provide: EMAIL_CHANNEL,
        useFactory: (sendgrid: SendGridConfig, pricing: ChannelPricingConfig, config: ChannelConfig, clock: Clock, sandbox: SandboxSetup) =>
          sendgrid.hasCredentials()
            ? new SendGridAdapter({
                prices: pricing.prices(),
                clock,
                timeoutMs: config.CHANNEL_PROVIDER_TIMEOUT_MS,
                apiBaseUrl: sendgrid.SENDGRID_API_BASE_URL,
                sandboxMode: sendgrid.SENDGRID_SANDBOX_MODE,
              })
            : createSandboxEmailAdapter(sandbox),
        inject: [SendGridConfig, ChannelPricingConfig, ChannelConfig, Clock, SANDBOX_SETUP],
      },
      {
        provide: EMAIL_CREDENTIALS,
        useFactory: (sendgrid: SendGridConfig, accounts: SandboxAccounts) => (sendgrid.hasCredentials() ? sendgrid.credentials() : accounts.sendgrid),
        inject: [SendGridConfig, SANDBOX_ACCOUNTS],
      },
      {
        provide: VOICEMAIL_CHANNEL,
        useFactory: (dropcowboy: DropCowboyConfig, pricing: ChannelPricingConfig, config: ChannelConfig, clock: Clock, sandbox: SandboxSetup) =>
          dropcowboy.hasCredentials()
            ? new DropCowboyAdapter({ prices: pricing.prices(), clock, timeoutMs: config.CHANNEL_PROVIDER_TIMEOUT_MS, apiBaseUrl: dropcowboy.DROPCOWBOY_API_BASE_URL })
            : createSandboxVoicemailAdapter(sandbox),
        inject: [DropCowboyConfig, ChannelPricingConfig, ChannelConfig, Clock, SANDBOX_SETUP],
      },
      {
        provide: VOICEMAIL_CREDENTIALS,
        useFactory: (dropcowboy: DropCowboyConfig, accounts: SandboxAccounts) => (dropcowboy.hasCredentials() ? dropcowboy.credentials() : accounts.dropcowboy),
        inject: [DropCowboyConfig, SANDBOX_ACCOUNTS],
      },
    ];
    return {
      module: ChannelModule,
      imports: options.imports ?? [],
      providers,
      exports: [
        SMS_CHANNEL,
        SMS_CREDENTIALS,
        EMAIL_CHANNEL,
        EMAIL_CREDENTIALS,
        VOICEMAIL_CHANNEL,
        VOICEMAIL_CREDENTIALS,
        CHANNEL_WEBHOOK_URLS,
        CHANNEL_MODES,
        SANDBOX_SCHEDULER,
        ChannelPricingConfig,
      ],
    };
  }
}
