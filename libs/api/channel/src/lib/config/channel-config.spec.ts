import { generateKeyPairSync } from 'node:crypto';
import { loadConfig } from '@cadence/api-core';
import { ChannelConfig } from './channel.config';
import { ChannelPricingConfig } from './channel-pricing.config';
import { DropCowboyConfig } from './dropcowboy.config';
import { SendGridConfig } from './sendgrid.config';
import { TwilioConfig } from './twilio.config';

const sid = `AC${'0'.repeat(32)}`;
const publicKey = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).publicKey.export({ format: 'der', type: 'spki' }).toString('base64');

describe('channel configuration', () => {
  it('runs every channel on the sandbox when nothing is configured', () => {
    expect(loadConfig(TwilioConfig, {}).hasCredentials()).toBe(false);
    expect(loadConfig(SendGridConfig, {}).hasCredentials()).toBe(false);
    expect(loadConfig(DropCowboyConfig, {}).hasCredentials()).toBe(false);
    expect(loadConfig(ChannelConfig, {})).toMatchObject({ CHANNEL_PROVIDER_TIMEOUT_MS: 15_000, CHANNEL_SANDBOX_LATENCY_MS: 150, CHANNEL_SANDBOX_EVENT_DELAY_MS: 1500 });
  });

  it('takes Twilio credentials with one sender, and names what is missing or wrong', () => {
    const twilio = loadConfig(TwilioConfig, { TWILIO_ACCOUNT_SID: sid, TWILIO_AUTH_TOKEN: 't'.repeat(32), TWILIO_FROM_NUMBER: '+14155550100' });
    expect(twilio.credentials()).toEqual({ accountSid: sid, authToken: 't'.repeat(32), fromNumber: '+14155550100', messagingServiceSid: undefined });
    expect(() => loadConfig(TwilioConfig, { TWILIO_ACCOUNT_SID: sid, TWILIO_FROM_NUMBER: '+14155550100' })).toThrow(/TWILIO_AUTH_TOKEN \(missing\)/);
    expect(() => loadConfig(TwilioConfig, { TWILIO_AUTH_TOKEN: 't'.repeat(32) })).toThrow(/TWILIO_ACCOUNT_SID \(missing\)/);
    expect(() => loadConfig(TwilioConfig, { TWILIO_ACCOUNT_SID: sid, TWILIO_AUTH_TOKEN: 't'.repeat(32) })).toThrow(/TWILIO_MESSAGING_SERVICE_SID .*or TWILIO_FROM_NUMBER is required/);
    expect(() => loadConfig(TwilioConfig, { TWILIO_ACCOUNT_SID: 'SK123', TWILIO_AUTH_TOKEN: 't'.repeat(32), TWILIO_FROM_NUMBER: '+14155550100' })).toThrow(/TWILIO_ACCOUNT_SID \(got "SK123"\)/);
    expect(() => loadConfig(TwilioConfig, { TWILIO_FROM_NUMBER: '415-555-0100' })).toThrow(/TWILIO_FROM_NUMBER/);
  });

  it('requires SendGrid’s event-webhook public key with an API key, and checks it is one', () => {
    expect(loadConfig(SendGridConfig, { SENDGRID_API_KEY: 'SG.x', SENDGRID_WEBHOOK_PUBLIC_KEY: publicKey }).credentials()).toEqual({ apiKey: 'SG.x', webhookPublicKey: publicKey });
    expect(() => loadConfig(SendGridConfig, { SENDGRID_API_KEY: 'SG.x' })).toThrow(/SENDGRID_WEBHOOK_PUBLIC_KEY \(missing\)/);
    expect(() => loadConfig(SendGridConfig, { SENDGRID_API_KEY: 'SG.x', SENDGRID_WEBHOOK_PUBLIC_KEY: 'bm90IGEga2V5' })).toThrow(/SENDGRID_WEBHOOK_PUBLIC_KEY .*Signed Event Webhook/);
    expect(loadConfig(SendGridConfig, { SENDGRID_SANDBOX_MODE: 'false' }).SENDGRID_SANDBOX_MODE).toBe(false);
    expect(loadConfig(SendGridConfig, { SENDGRID_SANDBOX_MODE: 'true' }).SENDGRID_SANDBOX_MODE).toBe(true);
    expect(loadConfig(SendGridConfig, {}).SENDGRID_API_BASE_URL).toBe('https://api.sendgrid.com');
  });

  it('takes Drop Cowboy v2 keys in pairs and every held signing secret', () => {
    const config = loadConfig(DropCowboyConfig, { DROPCOWBOY_API_KEY: 'k', DROPCOWBOY_API_SECRET: 's', DROPCOWBOY_WEBHOOK_SIGNING_SECRETS: 'old, new', DROPCOWBOY_PHONE_LINE_ID: 'line_1' });
    expect(config.credentials()).toEqual({ apiKey: 'k', apiSecret: 's', webhookSigningSecrets: ['old', 'new'], phoneLineId: 'line_1', brandId: undefined });
    expect(config.DROPCOWBOY_API_BASE_URL).toBe('https://api-v2.dropcowboy.com');
    expect(() => loadConfig(DropCowboyConfig, { DROPCOWBOY_API_KEY: 'k' })).toThrow(/DROPCOWBOY_API_SECRET \(missing\)/);
  });

  it('defaults prices to providers.md and converts them to micro-dollars', () => {
    expect(loadConfig(ChannelPricingConfig, {}).prices()).toEqual({
      smsSegmentMicros: 8300,
      smsCarrierFeeMicros: 6200,
      emailMicros: 400,
      rvmMicros: 40_000,
      rvmComplianceFeeMicros: 0,
      ttsCharacterMicros: 0,
    });
    expect(loadConfig(ChannelPricingConfig, { DROPCOWBOY_RVM_PRICE: '0.035', DROPCOWBOY_TTS_PRICE_PER_CHARACTER: '0.0000025' }).prices()).toMatchObject({ rvmMicros: 35_000, ttsCharacterMicros: 2.5 });
    expect(() => loadConfig(ChannelPricingConfig, { TWILIO_SMS_SEGMENT_PRICE: 'cheap' })).toThrow(/TWILIO_SMS_SEGMENT_PRICE/);
  });
});
