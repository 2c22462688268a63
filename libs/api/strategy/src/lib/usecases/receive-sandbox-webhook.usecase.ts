import { ChannelPort, EMAIL_CHANNEL, EMAIL_CREDENTIALS, OutboundMessage, ProviderName, SignedWebhookRequest, SMS_CHANNEL, SMS_CREDENTIALS, VOICEMAIL_CHANNEL, VOICEMAIL_CREDENTIALS } from '@cadence/api-channel';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { ApplyDeliveryEventUseCase } from './apply-delivery-event.usecase';

type AnyPort = ChannelPort<OutboundMessage, unknown>;

/**
 * A sandbox provider's webhook delivered in-process (the worker's sink): verified and parsed by the
 * same adapter code as a real one, then applied. The HTTP webhook routes come with the webhook module.
 */
@Injectable()
export class ReceiveSandboxWebhookUseCase {
  private readonly logger = new Logger('SandboxWebhook');
  private readonly byProvider: Record<ProviderName, { port: AnyPort; credentials: unknown }>;

  constructor(
    private readonly apply: ApplyDeliveryEventUseCase,
    @Inject(SMS_CHANNEL) sms: AnyPort,
    @Inject(SMS_CREDENTIALS) smsCredentials: unknown,
    @Inject(EMAIL_CHANNEL) email: AnyPort,
    @Inject(EMAIL_CREDENTIALS) emailCredentials: unknown,
    @Inject(VOICEMAIL_CHANNEL) voicemail: AnyPort,
    @Inject(VOICEMAIL_CREDENTIALS) voicemailCredentials: unknown,
  ) {
    this.byProvider = {
      twilio: { port: sms, credentials: smsCredentials },
      sendgrid: { port: email, credentials: emailCredentials },
      dropcowboy: { port: voicemail, credentials: voicemailCredentials },
    };
  }

  async execute(provider: ProviderName, request: SignedWebhookRequest): Promise<void> {
    const { port, credentials } = this.byProvider[provider];
    const raw = { url: request.url, method: request.method, headers: request.headers, rawBody: request.rawBody };
    const verdict = port.verifySignature(raw, credentials);
    if (!verdict.valid) throw new Error(`Refused a ${provider} webhook: ${verdict.reason}`);
    for (const event of port.parseEvent(raw)) {
      // Events of our own inbound numbers (replies) carry no execution; the webhook module handles them.
      if (!event.executionId && !event.providerMessageId) continue;
      await this.apply.execute(event);
    }
    this.logger.debug(`Applied a ${provider} webhook`);
  }
}
