import { PermanentFailureReason, PermanentProviderError, TransientProviderError } from '../channel.exception';
import { backoffDelay, decideRetry, parseRetryAfter, RetryPolicy } from './retry-policy';

const policy: RetryPolicy = { baseDelayMs: 1000, maxDelayMs: 30_000, maxAttempts: 5 };
const transient = (retryAfterMs?: number) => new TransientProviderError('busy', { provider: 'twilio', httpStatus: 503, retryAfterMs });

describe('retry policy', () => {
  it('doubles the ceiling per attempt up to the cap, with the delay drawn below it', () => {
    const atTop = () => 0.999999;
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => backoffDelay(policy, n, { random: atTop }))).toEqual([999, 1999, 3999, 7999, 15999, 29999, 29999]);
    expect(backoffDelay(policy, 3, { random: () => 0 })).toBe(0);
    expect(backoffDelay(policy, 3, { random: () => 0.5 })).toBe(2000);
  });

  it('spreads retries out: many draws cover the range instead of one value', () => {
    const delays = Array.from({ length: 200 }, () => backoffDelay(policy, 4));
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...delays)).toBeLessThan(8000);
    expect(new Set(delays).size).toBeGreaterThan(100);
  });

  it('never retries sooner than the provider asked', () => {
    expect(backoffDelay(policy, 1, { retryAfterMs: 5000, random: () => 0.1 })).toBe(5000);
    expect(backoffDelay(policy, 6, { retryAfterMs: 5000, random: () => 0.9 })).toBe(27000);
    expect(decideRetry(transient(60_000), 1, policy)).toEqual({ retry: true, delayMs: 60_000 });
  });

  it('retries transient errors until the attempts run out', () => {
    expect(decideRetry(transient(), 1, policy, () => 0.5)).toEqual({ retry: true, delayMs: 500 });
    expect(decideRetry(transient(), 5, policy)).toEqual({ retry: false, reason: 'attempts_exhausted' });
  });

  it('never retries permanent refusals or errors nobody classified', () => {
    const optedOut = new PermanentProviderError('opted out', { provider: 'twilio', reason: PermanentFailureReason.OptedOut, providerCode: '21610' });
    expect(decideRetry(optedOut, 1, policy)).toEqual({ retry: false, reason: 'permanent' });
    expect(decideRetry(new TypeError('x is undefined'), 1, policy)).toEqual({ retry: false, reason: 'unclassified' });
  });

  it('reads Retry-After in seconds or as a date', () => {
    const now = new Date('2026-06-10T12:00:00Z');
    expect(parseRetryAfter('3', now)).toBe(3000);
    expect(parseRetryAfter(['1.5'], now)).toBe(1500);
    expect(parseRetryAfter('Wed, 10 Jun 2026 12:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Wed, 10 Jun 2026 11:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
  });
});
