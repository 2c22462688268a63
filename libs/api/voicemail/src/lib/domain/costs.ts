/** Prices in micro-dollars so sums stay exact (like the campaign budget). */
export interface VoicemailPrices {
  llmInputMicrosPerMillionTokens: number;
  llmOutputMicrosPerMillionTokens: number;
  ttsMicrosPerThousandCharacters: number;
}

export function llmCostMicros(promptTokens: number, completionTokens: number, prices: VoicemailPrices): number {
  return Math.round((promptTokens * prices.llmInputMicrosPerMillionTokens + completionTokens * prices.llmOutputMicrosPerMillionTokens) / 1_000_000);
}

export function ttsCostMicros(characters: number, prices: VoicemailPrices): number {
  return Math.round((characters * prices.ttsMicrosPerThousandCharacters) / 1000);
}

/** Typical sizes of one script: the prompt with its fields, and a 100-word answer. */
export const TYPICAL_PROMPT_TOKENS = 450;
export const TYPICAL_COMPLETION_TOKENS = 160;
export const TYPICAL_SCRIPT_CHARACTERS = 600;

export interface CostEstimate {
  items: number;
  llmMicros: number;
  ttsMicros: number;
  totalMicros: number;
}

export function estimateScriptBatch(contacts: number, prices: VoicemailPrices): CostEstimate {
  const llm = contacts * llmCostMicros(TYPICAL_PROMPT_TOKENS, TYPICAL_COMPLETION_TOKENS, prices);
  return { items: contacts, llmMicros: llm, ttsMicros: 0, totalMicros: llm };
}

/** Audio is estimated from the real script lengths; texts already rendered in the same voice cost nothing. */
export function estimateAudioBatch(characterCounts: number[], prices: VoicemailPrices): CostEstimate {
  const tts = characterCounts.reduce((sum, n) => sum + ttsCostMicros(n, prices), 0);
  return { items: characterCounts.length, llmMicros: 0, ttsMicros: tts, totalMicros: tts };
}

/** Dollars with micro-dollar precision: one script costs a fraction of a cent. */
export const microsToUsd = (micros: number) => Math.round(micros) / 1_000_000;
