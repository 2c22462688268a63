// Port, errors, module
export * from './lib/port/channel.port';
export * from './lib/port/channel-webhook-urls';
export * from './lib/port/delivery-status';
export * from './lib/channel.exception';
export * from './lib/channel.tokens';
export * from './lib/channel.module';

// Config (property names are the environment variables)
export * from './lib/config/channel.config';
export * from './lib/config/channel-pricing.config';
export * from './lib/config/twilio.config';
export * from './lib/config/sendgrid.config';
export * from './lib/config/dropcowboy.config';

// Pure rules
export * from './lib/rules/merge-fields';
export * from './lib/rules/sms-text';
export * from './lib/rules/cost-estimator';
export * from './lib/rules/send-window';
export * from './lib/rules/touch-cap';
export * from './lib/rules/retry-policy';
export { US_STATE_TIME_ZONES, US_TIME_ZONES, normalizeState } from './lib/rules/us-time-zones';

// Adapters
export { TwilioAdapter } from './lib/twilio/twilio.adapter';
export type { TwilioAdapterOptions } from './lib/twilio/twilio.adapter';
export { TWILIO_PERMANENT_CODES, twilioStatusToOurs } from './lib/twilio/twilio-codes';
export { TWILIO_EXECUTION_QUERY, TWILIO_SIGNATURE_HEADER, signTwilioRequest, verifyTwilioSignature } from './lib/twilio/twilio-webhook';
export { SendGridAdapter } from './lib/sendgrid/sendgrid.adapter';
export type { SendGridAdapterOptions } from './lib/sendgrid/sendgrid.adapter';
export { MAX_PERSONALIZATIONS, chunkRecipients, listUnsubscribeHeaders } from './lib/sendgrid/sendgrid-mail';
export { SENDGRID_EXECUTION_ARG, SENDGRID_SIGNATURE_HEADER, SENDGRID_TIMESTAMP_HEADER, signSendGridPayload, verifySendGridSignature } from './lib/sendgrid/sendgrid-webhook';
export { DropCowboyAdapter, MAX_TTS_CHARACTERS } from './lib/dropcowboy/dropcowboy.adapter';
export type { DropCowboyAdapterOptions } from './lib/dropcowboy/dropcowboy.adapter';
export { DROPCOWBOY_REASON_CODES } from './lib/dropcowboy/dropcowboy-codes';
export type { ReasonCode } from './lib/dropcowboy/dropcowboy-codes';
export { DROPCOWBOY_CALLBACK_TOKEN_QUERY, DROPCOWBOY_SIGNATURE_HEADER, DROPCOWBOY_TIMESTAMP_HEADER, callbackToken, signDropCowboyWebhook } from './lib/dropcowboy/dropcowboy-webhook';

// Sandbox providers
export * from './lib/sandbox/sandbox-runtime';
export { sandboxAccounts, SANDBOX_TWILIO_FROM } from './lib/sandbox/sandbox-credentials';
export type { SandboxAccounts } from './lib/sandbox/sandbox-credentials';
export { createSandboxEmailAdapter, createSandboxSmsAdapter, createSandboxVoicemailAdapter } from './lib/sandbox/sandbox-adapters';
export type { SandboxSetup } from './lib/sandbox/sandbox-adapters';
export { TWILIO_SANDBOX_OUTCOMES, TWILIO_SANDBOX_REFUSED_RECIPIENTS, TWILIO_SANDBOX_SENDERS } from './lib/sandbox/twilio-sandbox';
export { SENDGRID_SANDBOX_DOMAIN, SENDGRID_SANDBOX_STORIES } from './lib/sandbox/sendgrid-sandbox';
export { DROPCOWBOY_SANDBOX_BROKEN, DROPCOWBOY_SANDBOX_NUMBERS, DROPCOWBOY_SANDBOX_THROTTLED } from './lib/sandbox/dropcowboy-sandbox';
