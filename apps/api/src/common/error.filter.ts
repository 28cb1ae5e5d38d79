import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { ErrorBody, ErrorCode } from '@itb/contracts';
import type { Request, Response } from 'express';
import { toOperationOutcome } from '../modules/fhir/mappers/operation-outcome.fhir.js';
import { AppError, httpStatusOf } from './app-error.js';
import { DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable } from './database-unavailable.js';
import { requestContext } from './request-context.js';

const PG_UNIQUE_VIOLATION = '23505';
const PG_CHECK_VIOLATION = '23514';
const PG_FOREIGN_KEY_VIOLATION = '23503';
const PG_INVALID_TEXT = '22P02';
/** Class 22, data exception: a value out of range or malformed. The edge should have refused it first. */
const PG_DATA_EXCEPTION_CLASS = '22';

function codeForHttpStatus(status: number): ErrorCode {
  if (status === 401) return 'UNAUTHENTICATED';
  if (status === 403) return 'FORBIDDEN';
  if (status === 404) return 'NOT_FOUND';
  if (status === 409) return 'CONFLICT';
  if (status === 413) return 'PAYLOAD_TOO_LARGE';
  if (status === 415) return 'UNSUPPORTED_MEDIA_TYPE';
  if (status === 429) return 'RATE_LIMITED';
  return status >= 500 ? 'INTERNAL' : 'VALIDATION_FAILED';
}

/** The FHIR API's requests: their errors are OperationOutcomes (`modules/fhir`). */
const FHIR_PATH = /^\/api\/fhir\//i;

/** Maps every error to the single error shape (an OperationOutcome under /api/fhir); a 500 never shows internals. */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const body = this.toBody(exception);
    const status = httpStatusOf(body.code);
    if (body.code === 'DATABASE_UNAVAILABLE') {
      // An outage, not a bug: no stack, and a hint for clients when to retry.
      this.logger.warn({ msg: 'database unavailable', requestId: body.requestId });
      response.setHeader('Retry-After', '5');
    } else if (status >= 500) {
      const err = exception instanceof Error ? exception : new Error(String(exception));
      // The message and stack of an unexpected error hold no request data, only code paths.
      this.logger.error({ msg: 'unhandled error', requestId: body.requestId, error: err.name, stack: err.stack });
    }
    if (exception instanceof AppError && exception.retryAfterSeconds !== undefined) {
      response.setHeader('Retry-After', String(exception.retryAfterSeconds));
    }
    const request = host.switchToHttp().getRequest<Request | undefined>();
    if (request && FHIR_PATH.test(request.originalUrl ?? '')) {
      if (status === 401) response.setHeader('WWW-Authenticate', 'Bearer realm="fhir"');
      response.status(status).type('application/fhir+json').json(toOperationOutcome(body));
      return;
    }
    response.status(status).json(body);
  }

  private toBody(exception: unknown): ErrorBody {
    const requestId = requestContext.requestId();
    if (exception instanceof AppError) {
      return { code: exception.code, message: exception.message, details: exception.details, requestId };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const code = codeForHttpStatus(status);
      const message = status === 404 ? 'Not found' : exception.message;
      return { code, message, details: [], requestId };
    }
    if (isDatabaseUnavailable(exception)) {
      return { code: 'DATABASE_UNAVAILABLE', message: DATABASE_UNAVAILABLE_MESSAGE, details: [], requestId };
    }
    const pgCode =
      (exception as { code?: string; driverError?: { code?: string } })?.driverError?.code ??
      (exception as { code?: string })?.code;
    if (pgCode === PG_UNIQUE_VIOLATION) {
      return { code: 'CONFLICT', message: 'A record with these values already exists', details: [], requestId };
    }
    if (pgCode === PG_CHECK_VIOLATION || pgCode === PG_FOREIGN_KEY_VIOLATION || pgCode === PG_INVALID_TEXT) {
      return { code: 'RULE_VIOLATION', message: 'The values break a data rule', details: [], requestId };
    }
    if (typeof pgCode === 'string' && pgCode.startsWith(PG_DATA_EXCEPTION_CLASS)) {
      this.logger.warn({ msg: 'data exception reached the database', requestId, pgCode });
      return { code: 'VALIDATION_FAILED', message: 'A value is out of range or malformed', details: [], requestId };
    }
    return {
      code: 'INTERNAL',
      message: 'Something went wrong on our side. The error has been logged.',
      details: [],
      requestId,
    };
  }
}
