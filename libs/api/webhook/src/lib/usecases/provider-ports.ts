import { ChannelPort, EMAIL_CHANNEL, EMAIL_CREDENTIALS, OutboundMessage, ProviderName, SMS_CHANNEL, SMS_CREDENTIALS, VOICEMAIL_CHANNEL, VOICEMAIL_CREDENTIALS } from '@cadence/api-channel';
import { Inject, Injectable } from '@nestjs/common';

type AnyPort = ChannelPort<OutboundMessage, unknown>;

/** Each provider's adapter (real or sandbox) with the credentials its signatures are checked against. */
@Injectable()
export class ProviderPorts {
  private readonly byProvider: Record<ProviderName, { port: AnyPort; credentials: unknown }>;

  constructor(
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

  of(provider: ProviderName): { port: AnyPort; credentials: unknown } {
    return this.byProvider[provider];
  }
}
