import { ApiError, isApiError } from '@cadence/web-api-client';
import type { RefObject } from 'react';

export type FieldErrors<F extends string> = Partial<Record<F, string>>;

export interface SubmitProblem<F extends string> {
  /** Messages the API gave for fields this form shows, shown under those fields. */
  fieldErrors: FieldErrors<F>;
  /** Anything else, shown above the form with the API's message and code. */
  formError: ApiError | null;
}

/** Splits a failed submit into per-field messages (from the API's `details`) and a form-level error. */
export function problemOf<F extends string>(error: unknown, fields: readonly F[]): SubmitProblem<F> {
  const apiError = toApiError(error);
  const fieldErrors: FieldErrors<F> = {};
  let unplaced = false;
  for (const { field, messages } of apiError.fieldErrors) {
    if ((fields as readonly string[]).includes(field)) {
      fieldErrors[field as F] = messages.map(sentence).join(' ');
    } else {
      unplaced = true;
    }
  }
  const placedAll = Object.keys(fieldErrors).length > 0 && !unplaced;
  return { fieldErrors, formError: placedAll ? null : apiError };
}

export function toApiError(error: unknown): ApiError {
  if (isApiError(error)) return error;
  const message = error instanceof Error ? error.message : 'Something went wrong.';
  return new ApiError(0, 'UNEXPECTED_ERROR', message);
}

/** Moves focus to the first field (in form order) that has an error, so keyboard users land on it. */
export function focusFirstError<F extends string>(
  errors: FieldErrors<F>,
  order: readonly F[],
  refs: Record<F, RefObject<HTMLElement | null>>,
): void {
  const first = order.find((field) => errors[field]);
  if (first) refs[first].current?.focus();
}

export function hasErrors<F extends string>(errors: FieldErrors<F>): boolean {
  return Object.values(errors).some(Boolean);
}

function sentence(message: string): string {
  const trimmed = message.trim();
  const capitalised = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capitalised) ? capitalised : `${capitalised}.`;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function isEmail(value: string): boolean {
  return EMAIL.test(value.trim());
}
