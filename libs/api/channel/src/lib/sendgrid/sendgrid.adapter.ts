import { MailService } from '@sendgrid/mail';
import { AxiosAdapter, isAxiosError } from 'axios';
import type { Clock } from '@cadence/api-core';
import { PermanentFailureReason } from '../channel.exception';
import type { BatchSendOutcome, DeliveryEvent, EmailBatch, EmailBatchRecipient, EmailChannelPort, EmailMessage, RawWebhookRequest, SendGridCredentials, SendResult, SignatureVerdict } from '../port/channel.port';
import { httpStatusError, networkError } from '../port/provider-http';
import { ChannelPrices, CostEstimate, estimateEmailCost } from '../rules/cost-estimator';
import { assertBatchRecipient, assertCommon, buildBatchMail, buildSingleMail, chunkRecipients, SendGridMail } from './sendgrid-mail';
import { parseSendGridEvents, verifySendGridSignature } from './sendgrid-webhook';

export interface SendGridAdapterOptions {
  prices: ChannelPrices;
  clock: Clock;
  timeoutMs: number;
  apiBaseUrl: string;
  /** mail_settings.sandbox_mode: SendGrid validates and delivers nothing. */
  sandboxMode: boolean;
  /** Replaces the HTTP transport (the sandbox's simulated SendGrid). */
  httpAdapter?: AxiosAdapter;
}

interface SendGridResponseError {
  code: number;
  response: { headers?: Record<string, unknown>; body?: { errors?: { message?: string; field?: string | null }[] } };
}

function isResponseError(error: unknown): error is SendGridResponseError {
  return error instanceof Error && typeof (error as Partial<SendGridResponseError>).code === 'number' && typeof (error as Partial<SendGridResponseError>).response === 'object';
}

/** Email through @sendgrid/mail: a fresh MailService per call, so concurrent accounts never share a key. */
export class SendGridAdapter implements EmailChannelPort {
  readonly channel = 'email' as const;
  readonly provider = 'sendgrid' as const;
  /** mail/send takes no idempotency key. */
  readonly idempotentSends = false;

  constructor(private readonly options: SendGridAdapterOptions) {}

  async send(message: EmailMessage, credentials: SendGridCredentials): Promise<SendResult> {
    const mail = buildSingleMail(message, { sandboxMode: this.options.sandboxMode });
    try {
      return await this.post(mail, credentials);
    } catch (error) {
      throw this.classify(error);
    }
  }

  /** Outcomes in the order of `batch.recipients`. */
  async sendBatch(batch: EmailBatch, credentials: SendGridCredentials): Promise<BatchSendOutcome[]> {
    const outcomes = new Map<EmailBatchRecipient, BatchSendOutcome>();
    const fail = (recipient: EmailBatchRecipient, error: unknown) => outcomes.set(recipient, { executionId: recipient.executionId, ok: false, error: error as Error });
    try {
      assertCommon(batch);
    } catch (error) {
      return batch.recipients.map((r) => ({ executionId: r.executionId, ok: false as const, error: error as Error }));
    }
    const sendable = batch.recipients.filter((recipient) => {
      try {
        assertBatchRecipient(recipient);
        return true;
      } catch (error) {
        fail(recipient, error);
        return false;
      }
    });
    for (const chunk of chunkRecipients(sendable)) {
      let pending = chunk;
      while (pending.length > 0) {
        try {
          const result = await this.post(buildBatchMail(batch, pending, { sandboxMode: this.options.sandboxMode }), credentials);
          // One request, one X-Message-Id: the events tell recipients apart by their custom args.
          for (const recipient of pending) outcomes.set(recipient, { executionId: recipient.executionId, ok: true, result });
          pending = [];
        } catch (error) {
          const classified = this.classify(error);
          // A 400 naming some personalizations fails those recipients only; the others go again without them.
          const culprits = culpritIndexes(error);
          const rest = pending.filter((_, i) => !culprits.has(i));
          if (culprits.size === 0 || rest.length === 0) {
            for (const recipient of pending) fail(recipient, classified);
            pending = [];
          } else {
            pending.forEach((recipient, i) => culprits.has(i) && fail(recipient, classified));
            pending = rest;
          }
        }
      }
    }
    return batch.recipients.map((r) => outcomes.get(r) as BatchSendOutcome);
  }

  estimateCost(): CostEstimate {
    return estimateEmailCost(this.options.prices);
  }

  parseEvent(request: RawWebhookRequest): DeliveryEvent[] {
    return parseSendGridEvents(request);
  }

  verifySignature(request: RawWebhookRequest, credentials: SendGridCredentials): SignatureVerdict {
    return verifySendGridSignature(request, credentials.webhookPublicKey, request.receivedAt ?? this.options.clock.now());
  }

  private async post(mail: SendGridMail, credentials: SendGridCredentials): Promise<SendResult> {
    const service = new MailService();
    service.setTimeout(this.options.timeoutMs);
    service.setApiKey(credentials.apiKey);
    // setApiKey resets the base URL to the region's host, so ours goes after it.
    const client = (service as unknown as { client: { setDefaultRequest(key: string, value: unknown): void } }).client;
    client.setDefaultRequest('baseUrl', this.options.apiBaseUrl);
    if (this.options.httpAdapter) client.setDefaultRequest('adapter', this.options.httpAdapter);
    const [response] = await service.send(mail as unknown as Parameters<MailService['send']>[0]);
    const messageId = response.headers['x-message-id'];
    return {
      provider: 'sendgrid',
      providerMessageId: String(Array.isArray(messageId) ? messageId[0] : messageId),
      status: 'queued',
      cost: null,
      acceptedAt: this.options.clock.now(),
      raw: { statusCode: response.statusCode, messageId },
    };
  }

  private classify(error: unknown): Error {
    if (isAxiosError(error)) return networkError('sendgrid', error);
    if (!isResponseError(error)) return error instanceof Error ? error : new Error(String(error));
    const first = error.response.body?.errors?.[0];
    const headers = error.response.headers ?? {};
    const retryAfter = headers['retry-after'] ?? rateLimitReset(headers['x-ratelimit-reset'], this.options.clock.now());
    return httpStatusError('sendgrid', error.code, {
      message: first?.message ?? `SendGrid answered ${error.code}`,
      providerCode: first?.field ?? String(error.code),
      retryAfter: typeof retryAfter === 'string' ? retryAfter : undefined,
      now: this.options.clock.now(),
      reason: error.code === 400 && first?.field?.includes('.to') ? PermanentFailureReason.InvalidRecipient : error.code === 400 || error.code === 413 ? PermanentFailureReason.InvalidMessage : undefined,
    });
  }
}

/** Personalization indexes a 400 blames (`personalizations.3.to.0.email`). */
function culpritIndexes(error: unknown): Set<number> {
  if (!isResponseError(error) || error.code !== 400) return new Set();
  const fields = (error.response.body?.errors ?? []).map((e) => /^personalizations\.(\d+)\./.exec(e.field ?? '')?.[1]);
  return new Set(fields.filter((f): f is string => f !== undefined).map(Number));
}

/** SendGrid's 429 carries X-RateLimit-Reset (unix seconds) rather than Retry-After. */
function rateLimitReset(reset: unknown, now: Date): string | undefined {
  const seconds = Number(reset);
  return Number.isFinite(seconds) && seconds > 0 ? String(Math.max(0, Math.ceil(seconds - now.getTime() / 1000))) : undefined;
}
