import { PermanentFailureReason } from '../channel.exception';
import type { DeliveryStatus } from '../port/channel.port';

export interface ReasonCode {
  status: DeliveryStatus;
  description: string;
  /** A later, new attempt may succeed (no answer, busy); never for opt-outs, full mailboxes or bad requests. */
  retryable: boolean;
  optedOut?: boolean;
}

/**
 * Drop Cowboy v2 `reason_code`s seen (providers.md §1.2). Carrier-level non-delivery is `undelivered`;
 * refusals of the request, the account or the recipient's consent are `failed`. Branch on the code, never the text.
 */
export const DROPCOWBOY_REASON_CODES: Readonly<Record<number, ReasonCode>> = {
  0: { status: 'delivered', description: 'Delivered', retryable: false },
  3000: { status: 'failed', description: 'Insufficient funds', retryable: false },
  3001: { status: 'failed', description: 'Invalid audio or media_id', retryable: false },
  3002: { status: 'failed', description: 'tts_body requires voice_id', retryable: false },
  3007: { status: 'failed', description: 'Invalid API credentials', retryable: false },
  3014: { status: 'failed', description: 'audio_url is not enabled for this account', retryable: false },
  3015: { status: 'failed', description: 'voice_id requires tts_body', retryable: false },
  3021: { status: 'failed', description: 'tts_body longer than 1,200 characters', retryable: false },
  3027: { status: 'failed', description: 'Idempotency-Key reused with a different request', retryable: false },
  3028: { status: 'failed', description: 'Malformed Idempotency-Key', retryable: false },
  3040: { status: 'failed', description: 'Account in testing mode and the number is not a test number', retryable: false },
  4000: { status: 'undelivered', description: 'Voicemail not detected', retryable: true },
  4001: { status: 'undelivered', description: 'No voicemail box set up', retryable: false },
  4002: { status: 'undelivered', description: 'Mailbox full', retryable: false },
  4004: { status: 'undelivered', description: 'Unreachable', retryable: true },
  4005: { status: 'undelivered', description: 'No answer', retryable: true },
  4006: { status: 'undelivered', description: 'Busy', retryable: true },
  4008: { status: 'failed', description: 'Flagged as spam', retryable: false },
  4010: { status: 'failed', description: 'No phone line', retryable: false },
  4011: { status: 'failed', description: 'Outside calling hours', retryable: true },
  4013: { status: 'failed', description: 'Too many attempts to this contact', retryable: true },
  4016: { status: 'failed', description: 'On the internal do-not-contact list', retryable: false, optedOut: true },
  4017: { status: 'failed', description: 'Known litigator', retryable: false },
  4019: { status: 'failed', description: 'Number reassigned since consent', retryable: false },
  4021: { status: 'failed', description: 'Reassigned-number check failed', retryable: true },
  6000: { status: 'failed', description: 'Carrier denied the use case', retryable: false },
  6001: { status: 'failed', description: 'Carrier suspension', retryable: false },
  6002: { status: 'failed', description: 'Number pool suspended', retryable: false },
  6003: { status: 'failed', description: 'Number pool not ready', retryable: true },
  6004: { status: 'failed', description: 'Opt-in flagged', retryable: false },
  6005: { status: 'failed', description: 'Opt-in revoked', retryable: false, optedOut: true },
  6006: { status: 'failed', description: 'Opt-in pending', retryable: true },
  6011: { status: 'failed', description: 'Opt-in missing', retryable: false },
};

export function reasonCodeOf(code: number, status: string | undefined): ReasonCode {
  return (
    DROPCOWBOY_REASON_CODES[code] ??
    (status === 'success' ? { status: 'delivered', description: 'Delivered', retryable: false } : { status: 'failed', description: `Drop Cowboy reason ${code}`, retryable: false })
  );
}

/** Codes a send request itself can be refused with, and what they mean for us. */
export function permanentReasonOf(code: number | undefined): PermanentFailureReason {
  if (code === 3000 || (code !== undefined && code >= 6000)) return PermanentFailureReason.AccountBlocked;
  if (code === 3007) return PermanentFailureReason.Authentication;
  if (code === 4010) return PermanentFailureReason.InvalidSender;
  if (code !== undefined && code >= 3000 && code < 4000) return PermanentFailureReason.InvalidMessage;
  return PermanentFailureReason.Rejected;
}
