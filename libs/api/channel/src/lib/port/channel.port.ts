import type { CostEstimate } from '../rules/cost-estimator';
import type { MergeData } from '../rules/merge-fields';

export type ChannelKind = 'sms' | 'email' | 'voicemail';
export type ProviderName = 'twilio' | 'sendgrid' | 'dropcowboy';

/**
 * Our delivery states. The happy path only moves forward (queued → sent → delivered → opened/listened →
 * clicked → responded); failed, bounced and undelivered are terminal.
 */
export const DELIVERY_STATUSES = ['queued', 'sent', 'delivered', 'opened', 'listened', 'clicked', 'responded', 'failed', 'bounced', 'undelivered'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** What every outbound message carries so a retry and a webhook find the same execution again. */
interface OutboundBase {
  /** Our StrategyExecution id: sent as custom_args / foreign_id / callback query so webhooks find it (≤ 256 chars). */
  executionId: string;
  /** Unique per execution; Drop Cowboy's Idempotency-Key (1–255 printable ASCII). */
  idempotencyKey: string;
}

export interface SmsMessage extends OutboundBase {
  channel: 'sms';
  /** E.164 recipient. */
  to: string;
  /** Sender number; when absent (and no service given) the account's default sender is used. */
  from?: string;
  /** Messaging Service that picks the sender from its pool; wins over `from` when both are set. */
  messagingServiceSid?: string;
  body: string;
  /** Our status webhook; the adapter adds `executionId` to its query string. */
  statusCallbackUrl?: string;
  /** Twilio drops the message if still queued after this many seconds (1–36,000). */
  validityPeriodSeconds?: number;
}

export interface EmailAddress {
  email: string;
  name?: string;
}

/** RFC 8058 one-click unsubscribe; turns into List-Unsubscribe and List-Unsubscribe-Post headers. */
export interface ListUnsubscribe {
  /** HTTPS URL that identifies the recipient; mailbox providers POST `List-Unsubscribe=One-Click` to it. */
  url: string;
  mailto?: string;
}

export interface EmailMessage extends OutboundBase {
  channel: 'email';
  to: EmailAddress;
  from: EmailAddress;
  replyTo?: EmailAddress;
  subject: string;
  html: string;
  text: string;
  listUnsubscribe?: ListUnsubscribe;
  /** Extra headers; List-Unsubscribe ones are built from `listUnsubscribe`. */
  headers?: Record<string, string>;
  /** ≤ 10 ASCII categories. */
  categories?: string[];
  /** Returned on every event; `executionId` is always added. Not PII: SendGrid keeps them. */
  customArgs?: Record<string, string>;
}

/** One recipient of an email batch: the shared templates are rendered with its data. */
export interface EmailBatchRecipient extends OutboundBase {
  to: EmailAddress;
  data: MergeData;
  listUnsubscribe?: ListUnsubscribe;
  customArgs?: Record<string, string>;
}

/** Many recipients of the same templates (merge fields filled per recipient by the provider). */
export interface EmailBatch {
  channel: 'email';
  from: EmailAddress;
  replyTo?: EmailAddress;
  /** Templates with our merge fields (`{{firstName|there}}`). */
  subject: string;
  html: string;
  text: string;
  categories?: string[];
  recipients: EmailBatchRecipient[];
}

/** Exactly one audio source per drop (Drop Cowboy v2 `POST /rvm`). */
export type VoicemailAudio =
  | { kind: 'media'; mediaId: string }
  | { kind: 'tts'; voiceId: string; ttsBody: string }
  /** BYOC plans only; otherwise Drop Cowboy fails the drop with 3014. */
  | { kind: 'url'; audioUrl: string };

export interface VoicemailMessage extends OutboundBase {
  channel: 'voicemail';
  /** E.164 recipient (v2 `to`). */
  to: string;
  audio: VoicemailAudio;
  /** Our callback webhook; the adapter adds a token that authenticates the (unsigned) callback. */
  callbackUrl?: string;
  /** Phone line that places the drop; defaults to the account's default line. */
  phoneLineId?: string;
  /** Only when the account requires brand registration. */
  brandId?: string;
  /** Improves calling-hours accuracy at Drop Cowboy. */
  postalCode?: string;
  /** BYOC only. */
  callerId?: string;
}

export type OutboundMessage = SmsMessage | EmailMessage | VoicemailMessage;

/** What the provider said when it took the message. "Accepted" always means queued, never delivered. */
export interface SendResult {
  provider: ProviderName;
  providerMessageId: string;
  status: DeliveryStatus;
  /** What the provider charged or will charge, when it says (the sandbox always does). */
  cost: CostEstimate | null;
  acceptedAt: Date;
  raw: unknown;
}

export type BatchSendOutcome =
  | { executionId: string; ok: true; result: SendResult }
  | { executionId: string; ok: false; error: Error };

/** A webhook as it arrived: the URL the provider called (public, as configured there), headers and raw body. */
export interface RawWebhookRequest {
  url: string;
  method?: string;
  headers: Record<string, string | string[] | undefined>;
  rawBody: string | Buffer;
  /** When we received it; events without their own timestamp use it. */
  receivedAt?: Date;
}

export interface DeliveryError {
  /** The provider's code (Twilio ErrorCode, Drop Cowboy reason_code, SendGrid event type). */
  code: string;
  reason: string;
  /** Whether a later, new attempt may succeed (no answer, busy); false for opt-outs, landlines, invalid numbers. */
  retryable: boolean;
}

/** One provider event in our terms. */
export interface DeliveryEvent {
  provider: ProviderName;
  channel: ChannelKind;
  /** Dedupe key: Twilio MessageSid:MessageStatus, SendGrid sg_event_id, Drop Cowboy event_id / callback foreign_id. */
  providerEventId: string;
  /** Found from custom_args / foreign_id / callback query; absent on events that carry none. */
  executionId?: string;
  providerMessageId?: string;
  /** The contact's address, for events that can only be matched by it (inbound SMS, Drop Cowboy webhooks). */
  recipient?: string;
  /** Null when the event changes no delivery state (a deferral, an unsubscribe, a receipt). */
  status: DeliveryStatus | null;
  optedOut: boolean;
  optedIn: boolean;
  occurredAt: Date;
  error?: DeliveryError;
  /** Inbound reply text (SMS). */
  replyText?: string;
  /** Opens by privacy proxies (Apple MPP) rather than a person. */
  machineOpen?: boolean;
  clickedUrl?: string;
  /** Actual charge, when the event reports one (Drop Cowboy callback). */
  cost?: CostEstimate;
  raw: unknown;
}

export interface SignatureVerdict {
  valid: boolean;
  /** Why not, for the log: a proxy rewriting the URL and a stale timestamp look alike otherwise. */
  reason?: 'missing_signature' | 'mismatch' | 'stale_timestamp' | 'no_key';
}

/** The one port every channel adapter implements; stateless, credentials per call. */
export interface ChannelPort<M extends OutboundMessage, C> {
  readonly channel: ChannelKind;
  readonly provider: ProviderName;
  /** Whether a retry of the same message is safe even after a timeout (the provider dedupes by key). */
  readonly idempotentSends: boolean;
  send(message: M, credentials: C): Promise<SendResult>;
  estimateCost(message: M): CostEstimate;
  /** One request can hold several events (SendGrid batches them). Throws MalformedEvent on garbage. */
  parseEvent(request: RawWebhookRequest): DeliveryEvent[];
  verifySignature(request: RawWebhookRequest, credentials: C): SignatureVerdict;
}

export interface TwilioCredentials {
  accountSid: string;
  authToken: string;
  /** Account defaults used when a message names no sender. */
  messagingServiceSid?: string;
  fromNumber?: string;
}

export interface SendGridCredentials {
  apiKey: string;
  /** Base64 DER (SPKI) ECDSA P-256 key from Mail Settings > Signed Event Webhook. */
  webhookPublicKey: string;
}

export interface DropCowboyCredentials {
  /** `x-key` header. */
  apiKey: string;
  /** `x-secret` header; also keys the token that authenticates our callback URLs. */
  apiSecret: string;
  /** Every signing secret currently held for signed webhooks (rotation keeps two). */
  webhookSigningSecrets: string[];
  phoneLineId?: string;
  brandId?: string;
}

export type SmsChannelPort = ChannelPort<SmsMessage, TwilioCredentials>;

export interface EmailChannelPort extends ChannelPort<EmailMessage, SendGridCredentials> {
  /** Sends many recipients of the same templates in as few requests as the provider allows. */
  sendBatch(batch: EmailBatch, credentials: SendGridCredentials): Promise<BatchSendOutcome[]>;
}

export interface MediaUpload {
  name: string;
  format: 'mp3' | 'wav';
  bytes: Buffer;
}

export interface MediaImport {
  name: string;
  format: 'mp3' | 'wav';
  /** A URL Drop Cowboy can fetch (our signed `/api/media/:key`). */
  url: string;
}

export interface VoicemailChannelPort extends ChannelPort<VoicemailMessage, DropCowboyCredentials> {
  /** Uploads per-contact audio and returns the media id to drop with. */
  uploadMedia(upload: MediaUpload, credentials: DropCowboyCredentials): Promise<{ mediaId: string }>;
  importMedia(source: MediaImport, credentials: DropCowboyCredentials): Promise<{ mediaId: string }>;
}
