import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { basicAuthOf, startProviderServer } from '../testing/local-provider-server';
import { ChannelModule } from './channel.module';
import {
  CHANNEL_MODES,
  CHANNEL_WEBHOOK_URLS,
  EMAIL_CHANNEL,
  EMAIL_CREDENTIALS,
  SMS_CHANNEL,
  SMS_CREDENTIALS,
  VOICEMAIL_CHANNEL,
  VOICEMAIL_CREDENTIALS,
} from './channel.tokens';
import type { ChannelWebhookUrls } from './port/channel-webhook-urls';
import type { EmailChannelPort, ProviderName, SendGridCredentials, SmsChannelPort, SmsMessage, TwilioCredentials, VoicemailChannelPort } from './port/channel.port';
import { ManualSandboxScheduler, SandboxEventSink, SignedWebhookRequest } from './sandbox/sandbox-runtime';

const VARIABLES = ['TWILIO_ACCOUNT_SID', 'TWILIO_AUTH_TOKEN', 'TWILIO_FROM_NUMBER', 'TWILIO_MESSAGING_SERVICE_SID', 'TWILIO_API_BASE_URL', 'SENDGRID_API_KEY', 'SENDGRID_WEBHOOK_PUBLIC_KEY', 'DROPCOWBOY_API_KEY', 'DROPCOWBOY_API_SECRET', 'PUBLIC_BASE_URL', 'PORT'];

function withEnv(values: Record<string, string>): () => void {
  const saved = Object.fromEntries(VARIABLES.map((k) => [k, process.env[k]]));
  for (const key of VARIABLES) delete process.env[key];
  Object.assign(process.env, values);
  return () => {
    for (const key of VARIABLES) {
      if (saved[key] === undefined) delete process.env[key];
      else process.env[key] = saved[key];
    }
  };
}

const sms = (statusCallbackUrl: string): SmsMessage => ({ channel: 'sms', executionId: 'exec-1', idempotencyKey: 'key-1', to: '+14155550100', body: 'Hi Ana', statusCallbackUrl });

class RecordingSink implements SandboxEventSink {
  readonly delivered: { provider: ProviderName; request: SignedWebhookRequest }[] = [];
  async deliver(provider: ProviderName, request: SignedWebhookRequest): Promise<void> {
    this.delivered.push({ provider, request });
  }
}

