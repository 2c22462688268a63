import { createHash, createPublicKey, KeyObject, sign, verify } from 'node:crypto';
import type { DeliveryError, DeliveryEvent, DeliveryStatus, RawWebhookRequest, SignatureVerdict } from '../port/channel.port';
import { headerOf, jsonBody, malformed, stringField } from '../port/webhook-request';

export const SENDGRID_SIGNATURE_HEADER = 'X-Twilio-Email-Event-Webhook-Signature';
export const SENDGRID_TIMESTAMP_HEADER = 'X-Twilio-Email-Event-Webhook-Timestamp';
/** SendGrid documents no replay window; five minutes matches the other providers. */
export const SENDGRID_MAX_SKEW_SECONDS = 300;

/** The custom arg every message carries (providers.md §3: custom_args come back as top-level event keys). */
export const SENDGRID_EXECUTION_ARG = 'executionId';

function publicKeyOf(base64Spki: string): KeyObject | null {
  try {
    return createPublicKey({ key: Buffer.from(base64Spki, 'base64'), format: 'der', type: 'spki' });
  } catch {
    return null;
  }
}

function rawBytes(request: RawWebhookRequest): Buffer {
  return typeof request.rawBody === 'string' ? Buffer.from(request.rawBody, 'utf8') : request.rawBody;
}

/** ECDSA P-256 / SHA-256 over timestamp + raw body, base64 DER signature (providers.md §3). */
export function verifySendGridSignature(request: RawWebhookRequest, publicKeyBase64: string, now: Date): SignatureVerdict {
  const signature = headerOf(request, SENDGRID_SIGNATURE_HEADER);
  const timestamp = headerOf(request, SENDGRID_TIMESTAMP_HEADER);
  if (!signature || !timestamp) return { valid: false, reason: 'missing_signature' };
  const key = publicKeyOf(publicKeyBase64);
  if (!key) return { valid: false, reason: 'no_key' };
  const signed = Buffer.concat([Buffer.from(timestamp, 'utf8'), rawBytes(request)]);
  let ok: boolean;
  try {
    ok = verify('sha256', signed, { key, dsaEncoding: 'der' }, Buffer.from(signature, 'base64'));
  } catch {
    ok = false;
  }
  if (!ok) return { valid: false, reason: 'mismatch' };
  if (!/^\d+$/.test(timestamp) || Math.abs(now.getTime() / 1000 - Number(timestamp)) > SENDGRID_MAX_SKEW_SECONDS) return { valid: false, reason: 'stale_timestamp' };
  return { valid: true };
}

export function signSendGridPayload(privateKey: KeyObject, timestamp: string, rawBody: string): string {
  return sign('sha256', Buffer.concat([Buffer.from(timestamp, 'utf8'), Buffer.from(rawBody, 'utf8')]), { key: privateKey, dsaEncoding: 'der' }).toString('base64');
}

/** SendGrid drops these reasons because the address is suppressed: mirror them as opt-outs. */
const SUPPRESSION_DROP_REASONS = /unsubscribed address|spam reporting address/i;

interface Mapped {
  status: DeliveryStatus | null;
  optedOut?: boolean;
  optedIn?: boolean;
  error?: DeliveryError;
}

function mapEvent(event: Record<string, unknown>): Mapped {
  const reason = stringField(event, 'reason') ?? stringField(event, 'response') ?? '';
  switch (stringField(event, 'event')) {
    case 'processed':
      return { status: 'queued' };
    case 'deferred':
      // A delivery attempt was made and will be retried by SendGrid; not a failure of ours.
      return { status: 'sent' };
    case 'delivered':
      return { status: 'delivered' };
    case 'open':
      return { status: 'opened' };
    case 'click':
      return { status: 'clicked' };
    case 'bounce':
      return stringField(event, 'type') === 'blocked'
        ? { status: 'undelivered', error: { code: 'blocked', reason, retryable: true } }
        : { status: 'bounced', error: { code: 'bounce', reason, retryable: false } };
    case 'dropped':
      return { status: 'failed', optedOut: SUPPRESSION_DROP_REASONS.test(reason), error: { code: 'dropped', reason, retryable: false } };
    case 'spamreport':
    case 'unsubscribe':
    case 'group_unsubscribe':
      return { status: null, optedOut: true };
    case 'group_resubscribe':
      return { status: null, optedIn: true };
    default:
      return { status: null };
  }
}

/** The event webhook posts a JSON array of events, batched across messages. */
export function parseSendGridEvents(request: RawWebhookRequest): DeliveryEvent[] {
  const body = jsonBody(request);
  if (!Array.isArray(body)) throw malformed('SendGrid events must be a JSON array');
  return body.map((item: unknown) => {
    if (typeof item !== 'object' || item === null) throw malformed('SendGrid event is not an object');
    const event = item as Record<string, unknown>;
    const timestamp = Number(event['timestamp']);
    if (!stringField(event, 'event') || !Number.isFinite(timestamp)) throw malformed('SendGrid event without event type or timestamp');
    const mapped = mapEvent(event);
    const executionId = stringField(event, SENDGRID_EXECUTION_ARG);
    const messageId = stringField(event, 'sg_message_id')?.split('.')[0];
    const clickedUrl = stringField(event, 'url');
    return {
      provider: 'sendgrid' as const,
      channel: 'email' as const,
      // Duplicates happen; sg_event_id is the dedupe key. Without one, the event's own content stands in.
      providerEventId: stringField(event, 'sg_event_id') ?? createHash('sha256').update(JSON.stringify(event)).digest('base64url'),
      ...(executionId ? { executionId } : {}),
      ...(messageId ? { providerMessageId: messageId } : {}),
      recipient: stringField(event, 'email'),
      status: mapped.status,
      optedOut: mapped.optedOut ?? false,
      optedIn: mapped.optedIn ?? false,
      occurredAt: new Date(timestamp * 1000),
      ...(mapped.error ? { error: mapped.error } : {}),
      ...(event['sg_machine_open'] === true ? { machineOpen: true } : {}),
      ...(clickedUrl && mapped.status === 'clicked' ? { clickedUrl } : {}),
      raw: event,
    };
  });
}
