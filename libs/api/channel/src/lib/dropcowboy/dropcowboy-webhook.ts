import { createHmac, timingSafeEqual } from 'node:crypto';
import type { DeliveryEvent, RawWebhookRequest, SignatureVerdict } from '../port/channel.port';
import { bodyText, headerOf, jsonBody, malformed, stringField } from '../port/webhook-request';
import { costOf, CostEstimate, CostLine, usdToMicros } from '../rules/cost-estimator';
import { reasonCodeOf } from './dropcowboy-codes';

export const DROPCOWBOY_SIGNATURE_HEADER = 'X-Signature';
export const DROPCOWBOY_TIMESTAMP_HEADER = 'X-Timestamp';
export const DROPCOWBOY_MAX_SKEW_SECONDS = 300;
/** Query parameter of our callback URLs: Drop Cowboy does not sign callbacks, so the URL carries proof. */
export const DROPCOWBOY_CALLBACK_TOKEN_QUERY = 'cb_token';

function hmacHex(key: string | Buffer, data: string): string {
  return createHmac('sha256', key).update(data).digest('hex');
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Signed webhooks: `sha256=` + hex HMAC-SHA256(secret, timestamp + "." + raw body) (providers.md §1.2). */
export function signDropCowboyWebhook(secret: string, timestamp: string, rawBody: string): string {
  return `sha256=${hmacHex(secret, `${timestamp}.${rawBody}`)}`;
}

/**
 * The token our callback URL carries for a foreign_id, keyed by the account's API secret (which only we
 * and Drop Cowboy hold); the callback echoes foreign_id, so the pair authenticates it.
 */
export function callbackToken(apiSecret: string, foreignId: string): string {
  return hmacHex(createHmac('sha256', apiSecret).update('cadence-dropcowboy-callback').digest(), foreignId);
}

export function verifyDropCowboyRequest(request: RawWebhookRequest, secrets: { apiSecret: string; webhookSigningSecrets: string[] }, now: Date): SignatureVerdict {
  const signature = headerOf(request, DROPCOWBOY_SIGNATURE_HEADER);
  if (signature) {
    const timestamp = headerOf(request, DROPCOWBOY_TIMESTAMP_HEADER);
    if (!timestamp) return { valid: false, reason: 'missing_signature' };
    if (secrets.webhookSigningSecrets.length === 0) return { valid: false, reason: 'no_key' };
    const raw = bodyText(request);
    // During a rotation two secrets are held; either may have signed.
    if (!secrets.webhookSigningSecrets.some((secret) => sameText(signDropCowboyWebhook(secret, timestamp, raw), signature))) return { valid: false, reason: 'mismatch' };
    if (!/^\d+$/.test(timestamp) || Math.abs(now.getTime() / 1000 - Number(timestamp)) > DROPCOWBOY_MAX_SKEW_SECONDS) return { valid: false, reason: 'stale_timestamp' };
    return { valid: true };
  }
  const token = new URL(request.url).searchParams.get(DROPCOWBOY_CALLBACK_TOKEN_QUERY);
  if (!token) return { valid: false, reason: 'missing_signature' };
  let foreignId: string | undefined;
  try {
    foreignId = stringField(JSON.parse(bodyText(request)), 'foreign_id');
  } catch {
    return { valid: false, reason: 'mismatch' };
  }
  return foreignId !== undefined && sameText(callbackToken(secrets.apiSecret, foreignId), token) ? { valid: true } : { valid: false, reason: 'mismatch' };
}

function amount(source: unknown, key: string): number {
  const value = Number(stringField(source, key) ?? 0);
  return Number.isFinite(value) ? value : 0;
}

function chargedCost(callback: unknown): CostEstimate {
  const lines: CostLine[] = [
    { item: 'rvm', quantity: 1, unitMicros: usdToMicros(amount(callback, 'product_cost')), totalMicros: usdToMicros(amount(callback, 'product_cost')) },
    { item: 'rvm_compliance_fee', quantity: 1, unitMicros: usdToMicros(amount(callback, 'compliance_fee')), totalMicros: usdToMicros(amount(callback, 'compliance_fee')) },
    { item: 'rvm_tts', quantity: 1, unitMicros: usdToMicros(amount(callback, 'tts_fee')), totalMicros: usdToMicros(amount(callback, 'tts_fee')) },
  ];
  return costOf(lines);
}

/** A callback (echoes foreign_id, itemises cost) or a signed webhook envelope (no foreign_id: matched by `to`). */
export function parseDropCowboyEvent(request: RawWebhookRequest, receivedAt: Date): DeliveryEvent[] {
  const body = jsonBody(request);
  const eventId = stringField(body, 'event_id');
  const eventType = stringField(body, 'event');
  if (eventId && eventType) {
    const data = (body as Record<string, unknown>)['data'];
    const code = Number(stringField(data, 'reason_code') ?? (stringField(data, 'status') === 'success' ? 0 : NaN));
    const outcome = reasonCodeOf(code, stringField(data, 'status'));
    const eventAt = Number(stringField(body, 'event_at'));
    const isStatus = eventType === 'contact.rvm.status' || eventType === 'contact.sms.status';
    return [
      {
        provider: 'dropcowboy',
        channel: eventType.startsWith('contact.sms') ? 'sms' : 'voicemail',
        providerEventId: eventId,
        recipient: stringField(data, 'to'),
        // A receipt only adds proof of delivery to a status already reported.
        status: isStatus ? outcome.status : null,
        optedOut: isStatus && outcome.optedOut === true,
        optedIn: false,
        occurredAt: Number.isFinite(eventAt) ? new Date(eventAt) : receivedAt,
        ...(isStatus && outcome.status !== 'delivered' ? { error: { code: String(code), reason: stringField(data, 'reason') || outcome.description, retryable: outcome.retryable } } : {}),
        raw: body,
      },
    ];
  }
  const foreignId = stringField(body, 'foreign_id');
  if (!foreignId) throw malformed('Drop Cowboy body is neither a signed webhook nor a callback with foreign_id');
  const code = Number(stringField(body, 'reason_code') ?? (stringField(body, 'status') === 'success' ? 0 : NaN));
  const outcome = reasonCodeOf(code, stringField(body, 'status'));
  const attemptDate = stringField(body, 'attempt_date');
  return [
    {
      provider: 'dropcowboy',
      channel: 'voicemail',
      // Drop Cowboy calls a callback URL once per send, so foreign_id identifies the event.
      providerEventId: `callback:${foreignId}`,
      executionId: foreignId,
      recipient: stringField(body, 'phone_number'),
      status: outcome.status,
      optedOut: outcome.optedOut === true,
      optedIn: false,
      occurredAt: attemptDate && !Number.isNaN(Date.parse(attemptDate)) ? new Date(attemptDate) : receivedAt,
      ...(outcome.status !== 'delivered' ? { error: { code: String(code), reason: stringField(body, 'reason') || outcome.description, retryable: outcome.retryable } } : {}),
      cost: chargedCost(body),
      raw: body,
    },
  ];
}