describe('ChannelModule', () => {
  let restore: () => void;
  afterEach(() => restore());

  it('runs every channel on the sandbox without credentials, end to end through the tokens', async () => {
    restore = withEnv({ PORT: '4010' });
    const sink = new RecordingSink();
    const scheduler = new ManualSandboxScheduler();
    const moduleRef = await Test.createTestingModule({
      imports: [ChannelModule.forRoot({ sandboxEventSink: { useValue: sink }, sandboxScheduler: { useValue: scheduler } })],
    }).compile();

    expect(moduleRef.get(CHANNEL_MODES)).toEqual({ sms: 'sandbox', email: 'sandbox', voicemail: 'sandbox' });
    const urls = moduleRef.get<ChannelWebhookUrls>(CHANNEL_WEBHOOK_URLS);
    expect(urls.twilioStatus).toBe('http://127.0.0.1:4010/api/webhooks/twilio/status');
    const smsChannel = moduleRef.get<SmsChannelPort>(SMS_CHANNEL);
    const smsCredentials = moduleRef.get<TwilioCredentials>(SMS_CREDENTIALS);

    const result = await smsChannel.send(sms(urls.twilioStatus), smsCredentials);
    await scheduler.runAll();

    expect(result.providerMessageId).toMatch(/^SM/);
    const statuses = sink.delivered.map(({ request }) => {
      const raw = { url: request.url, headers: request.headers, rawBody: request.rawBody };
      expect(smsChannel.verifySignature(raw, smsCredentials).valid).toBe(true);
      return smsChannel.parseEvent(raw)[0]?.status;
    });
    expect(statuses).toEqual(['sent', 'delivered']);
    expect(moduleRef.get<EmailChannelPort>(EMAIL_CHANNEL).provider).toBe('sendgrid');
    expect(moduleRef.get<SendGridCredentials>(EMAIL_CREDENTIALS).apiKey).toMatch(/^SG\.sandbox\./);
    expect(moduleRef.get<VoicemailChannelPort>(VOICEMAIL_CHANNEL).idempotentSends).toBe(true);
    expect(moduleRef.get(VOICEMAIL_CREDENTIALS)).toHaveProperty('webhookSigningSecrets');
  });

  it('uses the real Twilio adapter with the configured account when credentials are set', async () => {
    const server = await startProviderServer((request) => ({
      status: 201,
      body: { sid: 'SM0123456789abcdef0123456789abcdef', status: 'queued', num_segments: '1', price: null, price_unit: 'USD', to: new URLSearchParams(request.text).get('To') },
    }));
    const accountSid = `AC${'9'.repeat(32)}`;
    restore = withEnv({ TWILIO_ACCOUNT_SID: accountSid, TWILIO_AUTH_TOKEN: 'a'.repeat(32), TWILIO_FROM_NUMBER: '+14155550199', TWILIO_API_BASE_URL: server.url, PUBLIC_BASE_URL: 'https://api.cadence.test' });
    try {
      const moduleRef = await Test.createTestingModule({ imports: [ChannelModule.forRoot({ sandboxScheduler: { useValue: new ManualSandboxScheduler() } })] }).compile();
      expect(moduleRef.get(CHANNEL_MODES)).toEqual({ sms: 'real', email: 'sandbox', voicemail: 'sandbox' });
      const urls = moduleRef.get<ChannelWebhookUrls>(CHANNEL_WEBHOOK_URLS);
      const result = await moduleRef.get<SmsChannelPort>(SMS_CHANNEL).send(sms(urls.twilioStatus), moduleRef.get(SMS_CREDENTIALS));
      expect(result.providerMessageId).toBe('SM0123456789abcdef0123456789abcdef');
      expect(basicAuthOf(server.requests[0]?.headers ?? {})).toEqual([accountSid, 'a'.repeat(32)]);
      expect(new URLSearchParams(server.requests[0]?.text).get('From')).toBe('+14155550199');
      expect(new URLSearchParams(server.requests[0]?.text).get('StatusCallback')).toBe('https://api.cadence.test/api/webhooks/twilio/status?executionId=exec-1');
    } finally {
      await server.close();
    }
  });

  it('posts sandbox webhooks over HTTP by default, byte for byte as signed', async () => {
    const endpoint = await startProviderServer(() => ({ status: 204 }));
    restore = withEnv({ PUBLIC_BASE_URL: endpoint.url });
    const scheduler = new ManualSandboxScheduler();
    try {
      const moduleRef = await Test.createTestingModule({ imports: [ChannelModule.forRoot({ sandboxScheduler: { useValue: scheduler } })] }).compile();
      const channel = moduleRef.get<SmsChannelPort>(SMS_CHANNEL);
      const credentials = moduleRef.get<TwilioCredentials>(SMS_CREDENTIALS);
      await channel.send(sms(moduleRef.get<ChannelWebhookUrls>(CHANNEL_WEBHOOK_URLS).twilioStatus), credentials);
      await scheduler.runAll();

      expect(endpoint.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /api/webhooks/twilio/status', 'POST /api/webhooks/twilio/status']);
      for (const request of endpoint.requests) {
        const received = { url: `${endpoint.url}${request.path}?${request.query.toString()}`, headers: request.headers as Record<string, string>, rawBody: request.body };
        expect(request.headers['content-type']).toBe('application/x-www-form-urlencoded');
        expect(channel.verifySignature(received, credentials)).toEqual({ valid: true });
      }
    } finally {
      await endpoint.close();
    }
  });

  it('builds in preview mode without reading configuration; a real start names the bad variable', async () => {
    restore = withEnv({ TWILIO_ACCOUNT_SID: 'not-a-sid', TWILIO_AUTH_TOKEN: 'short' });
    @Module({ imports: [ChannelModule.forRoot()] })
    class PreviewRoot {}
    const preview = await NestFactory.createApplicationContext(PreviewRoot, { preview: true, logger: false, abortOnError: false });
    await preview.close();
    await expect(Test.createTestingModule({ imports: [ChannelModule.forRoot()] }).compile()).rejects.toThrow(/TWILIO_ACCOUNT_SID .*TWILIO_AUTH_TOKEN/);
  });
});
