import { ChannelPrices, estimateEmailCost, estimateSmsCost, estimateVoicemailCost, microsToUsd, sumCosts, usdToMicros } from './cost-estimator';

const prices: ChannelPrices = {
  smsSegmentMicros: usdToMicros(0.0083),
  smsCarrierFeeMicros: usdToMicros(0.003),
  emailMicros: usdToMicros(0.0004),
  rvmMicros: usdToMicros(0.04),
  rvmComplianceFeeMicros: usdToMicros(0.002),
  ttsCharacterMicros: usdToMicros(0.00002),
};

describe('cost estimation', () => {
  it('charges SMS per segment, carrier fee included', () => {
    const single = estimateSmsCost('Hi Ana, new listing on Elm St.', prices);
    expect(microsToUsd(single.totalMicros)).toBeCloseTo(0.0113, 10);
    const threeSegments = estimateSmsCost('a'.repeat(307), prices);
    expect(threeSegments.lines).toEqual([
      { item: 'sms_segment', quantity: 3, unitMicros: 8300, totalMicros: 24900 },
      { item: 'sms_carrier_fee', quantity: 3, unitMicros: 3000, totalMicros: 9000 },
    ]);
    expect(threeSegments.totalMicros).toBe(33900);
  });

  it('charges a UCS-2 message by its smaller segments', () => {
    expect(estimateSmsCost('😀'.repeat(40), prices).lines[0]?.quantity).toBe(2);
  });

  it('charges a voicemail its drop price and compliance fee, plus TTS per character', () => {
    expect(estimateVoicemailCost({ kind: 'media', mediaId: 'm1' }, prices).totalMicros).toBe(42_000);
    const tts = estimateVoicemailCost({ kind: 'tts', voiceId: 'v', ttsBody: 'x'.repeat(500) }, prices);
    expect(tts.lines.at(-1)).toEqual({ item: 'rvm_tts', quantity: 500, unitMicros: 20, totalMicros: 10_000 });
    expect(microsToUsd(tts.totalMicros)).toBeCloseTo(0.052, 10);
  });

  it('charges email per recipient and adds costs up exactly', () => {
    expect(estimateEmailCost(prices, 1000).totalMicros).toBe(400_000);
    const many = sumCosts(Array.from({ length: 10 }, () => estimateEmailCost(prices)));
    expect(microsToUsd(many.totalMicros)).toBe(0.004);
  });
});
