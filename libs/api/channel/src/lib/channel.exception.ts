import { AppException } from '@cadence/api-core';
import type { ProviderName } from './port/channel.port';

export enum ChannelErrorCode {
  /** The provider could not take the message now; the same send may succeed later. */
  ProviderUnavailable = 'CHANNEL_PROVIDER_UNAVAILABLE',
  /** The provider refused the message for good (or we refused it before asking). */
  ProviderRejected = 'CHANNEL_PROVIDER_REJECTED',
  InvalidTemplate = 'CHANNEL_INVALID_TEMPLATE',
  InvalidSchedule = 'CHANNEL_INVALID_SCHEDULE',
  MalformedEvent = 'CHANNEL_MALFORMED_EVENT',
}

const statusOf: Record<ChannelErrorCode, number> = {
  [ChannelErrorCode.ProviderUnavailable]: 503,
  [ChannelErrorCode.ProviderRejected]: 422,
  [ChannelErrorCode.InvalidTemplate]: 400,
  [ChannelErrorCode.InvalidSchedule]: 400,
  [ChannelErrorCode.MalformedEvent]: 400,
};

export class ChannelException extends AppException {
  constructor(code: ChannelErrorCode, message: string, details?: unknown) {
    super(statusOf[code], code, message, details);
  }
}

/** Why a provider refused a message for good; the pipeline stores it as the execution's failure reason. */
export enum PermanentFailureReason {
  /** The recipient opted out (Twilio 21610, Drop Cowboy 4016/6005): suppress them, never retry. */
  OptedOut = 'opted_out',
  /** The address or number is malformed or does not exist. */
  InvalidRecipient = 'invalid_recipient',
  /** The recipient exists but cannot receive this channel (landline, not SMS capable, unroutable). */
  UnreachableRecipient = 'unreachable_recipient',
  /** Our sender (number, messaging service, phone line, geo permission) is not usable. */
  InvalidSender = 'invalid_sender',
  /** The credentials were refused. */
  Authentication = 'authentication',
  /** The account cannot send (funds, suspension, registration). */
  AccountBlocked = 'account_blocked',
  /** The message itself is invalid (too long, missing audio, bad idempotency key). */
  InvalidMessage = 'invalid_message',
  /** Any other refusal; the provider code says more. */
  Rejected = 'rejected',
}

export interface TransientProviderErrorInit {
  provider: ProviderName;
  providerCode?: string;
  httpStatus?: number;
  /** How long the provider asked us to wait (Retry-After), if it said. */
  retryAfterMs?: number;
  /**
   * True when the request may have reached the provider before failing (timeout, reset, 504): a retry
   * can then send twice unless the provider takes an idempotency key.
   */
  mayHaveBeenAccepted?: boolean;
}

/** Retry with backoff: 429, 5xx, timeouts, network errors. */
export class TransientProviderError extends ChannelException {
  readonly provider: ProviderName;
  readonly providerCode?: string;
  readonly httpStatus?: number;
  readonly retryAfterMs?: number;
  readonly mayHaveBeenAccepted: boolean;

  constructor(message: string, init: TransientProviderErrorInit) {
    super(ChannelErrorCode.ProviderUnavailable, message, { provider: init.provider, providerCode: init.providerCode, httpStatus: init.httpStatus });
    this.provider = init.provider;
    this.providerCode = init.providerCode;
    this.httpStatus = init.httpStatus;
    this.retryAfterMs = init.retryAfterMs;
    this.mayHaveBeenAccepted = init.mayHaveBeenAccepted ?? false;
  }
}

export interface PermanentProviderErrorInit {
  provider: ProviderName;
  reason: PermanentFailureReason;
  providerCode?: string;
  httpStatus?: number;
}

/** Final: retrying the same message cannot succeed. */
export class PermanentProviderError extends ChannelException {
  readonly provider: ProviderName;
  readonly reason: PermanentFailureReason;
  readonly providerCode?: string;
  readonly httpStatus?: number;

  constructor(message: string, init: PermanentProviderErrorInit) {
    super(ChannelErrorCode.ProviderRejected, message, { provider: init.provider, reason: init.reason, providerCode: init.providerCode, httpStatus: init.httpStatus });
    this.provider = init.provider;
    this.reason = init.reason;
    this.providerCode = init.providerCode;
    this.httpStatus = init.httpStatus;
  }

  get optedOut(): boolean {
    return this.reason === PermanentFailureReason.OptedOut;
  }
}
