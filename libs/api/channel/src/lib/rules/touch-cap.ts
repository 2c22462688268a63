import { DateTime } from 'luxon';
import { normalizeState } from './us-time-zones';
import { STRICT_HOURS_STATES } from './send-window';

/**
 * Cap arithmetic. A daily cap counts sends per local calendar day of a zone (a DST day has 23 or 25
 * hours); the FL/OK/MD rule counts attempts in any rolling 24 hours (providers.md §6).
 */

/** The local day (`YYYY-MM-DD`) a send at `instant` counts towards in `zone`. */
export function localDayOf(instant: Date, zone: string): string {
  return DateTime.fromJSDate(instant, { zone }).toISODate() as string;
}

/** [start, end) of a local day in `zone`. */
export function localDayRange(day: string, zone: string): { start: Date; end: Date } {
  const start = DateTime.fromISO(day, { zone }).startOf('day');
  return { start: start.toJSDate(), end: start.plus({ days: 1 }).toJSDate() };
}

export interface CapCheck {
  allowed: boolean;
  used: number;
  remaining: number;
  /** `now` when allowed, else when the next send fits under the cap. */
  nextAllowedAt: Date;
}

/** At most `cap` sends per local day of `zone`; a full day reopens at the next local midnight. */
export function checkDailyCap(input: { sentAt: readonly Date[]; now: Date; zone: string; cap: number }): CapCheck & { day: string } {
  const day = localDayOf(input.now, input.zone);
  const { start, end } = localDayRange(day, input.zone);
  const used = input.sentAt.filter((t) => t >= start && t < end).length;
  const allowed = used < input.cap;
  return { day, allowed, used, remaining: Math.max(0, input.cap - used), nextAllowedAt: allowed ? input.now : end };
}

/** At most `limit` attempts in any window of `windowHours`; when full, the next fits once the oldest counted one leaves. */
export function checkRollingCap(input: { sentAt: readonly Date[]; now: Date; limit: number; windowHours: number }): CapCheck {
  const windowMs = input.windowHours * 3600 * 1000;
  const now = input.now.getTime();
  const recent = input.sentAt
    .map((t) => t.getTime())
    .filter((t) => t > now - windowMs && t <= now)
    .sort((a, b) => a - b);
  const used = recent.length;
  if (used < input.limit) return { allowed: true, used, remaining: input.limit - used, nextAllowedAt: input.now };
  const freeingAttempt = recent[used - input.limit] as number;
  return { allowed: false, used, remaining: 0, nextAllowedAt: new Date(freeingAttempt + windowMs) };
}

/**
 * The state's attempt cap: FL, OK and MD allow 3 per 24 h on the same subject. An unknown address state may
 * be one of them, so it gets the same cap (providers.md §0); so does a number whose area code is FL, OK or
 * MD (`phoneState`), whatever the address. Other states return null (no state cap).
 */
export function stateAttemptLimit(state: string | null, phoneState: string | null = null): { limit: number; windowHours: number } | null {
  const code = normalizeState(state);
  const strict = (s: string | null) => s !== null && STRICT_HOURS_STATES.includes(s);
  return code === null || strict(code) || strict(normalizeState(phoneState)) ? { limit: 3, windowHours: 24 } : null;
}
