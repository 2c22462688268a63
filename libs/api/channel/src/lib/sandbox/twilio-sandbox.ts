import { randomBytes, randomUUID } from 'node:crypto';
import type { RequestOptions } from 'twilio/lib/base/RequestClient';
import { estimateSmsCost } from '../rules/cost-estimator';
import { countSmsSegments } from '../rules/sms-text';
import type { TwilioHttpClient, TwilioHttpResponse } from '../twilio/twilio-transport';
import { signTwilioRequest, TWILIO_SIGNATURE_HEADER } from '../twilio/twilio-webhook';
import { SANDBOX_TWILIO_FROM } from './sandbox-credentials';
import type { SandboxProviderOptions } from './sandbox-http';

interface Refusal {
  status: number;
  code: number;
  message: string;
}

/** Twilio's documented test "From" numbers (test credentials) and what they answer. */
export const TWILIO_SANDBOX_SENDERS: Readonly<Record<string, Refusal>> = {
  '+15005550001': { status: 400, code: 21212, message: "The 'From' number +15005550001 is not a valid phone number" },
  '+15005550007': { status: 400, code: 21606, message: "The 'From' phone number provided is not a valid message-capable Twilio phone number" },
  '+15005550008': { status: 400, code: 21611, message: "This 'From' number has exceeded the maximum number of queued messages" },
};

/** Twilio's documented test "To" numbers, plus our own for throttling and outages (the 429/500 ones). */
export const TWILIO_SANDBOX_REFUSED_RECIPIENTS: Readonly<Record<string, Refusal>> = {
  '+15005550001': { status: 400, code: 21211, message: "The 'To' number +15005550001 is not a valid phone number" },
  '+15005550002': { status: 400, code: 21612, message: "The 'To' phone number is not currently reachable via SMS" },
  '+15005550003': { status: 400, code: 21408, message: 'Permission to send an SMS has not been enabled for the region' },
  '+15005550004': { status: 400, code: 21610, message: 'Attempt to send to unsubscribed recipient' },
  '+15005550009': { status: 400, code: 21614, message: "'To' number is not a valid mobile number" },
  '+15005550429': { status: 429, code: 20429, message: 'Too Many Requests' },
  '+15005550500': { status: 500, code: 20500, message: 'Internal Server Error' },
};

type Outcome = { final: 'delivered' | 'undelivered' | 'failed'; errorCode?: string; reply?: string };

/** Ours (Twilio's test credentials send no callbacks): recipients whose messages end other than "delivered". */
export const TWILIO_SANDBOX_OUTCOMES: Readonly<Record<string, Outcome>> = {
  '+15005550010': { final: 'undelivered', errorCode: '30003' },
  '+15005550011': { final: 'undelivered', errorCode: '30006' },
  '+15005550012': { final: 'failed', errorCode: '30007' },
  '+15005550020': { final: 'delivered', reply: 'Yes, please call me about it' },
  '+15005550021': { final: 'delivered', reply: 'STOP' },
};

const JSON_HEADERS = { 'content-type': 'application/json' };

function refusal({ status, code, message }: Refusal, headers: Record<string, string> = {}): TwilioHttpResponse {
  return { statusCode: status, headers: { ...JSON_HEADERS, ...headers }, body: { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status } };
}

/** YYMMDDhhmm in UTC, like RawDlrDoneDate. */
function dlrDate(date: Date): string {
  return date.toISOString().replace(/[-T:]/g, '').slice(2, 12);
}

/**
 * A simulated api.twilio.com behind twilio-node: it checks auth and parameters like Twilio, refuses the
 * test numbers, charges the configured price, and posts signed status callbacks (sent, then the outcome).
 */
export class TwilioSandbox implements TwilioHttpClient {
  constructor(private readonly options: SandboxProviderOptions) {}

