import { DateTime } from 'luxon';
import { ChannelErrorCode, ChannelException } from '../channel.exception';
import { stateOfPhone } from './phone-state';
import { normalizeState, US_STATE_TIME_ZONES, US_TIME_ZONES } from './us-time-zones';

export { stateOfPhone };

/**
 * When a message may go out: the law's quiet hours in the recipient's time zone (providers.md §6: TCPA
 * 08:00–21:00; Florida, Oklahoma and Maryland 08:00–20:00), intersected with the campaign's own schedule.
 */

export interface RecipientLocation {
  /** IANA zone of the contact (from ZIP, else area code); null when unknown. */
  timeZone: string | null;
  /** Two-letter state code of the contact's address; null when unknown. */
  state: string | null;
  /**
   * The state of the number being called (its area code). The FL/OK/MD rules reach numbers with their area
   * codes wherever the address is, so the stricter of the two states applies.
   */
  phoneState?: string | null;
}

export interface CampaignSchedule {
  /** Zone the campaign's dates, hours and days are written in (the agent's). */
  timeZone: string;
  /** First day, inclusive, `YYYY-MM-DD`. */
  startDate?: string | null;
  /** Last day, inclusive, `YYYY-MM-DD`. */
  endDate?: string | null;
  /** Daily window `HH:mm`–`HH:mm` (end exclusive, `24:00` allowed); both or neither. */
  dailyStart?: string | null;
  dailyEnd?: string | null;
  /** ISO weekdays, 1 = Monday … 7 = Sunday (0 is read as Sunday too). Absent = every day. */
  daysOfWeek?: readonly number[] | null;
}

export type SendWindowBlock = 'quiet_hours' | 'campaign_hours' | 'campaign_days' | 'campaign_dates';

export interface SendWindowDecision {
  allowedNow: boolean;
  /** `now` when allowed; else the first allowed instant; null when there is none (past the end date). */
  nextAllowedAt: Date | null;
  /** The first rule that holds the message at `now`, for the "deferred because…" reason. */
  blockedBy: SendWindowBlock | null;
}

export const QUIET_HOURS_START = '08:00';
export const QUIET_HOURS_END = '21:00';
export const STRICT_QUIET_HOURS_END = '20:00';
/** States whose mini-TCPA ends calling at 20:00 (and caps attempts at 3 per 24 h). */
export const STRICT_HOURS_STATES: readonly string[] = ['FL', 'OK', 'MD'];

function isStrictState(state: string | null): boolean {
  return state !== null && STRICT_HOURS_STATES.includes(state);
}

/**
 * The state whose rules govern a recipient when the address and the number's area code may disagree:
 * FL, OK or MD if either is one (strictest wins: a 305 number with a CA address is treated as FL),
 * else the address's state, else the number's; null when neither is known.
 */
export function strictestState(addressState: string | null | undefined, phoneState: string | null | undefined): string | null {
  const address = normalizeState(addressState);
  const phone = normalizeState(phoneState);
  if (isStrictState(address)) return address;
  if (isStrictState(phone)) return phone;
  return address ?? phone;
}

/** The contact's address state and the state of the number a call or text goes to (null for email). */
export function recipientStates(addressState: string | null | undefined, phoneE164: string | null | undefined): { state: string | null; phoneState: string | null } {
  return { state: normalizeState(addressState), phoneState: stateOfPhone(phoneE164) };
}

/** A year and a bit: a window that never opens within it (hours that miss the quiet hours) never will. */
const SEARCH_HORIZON_MS = 400 * 24 * 3600 * 1000;
const MAX_STEPS = 20_000;

export interface QuietHours {
  zones: string[];
  start: string;
  end: string;
}

/**
 * The quiet-hours rule that applies to a recipient. An unknown address state may be FL/OK/MD, so it gets
 * 20:00 (providers.md §0: the safe window without a state is 08:00–20:00); so does a number with an FL, OK
 * or MD area code, whatever the address says. An unknown zone means the window must hold in every zone the
 * recipient could be in: those of its address's and number's states, or every US zone.
 */
