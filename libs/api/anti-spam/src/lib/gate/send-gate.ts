import { CampaignSchedule, ChannelKind, evaluateSendWindow, recipientStates } from '@cadence/api-channel';
import { ConsentStatus, Contact } from '@cadence/api-contact';

/** Touches from another campaign closer than this are held back: one person, one agent, not a barrage. */
export const MIN_DAYS_BETWEEN_CAMPAIGN_TOUCHES = 3;
const DAY_MS = 24 * 3600 * 1000;

export enum GateReason {
  DoNotContact = 'do_not_contact',
  OptedOut = 'opted_out',
  Suppressed = 'suppressed',
  DoNotCall = 'dnc',
  NoConsent = 'no_consent',
  NoPhone = 'no_phone',
  NoEmail = 'no_email',
  QuietHours = 'quiet_hours',
  OutsideSchedule = 'outside_schedule',
  ScheduleEnded = 'schedule_ended',
  RecentTouch = 'recent_touch',
  BudgetExhausted = 'budget_exhausted',
  /** The agent's touch budget: N touches per contact per rolling 7 days, D days between touches. */
  TouchBudget = 'touch_budget',
  /** FL, OK and MD: at most 3 calls or texts per 24 hours. */
  StateDailyCap = 'state_daily_cap',
  /** Not scrubbed against the National DNC Registry in 31 days, or listed (agent's registry compliance on). */
  DncRegistry = 'dnc_registry',
  /** Outside the agent's own (narrower than legal) sending hours. */
  AgentQuietHours = 'agent_quiet_hours',
}

export type GateDecision =
  | { verdict: 'send'; address: string }
  | { verdict: 'skip'; reason: GateReason; message: string }
  /** `until` null: held until someone acts (a raised budget), not until a time. */
  | { verdict: 'defer'; reason: GateReason; message: string; until: Date | null; address: string };

export interface GateInput {
  channel: ChannelKind;
  contact: Contact;
  /** Addresses of this contact suppressed on this channel (provider opt-outs). */
  suppressed: ReadonlySet<string>;
  /** The campaign's schedule, or null: then only the legal calling hours apply. */
  schedule: CampaignSchedule | null;
  /** When this contact was last sent anything by another campaign of this agent. */
  lastOtherCampaignTouchAt: Date | null;
  budget: { limitMicros: number | null; spentMicros: number };
  estimatedCostMicros: number;
  now: Date;
}

const CONSENT_KEY = { sms: 'sms', voicemail: 'voice', email: 'email' } as const;

/**
 * Whether one message may go to one contact now, and to which address. Order: reasons that never
 * change on their own (skip) before reasons that pass with time or action (defer), so the stored
 * reason is the one the agent must act on. SMS and ringless voicemail need granted consent (TCPA; RVM
 * is a call with an artificial voice, FCC 22-85); email needs only the absence of a refusal (CAN-SPAM).
 */
export function evaluateSendGate(input: GateInput): GateDecision {
  const { channel, contact, now } = input;
  const skip = (reason: GateReason, message: string): GateDecision => ({ verdict: 'skip', reason, message });
  if (contact.doNotContact) return skip(GateReason.DoNotContact, 'The contact is marked do not contact');
  const key = CONSENT_KEY[channel];
  if (contact.optOuts?.[key]) return skip(GateReason.OptedOut, `The contact opted out of ${channel}`);
  const consent = contact.consent?.[key]?.status ?? ConsentStatus.Unknown;
  if (consent === ConsentStatus.Denied) return skip(GateReason.NoConsent, `The contact refused ${channel}`);
  if (channel !== 'email' && consent !== ConsentStatus.Granted) return skip(GateReason.NoConsent, `No recorded consent for ${channel === 'sms' ? 'text messages' : 'prerecorded voicemail'}`);

  let address: string;
  if (channel === 'email') {
    const emails = contact.emails ?? [];
    if (emails.length === 0) return skip(GateReason.NoEmail, 'The contact has no email address');
    const usable = emails.find((e) => !input.suppressed.has(e));
    if (!usable) return skip(GateReason.Suppressed, 'Every email address of the contact unsubscribed');
    address = usable;
  } else {
    const phones = contact.phones ?? [];
    if (phones.length === 0) return skip(GateReason.NoPhone, 'The contact has no phone number');
    const callable = phones.filter((p) => !p.dnc);
    if (callable.length === 0) return skip(GateReason.DoNotCall, 'Every number of the contact is on a do-not-call list');
    const usable = callable.find((p) => !input.suppressed.has(p.e164));
    if (!usable) return skip(GateReason.Suppressed, `Every callable number of the contact opted out of ${channel}`);
    address = usable.e164;
  }

  const defer = (reason: GateReason, message: string, until: Date | null): GateDecision => ({ verdict: 'defer', reason, message, until, address });
  if (input.budget.limitMicros !== null && input.budget.spentMicros + input.estimatedCostMicros > input.budget.limitMicros) {
    return defer(GateReason.BudgetExhausted, 'The campaign budget is spent', null);
  }
  if (input.lastOtherCampaignTouchAt && now.getTime() - input.lastOtherCampaignTouchAt.getTime() < MIN_DAYS_BETWEEN_CAMPAIGN_TOUCHES * DAY_MS) {
    const until = new Date(input.lastOtherCampaignTouchAt.getTime() + MIN_DAYS_BETWEEN_CAMPAIGN_TOUCHES * DAY_MS);
    return defer(GateReason.RecentTouch, `Another campaign reached the contact less than ${MIN_DAYS_BETWEEN_CAMPAIGN_TOUCHES} days ago`, until);
  }
  const zone = contact.timeZone ?? input.schedule?.timeZone ?? null;
  // A call or text to an FL/OK/MD area code keeps that state's 20:00 end, whatever the address says.
  const states = recipientStates(contact.propertyAddress?.state ?? contact.mailingAddress?.state, channel === 'email' ? null : address);
  const window = evaluateSendWindow(now, { timeZone: zone, ...states }, input.schedule ?? { timeZone: zone ?? 'America/New_York' });
  if (window.allowedNow) return { verdict: 'send', address };
  if (window.nextAllowedAt === null) return skip(GateReason.ScheduleEnded, 'The campaign schedule has ended');
  if (window.blockedBy === 'quiet_hours') return defer(GateReason.QuietHours, 'Outside the legal calling hours at the contact\'s location', window.nextAllowedAt);
  return defer(GateReason.OutsideSchedule, 'Outside the campaign\'s days or hours', window.nextAllowedAt);
}
