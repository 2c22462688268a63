/** One field's problems, as the API reports them in `details` of a 400 VALIDATION_FAILED. */
export interface ApiFieldError {
  field: string;
  messages: string[];
}

/** Codes the client itself produces when there is no API answer to read. */
export const ClientErrorCode = {
  NetworkError: 'NETWORK_ERROR',
  UnexpectedResponse: 'UNEXPECTED_RESPONSE',
  SessionExpired: 'SESSION_EXPIRED',
} as const;

/** The API's one error shape `{ statusCode, code, message, details? }`, thrown by every generated call. */
export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** `details` when it is the per-field list of a validation error, otherwise an empty list. */
  get fieldErrors(): ApiFieldError[] {
    if (!Array.isArray(this.details)) return [];
    return this.details.filter(
      (d): d is ApiFieldError =>
        typeof d === 'object' &&
        d !== null &&
        typeof (d as ApiFieldError).field === 'string' &&
        Array.isArray((d as ApiFieldError).messages),
    );
  }

  static async fromResponse(response: Response): Promise<ApiError> {
    const text = await response.text().catch(() => '');
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = undefined;
    }
    if (isErrorBody(body)) {
      return new ApiError(response.status, body.code, body.message, body.details);
    }
    const status = `${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
    // A bare 502/503/504 comes from a proxy in front of the API, not from the API itself.
    const message = [502, 503, 504].includes(response.status)
      ? `The Cadence server cannot be reached right now (${status}). Try again in a moment.`
      : `The server answered ${status}.`;
    return new ApiError(response.status, ClientErrorCode.UnexpectedResponse, message);
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

function isErrorBody(body: unknown): body is { code: string; message: string; details?: unknown } {
  return (
    typeof body === 'object' &&
    body !== null &&
    typeof (body as { code?: unknown }).code === 'string' &&
    typeof (body as { message?: unknown }).message === 'string'
  );
}
