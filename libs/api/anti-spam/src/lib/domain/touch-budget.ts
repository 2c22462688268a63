const DAY_MS = 24 * 3600 * 1000;

/** States whose mini-TCPAs cap calls and texts at 3 per 24 h on the same subject (providers.md §6). */
export const THREE_PER_DAY_STATES: ReadonlySet<string> = new Set(['FL', 'OK', 'MD']);
export const STATE_DAILY_CAP = 3;

export interface TouchBudgetSettings {
  /** At most this many touches per contact in any rolling 7 days, across channels and campaigns; null = no cap. */
  maxTouchesPer7Days: number | null;
  /** At least this many days between two touches of one contact; 0 = no gap required. */
  minDaysBetweenTouches: number;
}

export const DEFAULT_TOUCH_BUDGET: TouchBudgetSettings = { maxTouchesPer7Days: null, minDaysBetweenTouches: 0 };

export interface Touch {
  at: Date;
  campaignId: string;
  channel: string;
}

export type TouchBudgetVerdict =
  | { allowed: true; touchesLast7Days: number }
  | { allowed: false; rule: 'weekly_budget' | 'min_gap' | 'state_daily_cap'; message: string; until: Date; touchesLast7Days: number };

/**
 * Whether one more touch of a contact fits the agent's budget and the state caps. `touches` are the
 * contact's sends (any channel, any campaign of this agent). `state` is the governing state of the
 * recipient: for a call or text, the strictest of the address's and the number's area code's
 * (`strictestState`), since FL, OK and MD protect numbers with their area codes wherever the address is.
 * The answer names the rule and when the touch would fit, so the plan and the execution can state it.
 */
export function evaluateTouchBudget(touches: readonly Touch[], settings: TouchBudgetSettings, state: string | null, countsAsCall: boolean, now: Date): TouchBudgetVerdict {
  const past = touches.filter((t) => t.at.getTime() <= now.getTime()).sort((a, b) => a.at.getTime() - b.at.getTime());
  const lastWeek = past.filter((t) => now.getTime() - t.at.getTime() < 7 * DAY_MS);
  const touchesLast7Days = lastWeek.length;

  // An unknown state may be FL, OK or MD: the safe rule caps it too (providers.md §0).
  if (countsAsCall && (state === null || THREE_PER_DAY_STATES.has(state))) {
    const lastDay = past.filter((t) => t.channel !== 'email' && now.getTime() - t.at.getTime() < DAY_MS);
    if (lastDay.length >= STATE_DAILY_CAP) {
      const until = new Date(lastDay[lastDay.length - STATE_DAILY_CAP].at.getTime() + DAY_MS);
      const who = state ? `${state} law allows` : `The recipient's state is unknown, so the strictest state rule applies:`;
      return { allowed: false, rule: 'state_daily_cap', message: `${who} at most ${STATE_DAILY_CAP} calls or texts per 24 hours`, until, touchesLast7Days };
    }
  }
  const last = past[past.length - 1];
  if (last && settings.minDaysBetweenTouches > 0 && now.getTime() - last.at.getTime() < settings.minDaysBetweenTouches * DAY_MS) {
    const until = new Date(last.at.getTime() + settings.minDaysBetweenTouches * DAY_MS);
    return { allowed: false, rule: 'min_gap', message: `The contact was touched less than ${settings.minDaysBetweenTouches} day(s) ago`, until, touchesLast7Days };
  }
  if (settings.maxTouchesPer7Days !== null && touchesLast7Days >= settings.maxTouchesPer7Days) {
    const until = new Date(lastWeek[lastWeek.length - settings.maxTouchesPer7Days].at.getTime() + 7 * DAY_MS);
    return { allowed: false, rule: 'weekly_budget', message: `The contact already had ${touchesLast7Days} touch(es) in the last 7 days (budget ${settings.maxTouchesPer7Days})`, until, touchesLast7Days };
  }
  return { allowed: true, touchesLast7Days };
}
