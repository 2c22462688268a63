/** Codes shared by every module (transport-level cases). Domain codes live in their own enums. */
export enum CoreErrorCode {
  ValidationFailed = 'VALIDATION_FAILED',
  UnknownField = 'UNKNOWN_FIELD',
  Unauthenticated = 'UNAUTHENTICATED',
  Forbidden = 'FORBIDDEN',
  NotFound = 'NOT_FOUND',
  RouteNotFound = 'ROUTE_NOT_FOUND',
  Conflict = 'CONFLICT',
  RateLimited = 'RATE_LIMITED',
  PayloadTooLarge = 'PAYLOAD_TOO_LARGE',
  MalformedJson = 'MALFORMED_JSON',
  InternalError = 'INTERNAL_ERROR',
  ServiceUnavailable = 'SERVICE_UNAVAILABLE',
}
