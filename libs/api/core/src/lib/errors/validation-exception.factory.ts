import { ValidationError } from 'class-validator';
import { CoreErrorCode } from './core-error-code';
import { ValidationException } from './core.exception';

export interface FieldError {
  field: string;
  messages: string[];
}

/** Flattens nested class-validator errors into `field.path: messages`, the `details` of a 400. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, messages: Object.values(error.constraints) }] : [];
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

/**
 * Used by the global ValidationPipe. A body that only carries fields we do not know gets its own
 * code, because integrators usually hit it by a typo in a field name.
 */
export function validationExceptionFactory(errors: ValidationError[]): ValidationException {
  const details = flattenValidationErrors(errors);
  const onlyUnknown = errors.every((e) => e.constraints && Object.keys(e.constraints).every((k) => k === 'whitelistValidation'));
  if (onlyUnknown && errors.length > 0) {
    return new ValidationException(
      CoreErrorCode.UnknownField,
      `Unknown field(s): ${details.map((d) => d.field).join(', ')}`,
      details,
    );
  }
  return new ValidationException(
    CoreErrorCode.ValidationFailed,
    details.map((d) => `${d.field}: ${d.messages.join(', ')}`).join('; '),
    details,
  );
}
