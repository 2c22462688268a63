import { PermanentFailureReason } from '../channel.exception';
import type { DeliveryError, DeliveryStatus } from '../port/channel.port';

/** Twilio message statuses (providers.md §2) in our terms; inbound ones change nothing. */
const statusMap: Record<string, DeliveryStatus | null> = {
  accepted: 'queued',
  scheduled: 'queued',
  queued: 'queued',
  sending: 'sent',
  sent: 'sent',
  delivered: 'delivered',
  partially_delivered: 'delivered',
  read: 'opened',
  undelivered: 'undelivered',
  failed: 'failed',
  canceled: 'failed',
  receiving: null,
  received: null,
};

export function twilioStatusToOurs(status: string): DeliveryStatus | null {
  return Object.prototype.hasOwnProperty.call(statusMap, status) ? (statusMap[status] as DeliveryStatus | null) : null;
}

/** Codes a send request can be refused with (HTTP 4xx), and what they mean for us. */
export const TWILIO_PERMANENT_CODES: Readonly<Record<number, { reason: PermanentFailureReason; description: string }>> = {
  21610: { reason: PermanentFailureReason.OptedOut, description: 'The recipient replied STOP to this sender' },
  21211: { reason: PermanentFailureReason.InvalidRecipient, description: "The 'To' number is not a valid phone number" },
  21612: { reason: PermanentFailureReason.UnreachableRecipient, description: "Twilio cannot route to the 'To' number" },
  21614: { reason: PermanentFailureReason.UnreachableRecipient, description: "The 'To' number cannot receive SMS" },
  21635: { reason: PermanentFailureReason.UnreachableRecipient, description: "The 'To' number is a landline" },
  21408: { reason: PermanentFailureReason.InvalidSender, description: 'The account may not send to this region' },
  21212: { reason: PermanentFailureReason.InvalidSender, description: "The 'From' number is not valid" },
  21606: { reason: PermanentFailureReason.InvalidSender, description: "The 'From' number is not SMS-capable or not this account's" },
  21602: { reason: PermanentFailureReason.InvalidMessage, description: 'The message body is required' },
  21617: { reason: PermanentFailureReason.InvalidMessage, description: 'The message body exceeds 1,600 characters' },
  20003: { reason: PermanentFailureReason.Authentication, description: 'Twilio refused the credentials' },
  30034: { reason: PermanentFailureReason.AccountBlocked, description: 'The sender is not registered for A2P 10DLC' },
};

/** Codes that say "not now": REST concurrency limit and a full sender queue. */
export const TWILIO_TRANSIENT_CODES: ReadonlySet<number> = new Set([20429, 21611]);

/** Delivery error codes of status callbacks (ErrorCode on failed/undelivered). */
const deliveryErrors: Record<string, Omit<DeliveryError, 'code'>> = {
  '21610': { reason: 'Recipient opted out (STOP)', retryable: false },
  '30001': { reason: 'Sender queue overflow', retryable: true },
  '30002': { reason: 'Account suspended', retryable: false },
  '30003': { reason: 'Unreachable destination handset', retryable: true },
  '30004': { reason: 'Message blocked by the recipient or carrier', retryable: false },
  '30005': { reason: 'Unknown destination handset', retryable: false },
  '30006': { reason: 'Landline or unreachable carrier', retryable: false },
  '30007': { reason: 'Carrier filtering (content)', retryable: false },
  '30008': { reason: 'Unknown error', retryable: true },
  '30034': { reason: 'Unregistered A2P 10DLC sender', retryable: false },
};

export function twilioDeliveryError(code: string): DeliveryError {
  return { code, ...(deliveryErrors[code] ?? { reason: `Twilio error ${code}`, retryable: false }) };
}
