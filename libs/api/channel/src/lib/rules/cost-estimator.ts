import type { VoicemailAudio } from '../port/channel.port';
import { countSmsSegments } from './sms-text';

/** Prices in micro-dollars (1e-6 USD) so sums of many sends stay exact. */
export interface ChannelPrices {
  smsSegmentMicros: number;
  smsCarrierFeeMicros: number;
  emailMicros: number;
  rvmMicros: number;
  rvmComplianceFeeMicros: number;
  ttsCharacterMicros: number;
}

export type CostItem = 'sms_segment' | 'sms_carrier_fee' | 'email' | 'rvm' | 'rvm_compliance_fee' | 'rvm_tts';

export interface CostLine {
  item: CostItem;
  quantity: number;
  unitMicros: number;
  totalMicros: number;
}

export interface CostEstimate {
  currency: 'USD';
  totalMicros: number;
  lines: CostLine[];
}

export function usdToMicros(usd: number): number {
  return Math.round(usd * 1_000_000);
}

export function microsToUsd(micros: number): number {
  return micros / 1_000_000;
}

/** A unit price may be a fraction of a micro-dollar (TTS per character); the line total is whole. */
function line(item: CostItem, quantity: number, unitMicros: number): CostLine {
  return { item, quantity, unitMicros, totalMicros: Math.round(quantity * unitMicros) };
}

export function costOf(lines: CostLine[]): CostEstimate {
  return { currency: 'USD', totalMicros: lines.reduce((sum, l) => sum + l.totalMicros, 0), lines };
}

export function sumCosts(costs: CostEstimate[]): CostEstimate {
  return costOf(costs.flatMap((c) => c.lines));
}

/** Twilio bills every segment, plus the carrier pass-through per segment. */
export function estimateSmsCost(body: string, prices: ChannelPrices): CostEstimate {
  const { segments } = countSmsSegments(body);
  return costOf([line('sms_segment', segments, prices.smsSegmentMicros), line('sms_carrier_fee', segments, prices.smsCarrierFeeMicros)]);
}

export function estimateEmailCost(prices: ChannelPrices, recipients = 1): CostEstimate {
  return costOf([line('email', recipients, prices.emailMicros)]);
}

/** Drop Cowboy's callback itemises product_cost + compliance_fee + tts_fee; TTS is billed per character. */
export function estimateVoicemailCost(audio: VoicemailAudio, prices: ChannelPrices): CostEstimate {
  const lines = [line('rvm', 1, prices.rvmMicros), line('rvm_compliance_fee', 1, prices.rvmComplianceFeeMicros)];
  if (audio.kind === 'tts') lines.push(line('rvm_tts', [...audio.ttsBody].length, prices.ttsCharacterMicros));
  return costOf(lines);
}
