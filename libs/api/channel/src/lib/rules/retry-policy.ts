import { PermanentProviderError, TransientProviderError } from '../channel.exception';

export interface RetryPolicy {
  baseDelayMs: number;
  maxDelayMs: number;
  /** Attempts in total, the first one included. */
  maxAttempts: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { baseDelayMs: 2_000, maxDelayMs: 10 * 60_000, maxAttempts: 8 };

/**
 * Exponential backoff with full jitter (a uniformly random delay up to min(cap, base·2^(n-1))), so
 * retries from many workers after one outage do not arrive together. A provider's Retry-After is a floor.
 */
export function backoffDelay(policy: RetryPolicy, attemptsMade: number, options: { retryAfterMs?: number; random?: () => number } = {}): number {
  const random = options.random ?? Math.random;
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attemptsMade - 1));
  const jittered = Math.floor(random() * ceiling);
  return Math.max(jittered, options.retryAfterMs ?? 0);
}

export type RetryDecision =
  | { retry: true; delayMs: number }
  | { retry: false; reason: 'permanent' | 'attempts_exhausted' | 'unclassified' };

/**
 * Whether to try a failed send again. Only transient provider errors are retried; anything else is a bug
 * or a refusal, and retrying it could send twice.
 */
export function decideRetry(error: unknown, attemptsMade: number, policy: RetryPolicy = DEFAULT_RETRY_POLICY, random?: () => number): RetryDecision {
  if (error instanceof PermanentProviderError) return { retry: false, reason: 'permanent' };
  if (!(error instanceof TransientProviderError)) return { retry: false, reason: 'unclassified' };
  if (attemptsMade >= policy.maxAttempts) return { retry: false, reason: 'attempts_exhausted' };
  return { retry: true, delayMs: backoffDelay(policy, attemptsMade, { retryAfterMs: error.retryAfterMs, random }) };
}

/** Reads `Retry-After` (seconds or an HTTP date) into milliseconds from `now`; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | string[] | undefined | null, now: Date): number | undefined {
  const raw = Array.isArray(value) ? value[0] : value;
  if (raw === undefined || raw === null || raw.trim() === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(raw.trim())) return Math.round(Number(raw) * 1000);
  const date = Date.parse(raw);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now.getTime());
}
