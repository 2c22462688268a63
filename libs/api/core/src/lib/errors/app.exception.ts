/** Every error the API returns has this shape; `code` is stable and documented per case. */
export interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  details?: unknown;
}

/**
 * Base of each domain's typed exception. A domain defines its own code enum and status map and
 * throws a subclass; the global filter turns it into the one error shape.
 */
export class AppException extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = new.target.name;
  }
}