  async request(opts: RequestOptions<unknown>): Promise<TwilioHttpResponse> {
    await this.options.scheduler.sleep(this.options.latencyMs);
    const account = this.options.accounts.twilio;
    if (opts.username !== account.accountSid || opts.password !== account.authToken) return refusal({ status: 401, code: 20003, message: 'Authenticate' });
    if (opts.method.toLowerCase() !== 'post' || new URL(opts.uri).pathname !== `/2010-04-01/Accounts/${account.accountSid}/Messages.json`) {
      return refusal({ status: 404, code: 20404, message: 'The requested resource was not found' });
    }
    const data = (opts.data ?? {}) as Record<string, string | undefined>;
    const { To: to, From: from, MessagingServiceSid: serviceSid, Body: body, StatusCallback: statusCallback } = data;
    if (!to || !body) return refusal({ status: 400, code: 21604, message: "A 'To' phone number and a 'Body' are required" });
    if (Boolean(from) === Boolean(serviceSid)) return refusal({ status: 400, code: 21603, message: "A 'From' phone number or 'MessagingServiceSid' is required" });
    const senderRefusal = from ? TWILIO_SANDBOX_SENDERS[from] : undefined;
    if (senderRefusal) return refusal(senderRefusal);
    const recipientRefusal = TWILIO_SANDBOX_REFUSED_RECIPIENTS[to];
    if (recipientRefusal) return refusal(recipientRefusal, recipientRefusal.status === 429 ? { 'retry-after': '1' } : {});

    const sid = `SM${randomBytes(16).toString('hex')}`;
    const now = this.options.clock.now();
    const sender = from ?? SANDBOX_TWILIO_FROM;
    const price = estimateSmsCost(body, this.options.prices).totalMicros / 1_000_000;
    this.scheduleEvents({ sid, to, from: sender, serviceSid, statusCallback, outcome: TWILIO_SANDBOX_OUTCOMES[to] ?? { final: 'delivered' } });
    return {
      statusCode: 201,
      headers: JSON_HEADERS,
      body: {
        sid,
        account_sid: account.accountSid,
        messaging_service_sid: serviceSid ?? null,
        from: from ?? null,
        to,
        body,
        status: serviceSid ? 'accepted' : 'queued',
        num_segments: String(countSmsSegments(body).segments),
        num_media: '0',
        direction: 'outbound-api',
        api_version: '2010-04-01',
        price: (-price).toFixed(6),
        price_unit: 'USD',
        error_code: null,
        error_message: null,
        date_created: now.toUTCString(),
        date_updated: now.toUTCString(),
        date_sent: null,
        uri: `/2010-04-01/Accounts/${account.accountSid}/Messages/${sid}.json`,
      },
    };
  }

  private scheduleEvents(message: { sid: string; to: string; from: string; serviceSid?: string; statusCallback?: string; outcome: Outcome }): void {
    const { dispatcher, eventDelayMs: delay, accounts, webhookUrls } = this.options;
    const common = {
      MessageSid: message.sid,
      SmsSid: message.sid,
      AccountSid: accounts.twilio.accountSid,
      From: message.from,
      To: message.to,
      ApiVersion: '2010-04-01',
      ...(message.serviceSid ? { MessagingServiceSid: message.serviceSid } : {}),
    };
    // No callback for the initial status (providers.md §2), and none without a StatusCallback.
    if (message.statusCallback) {
      const callbackUrl = message.statusCallback;
      const status = (fields: Record<string, string>) => () => this.signed(callbackUrl, { ...common, ...fields });
      dispatcher.emit('twilio', delay, status({ MessageStatus: 'sent', SmsStatus: 'sent' }));
      const final = message.outcome.final;
      dispatcher.emit(
        'twilio',
        2 * delay,
        status({
          MessageStatus: final,
          SmsStatus: final,
          ...(message.outcome.errorCode ? { ErrorCode: message.outcome.errorCode } : {}),
          ...(final !== 'failed' ? { RawDlrDoneDate: dlrDate(this.options.clock.now()) } : {}),
        }),
      );
    }
    const reply = message.outcome.reply;
    if (reply) {
      const replySid = `SM${randomBytes(16).toString('hex')}`;
      dispatcher.emit('twilio', 3 * delay, () =>
        this.signed(webhookUrls.twilioInbound, {
          MessageSid: replySid,
          SmsSid: replySid,
          SmsMessageSid: replySid,
          AccountSid: accounts.twilio.accountSid,
          From: message.to,
          To: message.from,
          Body: reply,
          NumMedia: '0',
          NumSegments: '1',
          SmsStatus: 'received',
          ApiVersion: '2010-04-01',
          // Only a Messaging Service with Advanced Opt-Out reports the keyword type.
          ...(message.serviceSid ? { MessagingServiceSid: message.serviceSid, ...(reply === 'STOP' ? { OptOutType: 'STOP' } : {}) } : {}),
        }),
      );
    }
  }

  private signed(url: string, fields: Record<string, string>) {
    return {
      url,
      method: 'POST' as const,
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        [TWILIO_SIGNATURE_HEADER]: signTwilioRequest(this.options.accounts.twilio.authToken, url, fields),
        'I-Twilio-Idempotency-Token': randomUUID(),
      },
      rawBody: new URLSearchParams(fields).toString(),
    };
  }
}