export function quietHoursFor(recipient: RecipientLocation): QuietHours {
  const state = normalizeState(recipient.state);
  const phoneState = normalizeState(recipient.phoneState);
  const end = state === null || isStrictState(state) || isStrictState(phoneState) ? STRICT_QUIET_HOURS_END : QUIET_HOURS_END;
  const zone = recipient.timeZone && isValidZone(recipient.timeZone) ? recipient.timeZone : null;
  const stateZones = state ? [...new Set([state, phoneState].flatMap((s) => (s ? (US_STATE_TIME_ZONES[s] as readonly string[]) : [])))] : null;
  const zones = zone ? [zone] : (stateZones ?? [...US_TIME_ZONES]);
  return { zones, start: QUIET_HOURS_START, end };
}

export function nextAllowedSendTime(now: Date, recipient: RecipientLocation, schedule: CampaignSchedule): Date | null {
  return evaluateSendWindow(now, recipient, schedule).nextAllowedAt;
}

export function evaluateSendWindow(now: Date, recipient: RecipientLocation, schedule: CampaignSchedule): SendWindowDecision {
  const problems = validateCampaignSchedule(schedule);
  if (problems.length > 0) throw new ChannelException(ChannelErrorCode.InvalidSchedule, `Invalid campaign schedule: ${problems.join('; ')}`, problems);
  // Order matters only for `blockedBy`: an ended campaign says so before any hour rule does.
  const constraints = [...dateConstraints(schedule), ...quietHourConstraints(recipient), ...scheduleConstraints(schedule)];
  const start = now.getTime();
  const blocking = constraints.find((c) => c.nextAllowed(start) !== start);
  const next = earliestCommonInstant(start, constraints);
  return { allowedNow: blocking === undefined, nextAllowedAt: next === null ? null : new Date(next), blockedBy: blocking?.block ?? null };
}

/** What a save must refuse; empty when the schedule is usable. */
export function validateCampaignSchedule(schedule: CampaignSchedule): string[] {
  const problems: string[] = [];
  if (!isValidZone(schedule.timeZone)) problems.push(`timeZone "${schedule.timeZone}" is not an IANA time zone`);
  const zone = isValidZone(schedule.timeZone) ? schedule.timeZone : 'UTC';
  for (const key of ['startDate', 'endDate'] as const) {
    const value = schedule[key];
    if (value && !DateTime.fromISO(value, { zone }).isValid) problems.push(`${key} "${value}" is not a YYYY-MM-DD date`);
  }
  if (schedule.startDate && schedule.endDate && schedule.endDate < schedule.startDate) problems.push('endDate is before startDate');
  const hasStart = Boolean(schedule.dailyStart);
  const hasEnd = Boolean(schedule.dailyEnd);
  if (hasStart !== hasEnd) problems.push('dailyStart and dailyEnd go together');
  if (hasStart && hasEnd) {
    const from = minutesOf(schedule.dailyStart as string);
    const to = minutesOf(schedule.dailyEnd as string);
    if (from === null) problems.push(`dailyStart "${schedule.dailyStart}" is not HH:mm`);
    if (to === null) problems.push(`dailyEnd "${schedule.dailyEnd}" is not HH:mm`);
    if (from !== null && to !== null && to <= from) problems.push('dailyEnd must be after dailyStart (overnight windows are not allowed)');
  }
  if (schedule.daysOfWeek) {
    if (schedule.daysOfWeek.length === 0) problems.push('daysOfWeek is empty');
    const bad = schedule.daysOfWeek.filter((d) => !Number.isInteger(d) || d < 0 || d > 7);
    if (bad.length > 0) problems.push(`daysOfWeek has ${bad.join(', ')}; use 1 (Monday) to 7 (Sunday)`);
  }
  return problems;
}

interface Constraint {
  block: SendWindowBlock;
  /** `t` itself when allowed at `t`, else the first allowed instant after it, or null if none. */
  nextAllowed(t: number): number | null;
}

/**
 * Moves `t` forward to each rule's next allowed instant until every rule allows it. No rule's next
 * instant can pass the earliest instant all allow, so the first fixed point is that instant.
 */
