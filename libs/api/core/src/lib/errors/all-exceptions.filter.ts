import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import type { Response } from 'express';
import { AppException, ErrorBody } from './app.exception';
import { CoreErrorCode } from './core-error-code';

const codeByStatus: Record<number, CoreErrorCode> = {
  400: CoreErrorCode.ValidationFailed,
  401: CoreErrorCode.Unauthenticated,
  403: CoreErrorCode.Forbidden,
  404: CoreErrorCode.RouteNotFound,
  409: CoreErrorCode.Conflict,
  413: CoreErrorCode.PayloadTooLarge,
  429: CoreErrorCode.RateLimited,
  503: CoreErrorCode.ServiceUnavailable,
};

/** The one place where any thrown thing becomes `{ statusCode, code, message, details? }`. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const body = this.toBody(exception);
    if (body.statusCode >= 500) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    if (response.headersSent) return;
    response.status(body.statusCode).json(body);
  }

  toBody(exception: unknown): ErrorBody {
    if (exception instanceof AppException) {
      return { statusCode: exception.statusCode, code: exception.code, message: exception.message, ...(exception.details === undefined ? {} : { details: exception.details }) };
    }
    if (exception instanceof ThrottlerException) {
      return { statusCode: 429, code: CoreErrorCode.RateLimited, message: 'Too many attempts; try again in a minute' };
    }
    if (exception instanceof HttpException) {
      const statusCode = exception.getStatus();
      return { statusCode, code: codeByStatus[statusCode] ?? CoreErrorCode.InternalError, message: this.messageOf(exception) };
    }
    if (isBodyParserError(exception)) {
      return exception.type === 'entity.too.large'
        ? { statusCode: 413, code: CoreErrorCode.PayloadTooLarge, message: 'Request body is too large' }
        : { statusCode: 400, code: CoreErrorCode.MalformedJson, message: 'Request body is not valid JSON' };
    }
    return { statusCode: HttpStatus.INTERNAL_SERVER_ERROR, code: CoreErrorCode.InternalError, message: 'Something went wrong on our side' };
  }

  private messageOf(exception: HttpException): string {
    const payload = exception.getResponse();
    if (typeof payload === 'string') return payload;
    const message = (payload as { message?: unknown }).message;
    return Array.isArray(message) ? message.join('; ') : String(message ?? exception.message);
  }
}

function isBodyParserError(error: unknown): error is { type: string; status: number } {
  return typeof error === 'object' && error !== null && typeof (error as { type?: unknown }).type === 'string' && typeof (error as { status?: unknown }).status === 'number';
}
