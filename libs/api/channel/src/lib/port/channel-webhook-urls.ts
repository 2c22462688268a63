/** Our public webhook endpoints (ARCHITECTURE.md REST surface), where providers — real or sandbox — post events. */
export interface ChannelWebhookUrls {
  /** StatusCallback of every SMS. */
  twilioStatus: string;
  /** The Twilio number's / messaging service's inbound URL (replies, STOP). */
  twilioInbound: string;
  /** SendGrid's Event Webhook URL (account setting). */
  sendgridEvents: string;
  /** Drop Cowboy callback_url of every drop, and its registered signed webhook. */
  dropcowboy: string;
}

export function channelWebhookUrls(publicBaseUrl: string): ChannelWebhookUrls {
  const base = publicBaseUrl.replace(/\/+$/, '');
  return {
    twilioStatus: `${base}/api/webhooks/twilio/status`,
    twilioInbound: `${base}/api/webhooks/twilio/inbound`,
    sendgridEvents: `${base}/api/webhooks/sendgrid`,
    dropcowboy: `${base}/api/webhooks/dropcowboy`,
  };
}
