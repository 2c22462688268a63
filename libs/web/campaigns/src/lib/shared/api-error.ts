import { ApiError, isApiError } from '@cadence/web-api-client';

export function toApiError(error: unknown): ApiError {
  if (isApiError(error)) return error;
  return new ApiError(0, 'UNEXPECTED_ERROR', error instanceof Error ? error.message : 'Something went wrong.');
}
