/** Injection tokens of the channel library; each channel's adapter is real or sandbox depending on credentials. */

/** `SmsChannelPort` (Twilio, or the sandbox's simulated Twilio). */
export const SMS_CHANNEL = Symbol('SMS_CHANNEL');
/** `TwilioCredentials` to pass to the SMS adapter's `send` and `verifySignature`. */
export const SMS_CREDENTIALS = Symbol('SMS_CREDENTIALS');
/** `EmailChannelPort` (SendGrid, or the sandbox's). */
export const EMAIL_CHANNEL = Symbol('EMAIL_CHANNEL');
export const EMAIL_CREDENTIALS = Symbol('EMAIL_CREDENTIALS');
/** `VoicemailChannelPort` (Drop Cowboy v2, or the sandbox's). */
export const VOICEMAIL_CHANNEL = Symbol('VOICEMAIL_CHANNEL');
export const VOICEMAIL_CREDENTIALS = Symbol('VOICEMAIL_CREDENTIALS');
/** `ChannelWebhookUrls`: where status callbacks and callback_urls must point. */
export const CHANNEL_WEBHOOK_URLS = Symbol('CHANNEL_WEBHOOK_URLS');
/** `ChannelModes`: which channels run against real providers. */
export const CHANNEL_MODES = Symbol('CHANNEL_MODES');
/** `SandboxEventSink`: where sandbox providers deliver their signed webhooks. */
export const SANDBOX_EVENT_SINK = Symbol('SANDBOX_EVENT_SINK');
/** `SandboxScheduler`: the sandbox providers' notion of time. */
export const SANDBOX_SCHEDULER = Symbol('SANDBOX_SCHEDULER');
/** `SandboxAccounts`: the sandbox's derived credentials and signing keys. */
export const SANDBOX_ACCOUNTS = Symbol('SANDBOX_ACCOUNTS');

export type ChannelMode = 'real' | 'sandbox';
export interface ChannelModes {
  sms: ChannelMode;
  email: ChannelMode;
  voicemail: ChannelMode;
}
