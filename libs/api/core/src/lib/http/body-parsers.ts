import { json, urlencoded } from 'body-parser';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { IncomingMessage } from 'node:http';
import { AllExceptionsFilter } from '../errors/all-exceptions.filter';

export interface RequestWithRawBody extends IncomingMessage {
  /** The exact bytes received: provider webhook signatures are computed over them. */
  rawBody?: Buffer;
}

const keepRawBody = (req: IncomingMessage, _res: unknown, buffer: Buffer) => {
  (req as RequestWithRawBody).rawBody = buffer;
};

/**
 * JSON and form bodies (providers post forms), parsed by us rather than by Nest so a malformed or
 * oversized body gets the one error shape with its own code instead of a generic 400.
 */
export function bodyParsers(limit = '1mb'): Array<RequestHandler | ErrorRequestHandler> {
  const errors = new AllExceptionsFilter();
  const onParseError: ErrorRequestHandler = (error, _req, res, next) => {
    if (res.headersSent) return next(error);
    const body = errors.toBody(error);
    res.status(body.statusCode).json(body);
  };
  return [json({ limit, verify: keepRawBody }), urlencoded({ limit, extended: false, verify: keepRawBody }), onParseError];
}
