import { stateOfPhone, strictestState } from '@cadence/api-channel';
import { Contact } from '@cadence/api-contact';
import { DateTime } from 'luxon';
import { DncScrub, evaluateDncScrub } from '../domain/dnc-scrub';
import { evaluateTouchBudget, Touch, TouchBudgetSettings } from '../domain/touch-budget';
import { GateReason } from './send-gate';

export interface AgentRulesInput {
  channel: 'sms' | 'email' | 'voicemail';
  contact: Contact;
  /** The number or email the send would go to. */
  address: string;
  settings: { quietHours: { start: string; end: string }; touchBudget: TouchBudgetSettings; dncRegistryCompliance: boolean };
  /** The contact's sends in the last 7 days, any channel, any campaign of this agent. */
  touches: readonly Touch[];
  dncScrub: DncScrub | null;
  /** The zone to read quiet hours in when the contact has none. */
  fallbackTimeZone: string;
  now: Date;
}

export type AgentRulesDecision = { verdict: 'pass'; touchesLast7Days: number } | { verdict: 'skip' | 'defer'; reason: GateReason; message: string; until: Date | null };

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + m;
}

/** The start of the agent's window at or after `now` in `zone`, when `now` falls outside it; null inside. */
function outsideQuietHours(now: Date, zone: string, start: string, end: string): Date | null {
  const local = DateTime.fromJSDate(now, { zone });
  const minute = local.hour * 60 + local.minute;
  if (minute >= minutesOf(start) && minute < minutesOf(end)) return null;
  const [h, m] = start.split(':').map(Number);
  let next = local.set({ hour: h, minute: m, second: 0, millisecond: 0 });
  if (next <= local) next = next.plus({ days: 1 });
  return next.toJSDate();
}

/**
 * The agent's own rules on top of the legal gate (evaluateSendGate): registry scrubs for calls and
 * voicemails, the agent's sending hours, the touch budget across campaigns and channels, and the
 * FL/OK/MD three-per-day cap. Each refusal names its rule and, when it passes with time, until when.
 */
export function evaluateAgentRules(input: AgentRulesInput): AgentRulesDecision {
  const { channel, contact, now } = input;
  // The registry covers telephone calls; ringless voicemail is one (FCC 22-85). Texts are covered by consent here.
  if (channel === 'voicemail') {
    const dnc = evaluateDncScrub(input.dncScrub, input.settings.dncRegistryCompliance, now);
    if (dnc.allowed === false) return { verdict: 'skip', reason: GateReason.DncRegistry, message: dnc.message, until: null };
  }
  const zone = contact.timeZone ?? input.fallbackTimeZone;
  const reopen = outsideQuietHours(now, zone, input.settings.quietHours.start, input.settings.quietHours.end);
  if (reopen) return { verdict: 'defer', reason: GateReason.AgentQuietHours, message: `Outside your sending hours (${input.settings.quietHours.start}–${input.settings.quietHours.end} at the contact's location)`, until: reopen };
  const state = strictestState(contact.propertyAddress?.state ?? contact.mailingAddress?.state, channel === 'email' ? null : stateOfPhone(input.address));
  const budget = evaluateTouchBudget(input.touches, input.settings.touchBudget, state, channel !== 'email', now);
  if (budget.allowed === false) return { verdict: 'defer', reason: budget.rule === 'state_daily_cap' ? GateReason.StateDailyCap : GateReason.TouchBudget, message: budget.message, until: budget.until };
  return { verdict: 'pass', touchesLast7Days: budget.touchesLast7Days };
}
