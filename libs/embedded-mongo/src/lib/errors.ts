import type { Document } from 'bson';

/** The server error codes this server answers with, named as MongoDB names them (codeName). */
export const ErrorCode = {
  InternalError: 1,
  BadValue: 2,
  FailedToParse: 9,
  TypeMismatch: 14,
  IllegalOperation: 20,
  NamespaceNotFound: 26,
  IndexNotFound: 27,
  ConflictingUpdateOperators: 40,
  CursorNotFound: 43,
  NamespaceExists: 48,
  CommandNotFound: 59,
  ImmutableField: 66,
  InvalidOptions: 72,
  InvalidNamespace: 73,
  IndexOptionsConflict: 85,
  IndexKeySpecsConflict: 86,
  CommandNotSupported: 115,
  ConversionFailure: 241,
  UnsupportedOpQueryCommand: 352,
  DuplicateKey: 11000,
  BSONObjectTooLarge: 10334,
  Location40324: 40324,
} as const;

export type ErrorCodeName = keyof typeof ErrorCode;

/** An error that reaches the client as `{ ok: 0, errmsg, code, codeName, ...extra }`. */
export class MongoServerError extends Error {
  readonly code: number;

  constructor(
    readonly codeName: ErrorCodeName,
    message: string,
    readonly extra: Document = {},
  ) {
    super(message);
    this.code = ErrorCode[codeName];
  }

  toReply(): Document {
    return { ok: 0, errmsg: this.message, code: this.code, codeName: this.codeName, ...this.extra };
  }
}

/** Raised wherever mingo would silently answer differently from MongoDB. */
export function notSupported(what: string): MongoServerError {
  return new MongoServerError('CommandNotSupported', `${what} is not supported by the embedded server`);
}

/**
 * mingo reports every problem as a plain Error, so the few that clients react to are recognised by
 * their message; everything else is a BadValue carrying mingo's own text.
 */
export function toServerError(error: unknown): MongoServerError {
  if (error instanceof MongoServerError) return error;
  if (error instanceof TypeError || error instanceof RangeError || error instanceof ReferenceError) {
    return new MongoServerError('InternalError', `embedded server error: ${error.message}`);
  }
  const message = error instanceof Error ? error.message : String(error);
  const stage = /unregistered pipeline operator (\$\w+)/.exec(message);
  if (stage) return new MongoServerError('Location40324', `Unrecognized pipeline stage name: '${stage[1]}'`);
  const modifier = /Unknown update operator: '(\$?\w+)'/.exec(message);
  if (modifier) {
    return new MongoServerError(
      'FailedToParse',
      `Unknown modifier: ${modifier[1]}. Expected a valid update modifier or pipeline-style update specified as an array`,
    );
  }
  if (/conflict/i.test(message)) return new MongoServerError('ConflictingUpdateOperators', message);
  return new MongoServerError('BadValue', message);
}
