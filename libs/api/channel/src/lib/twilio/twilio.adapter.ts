import { Twilio } from 'twilio';
import type { Clock } from '@cadence/api-core';
import { PermanentFailureReason, PermanentProviderError } from '../channel.exception';
import type { DeliveryEvent, RawWebhookRequest, SendResult, SignatureVerdict, SmsChannelPort, SmsMessage, TwilioCredentials } from '../port/channel.port';
import { withQuery } from '../port/webhook-request';
import { ChannelPrices, costOf, CostEstimate, estimateSmsCost, usdToMicros } from '../rules/cost-estimator';
import { twilioStatusToOurs } from './twilio-codes';
import { classifyTwilioError } from './twilio-errors';
import { CallRecorder, TwilioHttpClient, TwilioTransport } from './twilio-transport';
import { parseTwilioEvent, TWILIO_EXECUTION_QUERY, verifyTwilioSignature } from './twilio-webhook';

export interface TwilioAdapterOptions {
  prices: ChannelPrices;
  clock: Clock;
  timeoutMs: number;
  /** Another origin for api.twilio.com (a local server in tests). */
  apiBaseUrl?: string;
  /** Replaces the HTTP client altogether (the sandbox's simulated Twilio). */
  httpClient?: TwilioHttpClient;
}

const E164 = /^\+[1-9]\d{6,14}$/;
const MAX_BODY = 1600;

/** Refuses what Twilio would refuse anyway, before spending a request on it. */
export function assertSendableSms(message: SmsMessage, credentials: Pick<TwilioCredentials, 'messagingServiceSid' | 'fromNumber'>): { from?: string; messagingServiceSid?: string } {
  const invalid = (text: string, reason = PermanentFailureReason.InvalidMessage) => new PermanentProviderError(text, { provider: 'twilio', reason });
  if (!E164.test(message.to)) throw invalid(`"${message.to}" is not an E.164 number`, PermanentFailureReason.InvalidRecipient);
  if (message.body.trim() === '') throw invalid('The message body is empty');
  if ([...message.body].length > MAX_BODY) throw invalid(`The message body is longer than ${MAX_BODY} characters`);
  const messagingServiceSid = message.messagingServiceSid ?? (message.from ? undefined : credentials.messagingServiceSid);
  const from = messagingServiceSid ? undefined : (message.from ?? credentials.fromNumber);
  if (!messagingServiceSid && !from) throw invalid('No sender: set from, messagingServiceSid or an account default', PermanentFailureReason.InvalidSender);
  return messagingServiceSid ? { messagingServiceSid } : { from };
}

export function statusCallbackFor(message: SmsMessage): string | undefined {
  return message.statusCallbackUrl ? withQuery(message.statusCallbackUrl, { [TWILIO_EXECUTION_QUERY]: message.executionId }) : undefined;
}

/** SMS through twilio-node: one client per call with that account's credentials. */
export class TwilioAdapter implements SmsChannelPort {
  readonly channel = 'sms' as const;
  readonly provider = 'twilio' as const;
  /** Twilio's Messages API takes no idempotency key: a retry after a timeout can send twice. */
  readonly idempotentSends = false;
  private readonly transport: TwilioHttpClient;

  constructor(private readonly options: TwilioAdapterOptions) {
    this.transport = options.httpClient ?? new TwilioTransport(options.apiBaseUrl, options.timeoutMs);
  }

  async send(message: SmsMessage, credentials: TwilioCredentials): Promise<SendResult> {
    const sender = assertSendableSms(message, credentials);
    const call = new CallRecorder(this.transport);
    try {
      const client = new Twilio(credentials.accountSid, credentials.authToken, { httpClient: call.asHttpClient(), autoRetry: false });
      const statusCallback = statusCallbackFor(message);
      const created = await client.messages.create({
        to: message.to,
        body: message.body,
        ...sender,
        ...(statusCallback ? { statusCallback } : {}),
        ...(message.validityPeriodSeconds ? { validityPeriod: message.validityPeriodSeconds } : {}),
      });
      return {
        provider: 'twilio',
        providerMessageId: created.sid,
        status: twilioStatusToOurs(created.status) ?? 'queued',
        cost: chargedPrice(created.price, created.priceUnit, Number(created.numSegments)),
        acceptedAt: this.options.clock.now(),
        raw: created.toJSON(),
      };
    } catch (error) {
      throw classifyTwilioError(error, call.lastResponse?.headers, this.options.clock.now());
    }
  }

  estimateCost(message: SmsMessage): CostEstimate {
    return estimateSmsCost(message.body, this.options.prices);
  }

  parseEvent(request: RawWebhookRequest): DeliveryEvent[] {
    return parseTwilioEvent(request, this.options.clock.now());
  }

  verifySignature(request: RawWebhookRequest, credentials: TwilioCredentials): SignatureVerdict {
    return verifyTwilioSignature(request, credentials.authToken);
  }
}

/** Twilio reports a (negative) price only once known, usually not at creation. */
function chargedPrice(price: string | null | undefined, unit: string | null | undefined, segments: number): CostEstimate | null {
  if (price === null || price === undefined || price === '' || (unit && unit.toUpperCase() !== 'USD')) return null;
  const totalMicros = usdToMicros(Math.abs(Number(price)));
  const quantity = segments > 0 ? segments : 1;
  return costOf([{ item: 'sms_segment', quantity, unitMicros: totalMicros / quantity, totalMicros }]);
}
