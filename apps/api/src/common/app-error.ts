import type { ErrorCode, ErrorDetail } from '@itb/contracts';

/** The one error class of the API: a code from the contracts, a message, field details. */
export class AppError extends Error {
  /** Sent as `Retry-After` (seconds) with a 429. */
  retryAfterSeconds?: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
    this.name = 'AppError';
  }

  /** The same error about a nested object: `implantedOn` becomes `newPump.implantedOn`. */
  underField(prefix: string): AppError {
    const details = this.details.map((d) => ({ ...d, field: `${prefix}.${d.field}` }));
    const error = new AppError(
      this.code,
      details[0] ? `${details[0].field} ${details[0].message}` : this.message,
      details,
    );
    error.retryAfterSeconds = this.retryAfterSeconds;
    return error;
  }

  static rateLimited(message: string, retryAfterSeconds: number): AppError {
    const error = new AppError('RATE_LIMITED', message);
    error.retryAfterSeconds = retryAfterSeconds;
    return error;
  }

  static notFound(entity: string): AppError {
    return new AppError('NOT_FOUND', `${entity} not found`);
  }

  static validation(field: string, message: string): AppError {
    return new AppError('VALIDATION_FAILED', `${field} ${message}`, [{ field, message }]);
  }

  static rule(field: string, message: string): AppError {
    return new AppError('RULE_VIOLATION', `${field} ${message}`, [{ field, message }]);
  }

  static stale(entity: string): AppError {
    return new AppError(
      'STALE_VERSION',
      `This ${entity} was changed by someone else since you opened it. Reload it and apply your change again.`,
      [{ field: 'version', message: 'is out of date' }],
    );
  }
}

/** Exhaustive map from error code to HTTP status. */
export function httpStatusOf(code: ErrorCode): number {
  switch (code) {
    case 'VALIDATION_FAILED':
      return 400;
    case 'UNAUTHENTICATED':
      return 401;
    case 'FORBIDDEN':
      return 403;
    case 'NOT_FOUND':
      return 404;
    case 'CONFLICT':
    case 'STALE_VERSION':
      return 409;
    case 'RULE_VIOLATION':
      return 422;
    case 'RATE_LIMITED':
      return 429;
    case 'PAYLOAD_TOO_LARGE':
      return 413;
    case 'UNSUPPORTED_MEDIA_TYPE':
      return 415;
    case 'INTERNAL':
      return 500;
    case 'DATABASE_UNAVAILABLE':
      return 503;
    default: {
      const unreachable: never = code;
      return unreachable;
    }
  }
}
