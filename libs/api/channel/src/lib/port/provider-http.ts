import type { AxiosError } from 'axios';
import { PermanentFailureReason, PermanentProviderError, TransientProviderError } from '../channel.exception';
import { parseRetryAfter } from '../rules/retry-policy';
import type { ProviderName } from './channel.port';

/** Connection never made: the provider cannot have seen the request. */
const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ERR_NETWORK']);

/** A failure before any HTTP status: always transient; whether the provider may have acted depends on how far it got. */
export function networkError(provider: ProviderName, error: AxiosError): TransientProviderError {
  const code = error.code ?? 'NETWORK';
  const timedOut = code === 'ECONNABORTED' || code === 'ETIMEDOUT';
  return new TransientProviderError(timedOut ? `${provider} did not answer in time` : `${provider} unreachable (${code})`, {
    provider,
    providerCode: code,
    mayHaveBeenAccepted: !NOT_SENT.has(code),
  });
}

/** The generic HTTP split: 408/429/5xx are worth retrying, other 4xx are not. */
export function httpStatusError(
  provider: ProviderName,
  status: number,
  input: { message: string; providerCode?: string; retryAfter?: string; now: Date; reason?: PermanentFailureReason },
): TransientProviderError | PermanentProviderError {
  if (status === 408 || status === 429 || status >= 500) {
    return new TransientProviderError(input.message, {
      provider,
      providerCode: input.providerCode,
      httpStatus: status,
      retryAfterMs: parseRetryAfter(input.retryAfter, input.now),
      mayHaveBeenAccepted: status === 504,
    });
  }
  const reason = input.reason ?? (status === 401 || status === 403 ? PermanentFailureReason.Authentication : PermanentFailureReason.Rejected);
  return new PermanentProviderError(input.message, { provider, reason, providerCode: input.providerCode, httpStatus: status });
}
