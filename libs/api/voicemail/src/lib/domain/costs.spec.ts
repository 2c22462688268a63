import { VoicemailConfig } from '../voicemail.config';
import { audioContentHash, testGroupOf } from './content-hash';
import { estimateAudioBatch, estimateScriptBatch, llmCostMicros, microsToUsd, ttsCostMicros } from './costs';
import { etaSeconds } from './eta';
import { retryAfterMs } from './limiter';

const prices = new VoicemailConfig().prices();

describe('costs', () => {
  it('turns tokens and characters into micro-dollars with the configured prices', () => {
    // 412 prompt tokens at $0.59/M + 150 completion tokens at $0.79/M.
    expect(llmCostMicros(412, 150, prices)).toBe(362);
    // 600 characters at $0.30 per 1,000.
    expect(ttsCostMicros(600, prices)).toBe(180_000);
    expect(microsToUsd(180_000)).toBe(0.18);
  });

  it('estimates a script batch from the contact count and an audio batch from the real lengths', () => {
    expect(estimateScriptBatch(1000, prices)).toEqual({ items: 1000, llmMicros: 392_000, ttsMicros: 0, totalMicros: 392_000 });
    expect(estimateAudioBatch([500, 600], prices)).toEqual({ items: 2, llmMicros: 0, ttsMicros: 330_000, totalMicros: 330_000 });
  });

  it('reads prices from the environment', () => {
    const config = Object.assign(new VoicemailConfig(), { TTS_PRICE_PER_1K_CHARS_USD: 0.15 });
    expect(ttsCostMicros(1000, config.prices())).toBe(150_000);
  });
});

describe('content hash and A/B groups', () => {
  const base = { text: 'Hi Maria', voiceId: 'v1', modelId: 'm', outputFormat: 'mp3_44100_128' };
  it('is the same for the same words in the same voice, and differs when either changes', () => {
    expect(audioContentHash(base)).toBe(audioContentHash({ ...base, text: ' Hi Maria ' }));
    expect(audioContentHash(base)).not.toBe(audioContentHash({ ...base, voiceId: 'v2' }));
    expect(audioContentHash(base)).not.toBe(audioContentHash({ ...base, text: 'Hi Mario' }));
  });

  it('splits contacts about half and half, and the same contact always lands in the same group', () => {
    const groups = Array.from({ length: 1000 }, (_, i) => testGroupOf('batch-1', `contact-${i}`));
    const a = groups.filter((g) => g === 'A').length;
    expect(a).toBeGreaterThan(440);
    expect(a).toBeLessThan(560);
    expect(testGroupOf('batch-1', 'contact-7')).toBe(groups[7]);
  });
});

describe('progress and retries', () => {
  it("estimates the time left from this run's pace", () => {
    const runStartedAt = new Date('2026-01-01T10:00:00Z');
    expect(etaSeconds({ total: 1000, processed: 300, processedAtRunStart: 200, runStartedAt, now: new Date('2026-01-01T10:00:10Z') })).toBe(70);
    expect(etaSeconds({ total: 1000, processed: 200, processedAtRunStart: 200, runStartedAt, now: new Date() })).toBeNull();
  });

  it('reads retry-after in seconds, retry-after-ms, and nothing', () => {
    expect(retryAfterMs({ 'retry-after': '5.289' })).toBe(5289);
    expect(retryAfterMs({ 'retry-after-ms': '250' })).toBe(250);
    expect(retryAfterMs({})).toBeNull();
  });
});