function earliestCommonInstant(start: number, constraints: Constraint[]): number | null {
  let t = start;
  for (let step = 0; step < MAX_STEPS; step++) {
    let moved = false;
    for (const constraint of constraints) {
      const next = constraint.nextAllowed(t);
      if (next === null) return null;
      if (next > t) {
        t = next;
        moved = true;
      }
    }
    if (!moved) return t;
    if (t - start > SEARCH_HORIZON_MS) return null;
  }
  return null;
}

function quietHourConstraints(recipient: RecipientLocation): Constraint[] {
  const { zones, start, end } = quietHoursFor(recipient);
  return zones.map((zone) => dailyWindow(zone, minutesOf(start) as number, minutesOf(end) as number, 'quiet_hours'));
}

function dateConstraints(schedule: CampaignSchedule): Constraint[] {
  return schedule.startDate || schedule.endDate ? [dateRange(schedule.timeZone, schedule.startDate ?? null, schedule.endDate ?? null)] : [];
}

function scheduleConstraints(schedule: CampaignSchedule): Constraint[] {
  const zone = schedule.timeZone;
  const constraints: Constraint[] = [];
  if (schedule.daysOfWeek) constraints.push(weekdays(zone, schedule.daysOfWeek));
  if (schedule.dailyStart && schedule.dailyEnd) {
    constraints.push(dailyWindow(zone, minutesOf(schedule.dailyStart) as number, minutesOf(schedule.dailyEnd) as number, 'campaign_hours'));
  }
  return constraints;
}

/** Allowed while the local wall clock is in [from, to) minutes of the day. */
function dailyWindow(zone: string, from: number, to: number, block: SendWindowBlock): Constraint {
  return {
    block,
    nextAllowed(t) {
      const local = DateTime.fromMillis(t, { zone });
      const minute = local.hour * 60 + local.minute + (local.second * 1000 + local.millisecond) / 60_000;
      if (minute >= from && minute < to) return t;
      const day = minute < from ? local.startOf('day') : local.startOf('day').plus({ days: 1 });
      return firstInstantFrom(day, from).toMillis();
    },
  };
}

/** The instant the wall clock of `day` reaches `minuteOfDay`; for a time inside a spring-forward gap, the gap's end. */
function firstInstantFrom(day: DateTime, minuteOfDay: number): DateTime {
  const candidate = day.set({ hour: Math.floor(minuteOfDay / 60), minute: minuteOfDay % 60 });
  if (candidate.hour * 60 + candidate.minute === minuteOfDay) return candidate;
  // Luxon moves a time inside the gap forward by the gap's length; step back to where the new offset began.
  let instant = candidate;
  for (let i = 0; i < 24 * 60 && instant.minus({ minutes: 1 }).offset === candidate.offset; i++) instant = instant.minus({ minutes: 1 });
  return instant;
}

function weekdays(zone: string, days: readonly number[]): Constraint {
  const allowed = new Set(days.map((d) => (d === 0 ? 7 : d)));
  return {
    block: 'campaign_days',
    nextAllowed(t) {
      const local = DateTime.fromMillis(t, { zone });
      if (allowed.has(local.weekday)) return t;
      for (let ahead = 1; ahead <= 7; ahead++) {
        const day = local.startOf('day').plus({ days: ahead });
        if (allowed.has(day.weekday)) return day.toMillis();
      }
      return null;
    },
  };
}

function dateRange(zone: string, startDate: string | null, endDate: string | null): Constraint {
  const start = startDate ? DateTime.fromISO(startDate, { zone }).startOf('day').toMillis() : -Infinity;
  const end = endDate ? DateTime.fromISO(endDate, { zone }).startOf('day').plus({ days: 1 }).toMillis() : Infinity;
  return {
    block: 'campaign_dates',
    nextAllowed(t) {
      if (t >= end) return null;
      return t < start ? start : t;
    },
  };
}

function minutesOf(hhmm: string): number | null {
  const match = /^([01]\d|2[0-4]):([0-5]\d)$/.exec(hhmm);
  if (!match) return null;
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  return minutes <= 24 * 60 ? minutes : null;
}

export function isValidZone(zone: string): boolean {
  return DateTime.now().setZone(zone).isValid;
}
