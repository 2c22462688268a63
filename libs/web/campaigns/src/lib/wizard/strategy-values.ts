import type { CreateStrategyRequestDto, StrategyResponseDto, StrategyType, StrategyVariantRequestDto, StrategyVariantResponseDto } from '@cadence/web-api-client';
import { unknownMergeFields } from '../shared/merge-fields';
import type { FormErrors } from './wizard-validation';

/** The API's limits (libs/api/strategy dto/strategy.request.dto.ts); the form enforces them before a save. */
export const MAX_STEPS = 10;
export const MAX_VARIANTS = 5;
export const MAX_DELAY_DAYS = 365;
export const MAX_WEIGHT = 100;
export const MAX_TTS_CHARACTERS = 1200;
const VARIANT_KEYS = ['A', 'B', 'C', 'D', 'E'] as const;

export type VoicemailSource = 'tts' | 'recording';

/** One A/B variant as the form edits it; numbers stay text until they are checked. */
export interface VariantValues {
  key: string;
  weight: string;
  body: string;
  subject: string;
  html: string;
  text: string;
  voicemailSource: VoicemailSource;
  voiceId: string;
  ttsBody: string;
  recordingMediaId: string;
}

export type VariantField = Exclude<keyof VariantValues, 'key'>;

export interface StepValues {
  /** Keeps React's identity of a step while steps are added, removed and moved. */
  id: string;
  delayDays: string;
  variants: VariantValues[];
}

export interface StrategyValues {
  name: string;
  fromName: string;
  fromEmail: string;
  replyTo: string;
  postalAddress: string;
  steps: StepValues[];
}

export type SenderField = 'name' | 'fromName' | 'fromEmail' | 'replyTo' | 'postalAddress';

/**
 * Errors keyed by the same dotted paths the API uses in a VALIDATION_FAILED's `details`
 * (`steps.1.variants.0.weight`), so the API's answer lands on the field that caused it.
 */
export type StrategyErrors = FormErrors<string>;

export const stepPath = (step: number, field?: 'delayDays' | 'variants') => `steps.${step}${field ? `.${field}` : ''}`;
export const variantPath = (step: number, variant: number, field?: VariantField) => `steps.${step}.variants.${variant}${field ? `.${field}` : ''}`;

const DEFAULT_NAMES: Record<StrategyType, string> = { text: 'Text message', email: 'Email', voicemail: 'Voicemail' };

let nextStepId = 0;
const newStepId = () => `step-${++nextStepId}`;

export function emptyVariant(key: string, weight = 100): VariantValues {
  return { key, weight: String(weight), body: '', subject: '', html: '', text: '', voicemailSource: 'tts', voiceId: '', ttsBody: '', recordingMediaId: '' };
}

function variantValuesOf(v: StrategyVariantResponseDto): VariantValues {
  return {
    key: v.key,
    weight: String(v.weight),
    body: v.body ?? '',
    subject: v.subject ?? '',
    html: v.html ?? '',
    text: v.text ?? '',
    voicemailSource: v.recordingMediaId ? 'recording' : 'tts',
    voiceId: v.voiceId ?? '',
    ttsBody: v.ttsBody ?? '',
    recordingMediaId: v.recordingMediaId ?? '',
  };
}

export function strategyValuesOf(type: StrategyType, strategy: StrategyResponseDto | undefined, agentName = ''): StrategyValues {
  const sender = strategy?.emailSender;
  const steps = strategy?.steps.length
    ? strategy.steps.map((step) => ({ id: newStepId(), delayDays: String(step.delayDays), variants: step.variants.map(variantValuesOf) }))
    : [{ id: newStepId(), delayDays: '0', variants: [emptyVariant('A')] }];
  return {
    name: strategy?.name ?? DEFAULT_NAMES[type],
    fromName: sender?.fromName ?? agentName,
    fromEmail: sender?.fromEmail ?? '',
    replyTo: sender?.replyTo ?? '',
    postalAddress: sender?.postalAddress ?? '',
    steps,
  };
}

// ── Editing the sequence ─────────────────────────────────────────────────────────────────────────

