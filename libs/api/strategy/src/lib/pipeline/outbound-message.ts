import { ChannelWebhookUrls, OutboundMessage } from '@cadence/api-channel';
import { Contact } from '@cadence/api-contact';
import { RenderedMessage } from '../domain/strategy-content';
import { Execution } from '../schemas/execution.schema';

/** The provider message for a rendered execution; ids ride along so webhooks find the execution again. */
export function outboundMessageOf(execution: Execution, rendered: RenderedMessage, contact: Contact, address: string, urls: ChannelWebhookUrls, unsubscribeUrl: string | null): OutboundMessage {
  const ids = { executionId: execution._id.toHexString(), idempotencyKey: execution.idempotencyKey };
  if (rendered.sms) return { channel: 'sms', ...ids, to: address, body: rendered.sms.body, statusCallbackUrl: urls.twilioStatus };
  if (rendered.email) {
    const e = rendered.email;
    const name = `${contact.firstName} ${contact.lastName}`.trim();
    return {
      channel: 'email',
      ...ids,
      to: { email: address, ...(name ? { name } : {}) },
      from: e.from,
      ...(e.replyTo ? { replyTo: { email: e.replyTo } } : {}),
      subject: e.subject,
      html: e.html,
      text: e.text,
      // RFC 8058 one-click works over HTTPS only: a development base URL without TLS keeps the footer link alone.
      ...(unsubscribeUrl?.startsWith('https://') ? { listUnsubscribe: { url: unsubscribeUrl } } : {}),
      customArgs: { campaignId: execution.campaignId.toHexString(), strategyId: execution.strategyId.toHexString() },
    };
  }
  const v = rendered.voicemail as NonNullable<RenderedMessage['voicemail']>;
  const zip = contact.propertyAddress?.zip || contact.mailingAddress?.zip || undefined;
  return {
    channel: 'voicemail',
    ...ids,
    to: address,
    audio: v.recordingMediaId ? { kind: 'media', mediaId: v.recordingMediaId } : { kind: 'tts', voiceId: v.voiceId as string, ttsBody: v.ttsBody as string },
    callbackUrl: urls.dropcowboy,
    ...(zip ? { postalCode: zip } : {}),
  };
}
