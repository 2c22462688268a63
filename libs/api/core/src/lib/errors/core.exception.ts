import { AppException } from './app.exception';
import { CoreErrorCode } from './core-error-code';

export class NotFoundException extends AppException {
  /** Also what another tenant's resource answers: its existence is not revealed. */
  constructor(resource: string) {
    super(404, CoreErrorCode.NotFound, `${resource} not found`);
  }
}

export class ValidationException extends AppException {
  constructor(code: CoreErrorCode.ValidationFailed | CoreErrorCode.UnknownField, message: string, details: unknown) {
    super(400, code, message, details);
  }
}
