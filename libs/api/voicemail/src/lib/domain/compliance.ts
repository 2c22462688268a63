import { countWords, MAX_WORDS, MIN_WORDS } from './script-text';

/** Who speaks and how the listener calls back or opts out (47 CFR 64.1200(b), providers.md §6). */
export interface SenderIdentity {
  agentName: string;
  brokerage: string;
  callbackNumber: string;
  /** Reaches the automated opt-out; the callback number when none is set. */
  optOutNumber: string | null;
}

export type ComplianceProblem = 'agent_name_missing' | 'brokerage_missing' | 'callback_number_missing' | 'opt_out_missing' | 'too_short' | 'too_long';

export interface ComplianceCheck {
  ok: boolean;
  problems: ComplianceProblem[];
}

const digits = (s: string) => s.replace(/\D/g, '');

function mentionsNumber(text: string, number: string): boolean {
  const wanted = digits(number).replace(/^1(?=\d{10}$)/, '');
  if (wanted.length < 7) return text.includes(number);
  // Numbers may be spoken with any punctuation: compare runs of digits with separators removed.
  const runs = text.match(/[\d][\d\s().+-]{5,}\d/g) ?? [];
  return runs.some((run) => digits(run).replace(/^1(?=\d{10}$)/, '').includes(wanted));
}

const OPT_OUT = /\b(opt[- ]?out|removed? from (?:our|my|the) list|stop (?:these|receiving|getting)|no longer (?:wish|want) to (?:receive|hear|get)|not to (?:receive|get) (?:these|messages|calls))\b/i;

export function optOutLine(sender: SenderIdentity): string {
  return `If you'd rather not get messages like this, call ${sender.optOutNumber ?? sender.callbackNumber} to opt out and you'll be removed from our list.`;
}

export function checkCompliance(text: string, sender: SenderIdentity): ComplianceCheck {
  const problems: ComplianceProblem[] = [];
  const lower = text.toLowerCase();
  if (!lower.includes(sender.agentName.toLowerCase())) problems.push('agent_name_missing');
  if (!lower.includes(sender.brokerage.toLowerCase())) problems.push('brokerage_missing');
  if (!mentionsNumber(text, sender.callbackNumber)) problems.push('callback_number_missing');
  if (!OPT_OUT.test(text) || !mentionsNumber(text, sender.optOutNumber ?? sender.callbackNumber)) problems.push('opt_out_missing');
  const words = countWords(text);
  if (words < MIN_WORDS) problems.push('too_short');
  if (words > MAX_WORDS) problems.push('too_long');
  return { ok: problems.length === 0, problems };
}

/**
 * Adds what the law requires and the writer left out: identity at the start, the callback number and
 * the opt-out line at the end. Length is only reported, never cut, so the agent sees it in review.
 */
export function enforceCompliance(text: string, sender: SenderIdentity): string {
  let result = text.trim();
  const lower = result.toLowerCase();
  if (!lower.includes(sender.agentName.toLowerCase()) || !lower.includes(sender.brokerage.toLowerCase())) {
    result = `This is ${sender.agentName} with ${sender.brokerage}. ${result}`;
  }
  if (!mentionsNumber(result, sender.callbackNumber)) result = `${result} You can reach me at ${sender.callbackNumber}.`;
  if (!OPT_OUT.test(result) || !mentionsNumber(result, sender.optOutNumber ?? sender.callbackNumber)) result = `${result} ${optOutLine(sender)}`;
  return result;
}