/** A new last step, three days after the one before (a common follow-up rhythm), with one empty variant. */
export function addStep(values: StrategyValues): StrategyValues {
  if (values.steps.length >= MAX_STEPS) return values;
  return { ...values, steps: [...values.steps, { id: newStepId(), delayDays: '3', variants: [emptyVariant('A')] }] };
}

export function removeStep(values: StrategyValues, index: number): StrategyValues {
  if (values.steps.length <= 1) return values;
  const steps = values.steps.filter((_, i) => i !== index);
  // The first step always goes at deploy; a follow-up that moves up to first place keeps that timing.
  if (index === 0) steps[0] = { ...steps[0], delayDays: values.steps[0].delayDays };
  return { ...values, steps };
}

/**
 * Moves a step's messages up or down. The timeline stays where it was (step 2 still goes three days
 * after step 1): agents reorder what is said, and a moved first step must not start with a delay.
 */
export function moveStep(values: StrategyValues, index: number, by: -1 | 1): StrategyValues {
  const other = index + by;
  if (other < 0 || other >= values.steps.length) return values;
  const steps = [...values.steps];
  steps[index] = { ...values.steps[other], delayDays: values.steps[index].delayDays };
  steps[other] = { ...values.steps[index], delayDays: values.steps[other].delayDays };
  return { ...values, steps };
}

export function updateStep(values: StrategyValues, index: number, change: Partial<StepValues>): StrategyValues {
  return { ...values, steps: values.steps.map((s, i) => (i === index ? { ...s, ...change } : s)) };
}

/** The steps and variants in their order, to notice when positions (and so error paths) change. */
export function shapeOf(values: StrategyValues): string {
  return values.steps.map((s) => `${s.id}:${s.variants.map((v) => v.key).join('')}`).join('|');
}

/** Evenly split whole percentages that add up to 100 (34/33/33), the way agents think of a split. */
export function evenWeights(count: number): number[] {
  return Array.from({ length: count }, (_, i) => Math.floor(100 / count) + (i < 100 % count ? 1 : 0));
}

/** The first letter no variant of the step uses yet. */
export function nextVariantKey(step: StepValues): string {
  return VARIANT_KEYS.find((k) => !step.variants.some((v) => v.key === k)) as string;
}

/** Adds the next free letter and splits the contacts evenly again across all variants. */
export function addVariant(values: StrategyValues, stepIndex: number): StrategyValues {
  const step = values.steps[stepIndex];
  if (!step || step.variants.length >= MAX_VARIANTS) return values;
  const key = nextVariantKey(step);
  const weights = evenWeights(step.variants.length + 1);
  const variants = [...step.variants, emptyVariant(key)].map((v, i) => ({ ...v, weight: String(weights[i]) }));
  return updateStep(values, stepIndex, { variants });
}

/** Removes a variant; the others keep their letters (results are reported per letter) and share evenly. */
export function removeVariant(values: StrategyValues, stepIndex: number, variantIndex: number): StrategyValues {
  const step = values.steps[stepIndex];
  if (!step || step.variants.length <= 1) return values;
  const kept = step.variants.filter((_, i) => i !== variantIndex);
  const weights = evenWeights(kept.length);
  return updateStep(values, stepIndex, { variants: kept.map((v, i) => ({ ...v, weight: String(weights[i]) })) });
}

export function updateVariant(values: StrategyValues, stepIndex: number, variantIndex: number, next: VariantValues): StrategyValues {
  const step = values.steps[stepIndex];
  return updateStep(values, stepIndex, { variants: step.variants.map((v, i) => (i === variantIndex ? next : v)) });
}

/**
 * The share of contacts each variant gets, in whole percent. The API treats weights as relative
 * shares (60 and 60 is a 50/50 split), so the form shows what they amount to rather than demanding 100.
 */
export function sharesOf(variants: readonly VariantValues[]): (number | null)[] {
  const weights = variants.map((v) => wholeNumber(v.weight));
  if (weights.some((w) => w === null || w < 1)) return weights.map(() => null);
  const total = (weights as number[]).reduce((a, b) => a + b, 0);
  return (weights as number[]).map((w) => Math.round((w / total) * 100));
}

