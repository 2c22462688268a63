import type { CampaignResponseDto, CampaignType, CreateStrategyRequestDto, StrategyResponseDto, StrategyType, UpdateCampaignRequestDto } from '@cadence/web-api-client';
import { unknownMergeFields } from '../shared/merge-fields';

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

// ── Strategy content ─────────────────────────────────────────────────────────────────────────────
export type VoicemailSource = 'tts' | 'recording';

export interface StrategyValues {
  name: string;
  body: string;
  subject: string;
  html: string;
  text: string;
  fromName: string;
  fromEmail: string;
  replyTo: string;
  postalAddress: string;
  voicemailSource: VoicemailSource;
  voiceId: string;
  ttsBody: string;
  recordingMediaId: string;
}

export type StrategyField = keyof StrategyValues;

export const MAX_TTS_CHARACTERS = 1200;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const DEFAULT_NAMES: Record<StrategyType, string> = { text: 'Text message', email: 'Email', voicemail: 'Voicemail' };

export function strategyValuesOf(type: StrategyType, strategy: StrategyResponseDto | undefined, agentName = ''): StrategyValues {
  const variant = strategy?.steps[0]?.variants[0];
  const sender = strategy?.emailSender;
  return {
    name: strategy?.name ?? DEFAULT_NAMES[type],
    body: variant?.body ?? '',
    subject: variant?.subject ?? '',
    html: variant?.html ?? '',
    text: variant?.text ?? '',
    fromName: sender?.fromName ?? agentName,
    fromEmail: sender?.fromEmail ?? '',
    replyTo: sender?.replyTo ?? '',
    postalAddress: sender?.postalAddress ?? '',
    voicemailSource: variant?.recordingMediaId ? 'recording' : 'tts',
    voiceId: variant?.voiceId ?? '',
    ttsBody: variant?.ttsBody ?? '',
    recordingMediaId: variant?.recordingMediaId ?? '',
  };
}

function mergeFieldError(template: string): string | undefined {
  const unknown = unknownMergeFields(template);
  if (unknown.length === 0) return undefined;
  return `Unknown merge field${unknown.length > 1 ? 's' : ''}: ${unknown.map((f) => `{{${f}}}`).join(', ')}. Pick one from “Insert merge field”.`;
}

function required(value: string, message: string): string | undefined {
  return value.trim() ? undefined : message;
}

export function validateStrategy(type: StrategyType, v: StrategyValues): FormErrors<StrategyField> {
  const errors: FormErrors<StrategyField> = { name: required(v.name, 'Name this strategy.') };
  if (type === 'text') {
    errors.body = required(v.body, 'Write the text message.') ?? mergeFieldError(v.body) ?? (v.body.length > 1600 ? 'Keep the message under 1,600 characters.' : undefined);
  }
  if (type === 'email') {
    errors.fromName = required(v.fromName, 'Say who the email is from.');
    errors.fromEmail = !EMAIL.test(v.fromEmail.trim()) ? 'Enter the address the email is sent from.' : undefined;
    errors.replyTo = v.replyTo.trim() && !EMAIL.test(v.replyTo.trim()) ? 'Enter a valid reply-to address, or leave it empty.' : undefined;
    errors.postalAddress = v.postalAddress.trim().length < 5 ? 'The law (CAN-SPAM) wants your postal address in every email.' : undefined;
    errors.subject = required(v.subject, 'Write a subject.') ?? mergeFieldError(v.subject);
    errors.html = required(v.html, 'Write the email (HTML).') ?? mergeFieldError(v.html);
    errors.text = required(v.text, 'Write the plain-text version.') ?? mergeFieldError(v.text);
  }
  if (type === 'voicemail') {
    if (v.voicemailSource === 'tts') {
      errors.voiceId = required(v.voiceId, 'Choose the voice that reads the script.');
      errors.ttsBody =
        required(v.ttsBody, 'Write the script to be read.') ??
        mergeFieldError(v.ttsBody) ??
        (v.ttsBody.length > MAX_TTS_CHARACTERS ? `Drop Cowboy reads at most ${MAX_TTS_CHARACTERS.toLocaleString('en-US')} characters.` : undefined);
    } else {
      errors.recordingMediaId = required(v.recordingMediaId, 'Give the id of your uploaded recording.');
    }
  }
  return errors;
}

const orNull = (value: string) => (value.trim() ? value : null);

/** The request body of a one-step, one-variant strategy of `type`. */
export function strategyRequestOf(type: StrategyType, v: StrategyValues): CreateStrategyRequestDto {
  const variant =
    type === 'text'
      ? { key: 'A', weight: 1, body: v.body }
      : type === 'email'
        ? { key: 'A', weight: 1, subject: v.subject, html: v.html, text: v.text }
        : v.voicemailSource === 'tts'
          ? { key: 'A', weight: 1, voiceId: v.voiceId.trim(), ttsBody: v.ttsBody }
          : { key: 'A', weight: 1, recordingMediaId: v.recordingMediaId.trim() };
  return {
    type,
    name: v.name.trim(),
    steps: [{ delayDays: 0, variants: [variant] }],
    ...(type === 'email'
      ? { emailSender: { fromName: v.fromName.trim(), fromEmail: v.fromEmail.trim(), replyTo: orNull(v.replyTo.trim()), postalAddress: v.postalAddress.trim() } }
      : {}),
  };
}

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
