import type { ApiError } from '@cadence/web-api-client';
import type { StrategyErrors, StrategyValues, VariantField } from './strategy-values';
import { stepPath, variantPath } from './strategy-values';

interface Occurrence {
  step: number;
  variant: string;
  part: VariantField;
  name: string;
  suggestion?: string;
}

const VARIANT_FIELDS = new Set<string>(['body', 'subject', 'html', 'text', 'ttsBody', 'voiceId', 'recordingMediaId']);

/** Where the API's own words go: its paths are ours, except the sender, which the form shows flat. */
function fieldOf(apiField: string): string {
  return apiField.startsWith('emailSender.') ? apiField.slice('emailSender.'.length) : apiField;
}

function variantIndex(values: StrategyValues, step: number, key: string): number {
  return values.steps[step]?.variants.findIndex((v) => v.key === key) ?? -1;
}

/**
 * The API's refusal of a strategy, placed on the fields it is about: VALIDATION_FAILED by its paths,
 * STRATEGY_UNKNOWN_MERGE_FIELD by its occurrences, STRATEGY_INVALID_CONTENT by the "step N variant K"
 * its problems start with. What cannot be placed stays in the alert only, which shows the whole message.
 */
export function strategyErrorsOf(error: ApiError, values: StrategyValues): StrategyErrors {
  const errors: StrategyErrors = {};
  const add = (path: string, message: string) => {
    errors[path] = errors[path] ? `${errors[path]} ${message}` : message;
  };
  if (error.code === 'VALIDATION_FAILED') {
    for (const f of error.fieldErrors) add(fieldOf(f.field), f.messages.join(', '));
  }
  if (error.code === 'STRATEGY_UNKNOWN_MERGE_FIELD') {
    const occurrences = ((error.details as { occurrences?: Occurrence[] } | undefined)?.occurrences ?? []).filter((o) => typeof o.step === 'number');
    for (const o of occurrences) {
      const j = variantIndex(values, o.step, o.variant);
      if (j >= 0) add(variantPath(o.step, j, o.part), `Unknown merge field: {{${o.name}}}${o.suggestion ? ` (did you mean {{${o.suggestion}}}?)` : ''}.`);
    }
  }
  if (error.code === 'STRATEGY_INVALID_CONTENT') {
    const problems = (error.details as { problems?: unknown[] } | undefined)?.problems ?? [];
    for (const problem of problems) {
      if (typeof problem !== 'string') continue;
      const inVariant = /^step (\d+) variant ([A-Z]{1,2})(?: (\w+))?: (.+)$/.exec(problem);
      if (inVariant) {
        const step = Number(inVariant[1]) - 1;
        const j = variantIndex(values, step, inVariant[2]);
        const field = inVariant[3] ?? inVariant[4].split(' ')[0];
        if (j >= 0) add(variantPath(step, j, VARIANT_FIELDS.has(field) ? (field as VariantField) : undefined), inVariant[4]);
        continue;
      }
      const inStep = /^step (\d+): (.+)$/.exec(problem);
      if (inStep) add(stepPath(Number(inStep[1]) - 1, 'variants'), inStep[2]);
    }
  }
  return errors;
}
