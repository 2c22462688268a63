/** The hour (0–23) at `at` in `timeZone`. */
export function hourIn(timeZone: string, at: Date): number {
  return Number(new Intl.DateTimeFormat('en-US', { hour: 'numeric', hourCycle: 'h23', timeZone }).format(at));
}

/**
 * Minutes to move the stack's clock (CLOCK_OFFSET_MINUTES) so that New York is comfortably inside
 * legal calling hours (09:00–20:00, an hour of margin for the test run): 0 when it already is, else
 * forward to the next 17:00 UTC (noon or 1 pm in New York). Forward, so dates the browser picks as
 * "today" are never in the stack's future.
 */
export function clockOffsetIntoCallingHours(now: Date): number {
  const hour = hourIn('America/New_York', now);
  if (hour >= 9 && hour < 20) return 0;
  const target = new Date(now);
  target.setUTCHours(17, 0, 0, 0);
  if (target.getTime() <= now.getTime()) target.setUTCDate(target.getUTCDate() + 1);
  return Math.ceil((target.getTime() - now.getTime()) / 60_000);
}

/** The stack's "now", as the tests must reason about it. */
export function stackNow(): Date {
  return new Date(Date.now() + Number(process.env['E2E_CLOCK_OFFSET_MINUTES'] ?? 0) * 60_000);
}