/** "sent at deploy", "3 days after step 1", "the same day as step 2". */
export function timingOf(index: number, delayDays: string): string {
  const days = wholeNumber(delayDays) ?? 0;
  if (index === 0) return days === 0 ? 'sent at launch' : `${days} day${days === 1 ? '' : 's'} after launch`;
  if (days === 0) return `the same day as step ${index}`;
  return `${days} day${days === 1 ? '' : 's'} after step ${index}`;
}

// ── Checking ─────────────────────────────────────────────────────────────────────────────────────

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function wholeNumber(value: string): number | null {
  return /^\s*\d+\s*$/.test(value) ? Number(value) : null;
}

function mergeFieldError(template: string): string | undefined {
  const unknown = unknownMergeFields(template);
  if (unknown.length === 0) return undefined;
  return `Unknown merge field${unknown.length > 1 ? 's' : ''}: ${unknown.map((f) => `{{${f}}}`).join(', ')}. Pick one from “Insert merge field”.`;
}

function required(value: string, message: string): string | undefined {
  return value.trim() ? undefined : message;
}

function validateVariant(type: StrategyType, v: VariantValues, several: boolean): FormErrors<VariantField> {
  const errors: FormErrors<VariantField> = {};
  if (several) {
    const weight = wholeNumber(v.weight);
    if (weight === null || weight < 1 || weight > MAX_WEIGHT) errors.weight = `A whole number from 1 to ${MAX_WEIGHT}.`;
  }
  if (type === 'text') {
    errors.body = required(v.body, 'Write the text message.') ?? mergeFieldError(v.body) ?? (v.body.length > 1600 ? 'Keep the message under 1,600 characters.' : undefined);
  }
  if (type === 'email') {
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

export function validateStrategy(type: StrategyType, v: StrategyValues): StrategyErrors {
  const errors: StrategyErrors = { name: required(v.name, 'Name this strategy.') };
  if (type === 'email') {
    errors['fromName'] = required(v.fromName, 'Say who the email is from.');
    errors['fromEmail'] = !EMAIL.test(v.fromEmail.trim()) ? 'Enter the address the email is sent from.' : undefined;
    errors['replyTo'] = v.replyTo.trim() && !EMAIL.test(v.replyTo.trim()) ? 'Enter a valid reply-to address, or leave it empty.' : undefined;
    errors['postalAddress'] = v.postalAddress.trim().length < 5 ? 'The law (CAN-SPAM) wants your postal address in every email.' : undefined;
  }
  v.steps.forEach((step, i) => {
    const delay = wholeNumber(step.delayDays);
    if (delay === null || delay > MAX_DELAY_DAYS) errors[stepPath(i, 'delayDays')] = `A whole number of days from 0 to ${MAX_DELAY_DAYS}.`;
    step.variants.forEach((variant, j) => {
      for (const [field, message] of Object.entries(validateVariant(type, variant, step.variants.length > 1))) {
        errors[variantPath(i, j, field as VariantField)] = message;
      }
    });
  });
  return errors;
}

// ── The request ──────────────────────────────────────────────────────────────────────────────────

const orNull = (value: string) => (value.trim() ? value : null);

function variantRequestOf(type: StrategyType, v: VariantValues, several: boolean): StrategyVariantRequestDto {
  // A lone variant gets every contact whatever its weight; 1 is the API's default.
  const head = { key: v.key, weight: several ? Number(v.weight) : 1 };
  if (type === 'text') return { ...head, body: v.body };
  if (type === 'email') return { ...head, subject: v.subject, html: v.html, text: v.text };
  return v.voicemailSource === 'tts' ? { ...head, voiceId: v.voiceId.trim(), ttsBody: v.ttsBody } : { ...head, recordingMediaId: v.recordingMediaId.trim() };
}

/** The request body of the whole sequence: every step with its delay and its weighted variants. */
export function strategyRequestOf(type: StrategyType, v: StrategyValues): CreateStrategyRequestDto {
  return {
    type,
    name: v.name.trim(),
    steps: v.steps.map((step) => ({
      delayDays: Number(step.delayDays),
      variants: step.variants.map((variant) => variantRequestOf(type, variant, step.variants.length > 1)),
    })),
    ...(type === 'email'
      ? { emailSender: { fromName: v.fromName.trim(), fromEmail: v.fromEmail.trim(), replyTo: orNull(v.replyTo.trim()), postalAddress: v.postalAddress.trim() } }
      : {}),
  };
}
