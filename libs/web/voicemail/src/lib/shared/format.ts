import type { ScriptAudioStatus, ScriptReviewStatus, ScriptTemplateKind, VoicemailBatchStatus } from '@cadence/web-api-client';

/** Same pace as the API's estimate: 150 words a minute. */
const WORDS_PER_SECOND = 2.5;
export const MIN_WORDS = 75;
export const MAX_WORDS = 115;

export function countWords(text: string): number {
  const trimmed = text.trim();
  return trimmed === '' ? 0 : trimmed.split(/\s+/).length;
}

export interface TextFigures {
  characters: number;
  words: number;
  seconds: number;
  /** Outside 75–115 words (30–45 s spoken). */
  outOfRange: boolean;
}

export function textFigures(text: string): TextFigures {
  const words = countWords(text);
  return { characters: [...text].length, words, seconds: Math.round(words / WORDS_PER_SECOND), outOfRange: words < MIN_WORDS || words > MAX_WORDS };
}

export function formatUsd(usd: number): string {
  if (usd === 0) return '$0.00';
  if (usd < 0.01) return `$${usd.toFixed(4)}`;
  return `$${usd.toFixed(2)}`;
}

export function formatSeconds(seconds: number): string {
  if (seconds < 60) return `${Math.round(seconds)} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `about ${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest ? `about ${hours} h ${rest} min` : `about ${hours} h`;
}

export const REVIEW_LABELS: Record<ScriptReviewStatus, string> = { pending: 'Pending review', approved: 'Approved', rejected: 'Rejected', needs_revision: 'Needs revision' };
export const REVIEW_COLORS: Record<ScriptReviewStatus, string> = { pending: 'gray', approved: 'teal', rejected: 'red', needs_revision: 'orange' };
export const AUDIO_LABELS: Record<ScriptAudioStatus, string> = { pending: 'No audio', generating: 'Generating audio', completed: 'Audio ready', failed: 'Audio failed' };
export const AUDIO_COLORS: Record<ScriptAudioStatus, string> = { pending: 'gray', generating: 'blue', completed: 'teal', failed: 'red' };
export const BATCH_LABELS: Record<VoicemailBatchStatus, string> = { queued: 'Queued', running: 'Running', completed: 'Completed', cancelled: 'Cancelled', failed: 'Failed' };
export const BATCH_COLORS: Record<VoicemailBatchStatus, string> = { queued: 'gray', running: 'indigo', completed: 'teal', cancelled: 'yellow', failed: 'red' };
export const TEMPLATE_LABELS: Record<ScriptTemplateKind, string> = {
  sphere_of_influence: 'Sphere of influence',
  past_clients: 'Past clients',
  neighborhood_expireds: 'Neighborhood expireds',
  high_equity: 'High equity',
  prospecting: 'Prospecting',
  follow_up: 'Follow-up',
};

export const COMPLIANCE_LABELS: Record<string, string> = {
  agent_name_missing: 'agent name missing',
  brokerage_missing: 'brokerage missing',
  callback_number_missing: 'callback number missing',
  opt_out_missing: 'opt-out line missing',
  too_short: 'under 30 seconds',
  too_long: 'over 45 seconds',
};
