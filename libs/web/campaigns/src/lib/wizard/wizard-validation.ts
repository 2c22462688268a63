import type { CampaignResponseDto, CampaignType, StrategyType, UpdateCampaignRequestDto } from '@cadence/web-api-client';

/** Field name → the message shown under it; empty when the form may be sent. */
export type FormErrors<K extends string> = Partial<Record<K, string>>;

export function hasErrors(errors: FormErrors<string>): boolean {
  return Object.values(errors).some(Boolean);
}

// ── Basics ───────────────────────────────────────────────────────────────────────────────────────
export interface BasicsValues {
  name: string;
  type: CampaignType;
  neighborhood: string;
}

export function basicsOf(campaign: CampaignResponseDto | undefined): BasicsValues {
  return { name: campaign?.name ?? '', type: campaign?.type ?? 'custom', neighborhood: campaign?.neighborhood ?? '' };
}

export function validateBasics(values: BasicsValues): FormErrors<keyof BasicsValues> {
  const name = values.name.trim();
  return {
    name: !name ? 'Give the campaign a name.' : name.length > 200 ? 'Keep the name under 200 characters.' : undefined,
    neighborhood: values.neighborhood.trim().length > 120 ? 'Keep the neighborhood under 120 characters.' : undefined,
  };
}

// ── Strategies chosen ────────────────────────────────────────────────────────────────────────────
export const STRATEGY_TYPES: StrategyType[] = ['text', 'email', 'voicemail'];

export function validateChoice(types: readonly StrategyType[]): string | null {
  return types.length === 0 ? 'Choose at least one way to reach your contacts.' : null;
}

// The content of a strategy (steps, variants, sender) is checked in strategy-values.ts.

// ── Schedule and budget ──────────────────────────────────────────────────────────────────────────
export interface ScheduleValues {
  timeZone: string;
  startDate: string;
  endDate: string;
  dailyStart: string;
  dailyEnd: string;
  daysOfWeek: number[];
  dailyCap: string;
  budgetLimitUsd: string;
}

export type ScheduleField = keyof ScheduleValues;

export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'America/New_York';
  } catch {
    return 'America/New_York';
  }
}

export function scheduleValuesOf(campaign: CampaignResponseDto | undefined): ScheduleValues {
  const s = campaign?.schedule;
  return {
    timeZone: s?.timeZone ?? browserTimeZone(),
    startDate: s?.startDate ?? '',
    endDate: s?.endDate ?? '',
    dailyStart: s?.dailyStart ?? '09:00',
    dailyEnd: s?.dailyEnd ?? '19:00',
    daysOfWeek: s?.daysOfWeek ?? [1, 2, 3, 4, 5, 6],
    dailyCap: s?.dailyCap ? String(s.dailyCap) : '',
    budgetLimitUsd: campaign?.budget.limitUsd !== null && campaign?.budget.limitUsd !== undefined ? String(campaign.budget.limitUsd) : '',
  };
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

function isValidZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export function validateSchedule(v: ScheduleValues): FormErrors<ScheduleField> {
  const errors: FormErrors<ScheduleField> = {};
  if (!v.timeZone.trim()) errors.timeZone = 'Choose the time zone the schedule is written in.';
  else if (!isValidZone(v.timeZone)) errors.timeZone = `“${v.timeZone}” is not a time zone we know.`;
  if (v.startDate && !DATE.test(v.startDate)) errors.startDate = 'Use a date like 2026-12-01.';
  if (v.endDate && !DATE.test(v.endDate)) errors.endDate = 'Use a date like 2026-12-31.';
  if (!errors.startDate && !errors.endDate && v.startDate && v.endDate && v.endDate < v.startDate) {
    errors.endDate = 'The last day cannot be before the first day.';
  }
  if (Boolean(v.dailyStart) !== Boolean(v.dailyEnd)) {
    errors[v.dailyStart ? 'dailyEnd' : 'dailyStart'] = 'Give both ends of the daily window, or neither.';
  } else if (v.dailyStart && v.dailyEnd) {
    if (!TIME.test(v.dailyStart)) errors.dailyStart = 'Use a time like 09:00.';
    else if (!TIME.test(v.dailyEnd)) errors.dailyEnd = 'Use a time like 17:00.';
    else if (v.dailyEnd <= v.dailyStart) errors.dailyEnd = 'The window must end after it starts.';
  }
  if (v.daysOfWeek.length === 0) errors.daysOfWeek = 'Choose at least one day of the week.';
  if (v.dailyCap.trim()) {
    const cap = Number(v.dailyCap);
    if (!Number.isInteger(cap) || cap < 1) errors.dailyCap = 'The daily cap is a whole number of sends, at least 1.';
  }
  if (v.budgetLimitUsd.trim()) {
    const budget = Number(v.budgetLimitUsd);
    if (!Number.isFinite(budget) || budget < 0) errors.budgetLimitUsd = 'The budget is an amount in dollars, 0 or more.';
    else if (Math.round(budget * 100) !== budget * 100) errors.budgetLimitUsd = 'Use at most two decimals (cents).';
  }
  return errors;
}

export function scheduleRequestOf(v: ScheduleValues): UpdateCampaignRequestDto {
  const days = [...v.daysOfWeek].sort((a, b) => a - b);
  return {
    schedule: {
      timeZone: v.timeZone.trim(),
      startDate: v.startDate || null,
      endDate: v.endDate || null,
      dailyStart: v.dailyStart || null,
      dailyEnd: v.dailyEnd || null,
      // Every day is the same as no restriction; the API reads an absent list as every day.
      daysOfWeek: days.length === 7 ? null : days,
      dailyCap: v.dailyCap.trim() ? Number(v.dailyCap) : null,
    },
    budgetLimitUsd: v.budgetLimitUsd.trim() ? Number(v.budgetLimitUsd) : null,
  };
}
