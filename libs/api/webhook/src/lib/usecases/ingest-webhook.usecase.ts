import { ProviderName, RawWebhookRequest } from '@cadence/api-channel';
import { Clock } from '@cadence/api-core';
import { Injectable, Logger } from '@nestjs/common';
import { WEBHOOK_EVENT_RETENTION_DAYS } from '../schemas/webhook-event.schema';
import { WebhookErrorCode, WebhookException } from '../webhook.exception';
import { ProviderPorts } from './provider-ports';
import { serializeEvent } from './stored-event';
import { WebhookIntake } from './webhook-intake';

export interface IngestResult {
  received: number;
  duplicates: number;
}

/**
 * The webhook request path, kept short so the provider gets its 2xx at once: verify the signature,
 * parse, store each event once (unique provider + event id), enqueue the new ones for the worker.
 * A bad signature stores nothing and leaves one security log line.
 */
@Injectable()
export class IngestWebhookUseCase {
  private readonly security = new Logger('WebhookSecurity');

  constructor(
    private readonly ports: ProviderPorts,
    private readonly intake: WebhookIntake,
    private readonly clock: Clock,
  ) {}

  async execute(provider: ProviderName, request: RawWebhookRequest, remoteAddress?: string): Promise<IngestResult> {
    const { port, credentials } = this.ports.of(provider);
    const receivedAt = this.clock.now();
    const verdict = port.verifySignature({ ...request, receivedAt }, credentials);
    if (!verdict.valid) {
      this.security.warn({ provider, reason: verdict.reason, url: request.url, remoteAddress }, `Refused a ${provider} webhook: ${verdict.reason}`);
      throw new WebhookException(WebhookErrorCode.SignatureInvalid, 'The webhook signature is missing, wrong or stale');
    }
    const parsed = port.parseEvent({ ...request, receivedAt });
    // The database's TTL monitor runs on the wall clock, whatever our Clock says.
    const expiresAt = new Date(Date.now() + WEBHOOK_EVENT_RETENTION_DAYS * 24 * 3600 * 1000);
    const fresh = await this.intake.submit(parsed.map((event) => ({ provider, eventId: event.providerEventId, event: serializeEvent(event), raw: event.raw, receivedAt, expiresAt })));
    return { received: parsed.length, duplicates: parsed.length - fresh };
  }
}
