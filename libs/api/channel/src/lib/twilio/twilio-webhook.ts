import { getExpectedTwilioSignature, validateRequest } from 'twilio';
import type { DeliveryEvent, RawWebhookRequest, SignatureVerdict } from '../port/channel.port';
import { formFields, headerOf, malformed } from '../port/webhook-request';
import { twilioDeliveryError, twilioStatusToOurs } from './twilio-codes';

/** The query parameter our status callback URLs carry, so a callback finds its execution without a lookup. */
export const TWILIO_EXECUTION_QUERY = 'executionId';
export const TWILIO_SIGNATURE_HEADER = 'X-Twilio-Signature';

/** HMAC-SHA1 over the URL as configured plus the sorted form fields, keyed by the auth token (providers.md §2). */
export function verifyTwilioSignature(request: RawWebhookRequest, authToken: string): SignatureVerdict {
  const signature = headerOf(request, TWILIO_SIGNATURE_HEADER);
  if (!signature) return { valid: false, reason: 'missing_signature' };
  // twilio-node also tries the URL with and without the default port, as Twilio's own servers may.
  return validateRequest(authToken, signature, request.url, formFields(request)) ? { valid: true } : { valid: false, reason: 'mismatch' };
}

export function signTwilioRequest(authToken: string, url: string, fields: Record<string, string>): string {
  return getExpectedTwilioSignature(authToken, url, fields);
}

/** Replies that revoke consent per se (Twilio's default keywords and the FCC 2024 order's list). */
const OPT_OUT_WORDS = new Set(['stop', 'stopall', 'unsubscribe', 'cancel', 'end', 'quit', 'revoke', 'optout', 'opt out', 'opt-out']);
const OPT_IN_WORDS = new Set(['start', 'yes', 'unstop']);
const HELP_WORDS = new Set(['help', 'info']);

function keywordOf(body: string): string {
  return body.trim().toLowerCase().replace(/[.!\s]+$/, '');
}

/** A status callback or an inbound message, as one event. */
export function parseTwilioEvent(request: RawWebhookRequest, receivedAt: Date): DeliveryEvent[] {
  const fields = formFields(request);
  const field = (name: string) => {
    const value = fields[name];
    return Array.isArray(value) ? value[0] : value;
  };
  const messageSid = field('MessageSid') ?? field('SmsSid');
  if (!messageSid) throw malformed('Twilio webhook without MessageSid');
  const messageStatus = field('MessageStatus') ?? field('SmsStatus');
  const base = { provider: 'twilio' as const, channel: 'sms' as const, occurredAt: request.receivedAt ?? receivedAt, raw: fields };

  if (field('MessageStatus') !== undefined && messageStatus !== 'received') {
    const errorCode = field('ErrorCode');
    const executionId = new URL(request.url).searchParams.get(TWILIO_EXECUTION_QUERY) ?? undefined;
    return [
      {
        ...base,
        providerEventId: `${messageSid}:${messageStatus}`,
        providerMessageId: messageSid,
        ...(executionId ? { executionId } : {}),
        recipient: field('To'),
        status: twilioStatusToOurs(messageStatus as string),
        optedOut: errorCode === '21610',
        optedIn: false,
        ...(errorCode ? { error: twilioDeliveryError(errorCode) } : {}),
      },
    ];
  }

  const body = field('Body');
  if (body === undefined) throw malformed('Twilio webhook is neither a status callback nor an inbound message');
  const keyword = keywordOf(body);
  const optOutType = field('OptOutType')?.toUpperCase();
  const optedOut = optOutType === 'STOP' || (optOutType === undefined && OPT_OUT_WORDS.has(keyword));
  const optedIn = optOutType === 'START' || (optOutType === undefined && OPT_IN_WORDS.has(keyword));
  const isKeyword = optedOut || optedIn || optOutType === 'HELP' || HELP_WORDS.has(keyword);
  return [
    {
      ...base,
      providerEventId: `${messageSid}:received`,
      recipient: field('From'),
      // A keyword reply is consent housekeeping, not engagement with the message.
      status: isKeyword ? null : 'responded',
      optedOut,
      optedIn,
      replyText: body,
    },
  ];
}
