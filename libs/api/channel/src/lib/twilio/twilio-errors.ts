import { isAxiosError } from 'axios';
import { PermanentFailureReason, PermanentProviderError, TransientProviderError } from '../channel.exception';
import { networkError } from '../port/provider-http';
import { parseRetryAfter } from '../rules/retry-policy';
import { TWILIO_PERMANENT_CODES, TWILIO_TRANSIENT_CODES } from './twilio-codes';

interface TwilioRestError {
  status: number;
  code?: number;
  message?: string;
}

function isTwilioRestError(error: unknown): error is TwilioRestError {
  return error instanceof Error && typeof (error as Partial<TwilioRestError>).status === 'number';
}

/** Turns what twilio-node threw into our transient/permanent split (providers.md §2 error table). */
export function classifyTwilioError(error: unknown, headers: Record<string, unknown> | undefined, now: Date): Error {
  if (isAxiosError(error)) return networkError('twilio', error);
  if (!isTwilioRestError(error)) return error instanceof Error ? error : new Error(String(error));
  const code = error.code;
  const providerCode = code === undefined ? undefined : String(code);
  const message = error.message ?? `Twilio answered ${error.status}`;
  if (error.status === 429 || error.status >= 500 || (code !== undefined && TWILIO_TRANSIENT_CODES.has(code))) {
    const retryAfter = headers?.['retry-after'];
    return new TransientProviderError(message, {
      provider: 'twilio',
      providerCode,
      httpStatus: error.status,
      retryAfterMs: parseRetryAfter(typeof retryAfter === 'string' ? retryAfter : undefined, now),
      mayHaveBeenAccepted: error.status === 504,
    });
  }
  const known = code === undefined ? undefined : TWILIO_PERMANENT_CODES[code];
  const reason = known?.reason ?? (error.status === 401 ? PermanentFailureReason.Authentication : PermanentFailureReason.Rejected);
  return new PermanentProviderError(known ? `${known.description} (${message})` : message, { provider: 'twilio', reason, providerCode, httpStatus: error.status });
}
