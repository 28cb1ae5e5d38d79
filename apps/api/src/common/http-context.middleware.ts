import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { LSN_PATTERN, requestContext, WROTE_COOKIE } from './request-context.js';

const logger = new Logger('HTTP');
const REQUEST_ID = /^[A-Za-z0-9-]{8,64}$/;
/** A calendar feed's path holds its secret token: `/api/calendar/<token>.ics`. */
const CALENDAR_FEED_PATH = /^(\/api\/calendar\/)[^/]*$/;

/** The path as logs may keep it: a calendar feed's token is a credential and never written down. */
export const loggablePath = (path: string): string => path.replace(CALENDAR_FEED_PATH, '$1[redacted].ics');

/**
 * Gives each request an id (echoed in `X-Request-Id`) and logs one line when it ends.
 * The line carries the path without its query (a search may hold a name), with a calendar feed's
 * token redacted, and ids only.
 */
export function httpContextMiddleware(req: Request, res: Response, next: NextFunction): void {
  const header = req.header('x-request-id');
  const requestId = header && REQUEST_ID.test(header) ? header : randomUUID();
  res.setHeader('X-Request-Id', requestId);
  const started = process.hrtime.bigint();
  const context = { requestId } as Parameters<typeof requestContext.run>[0];
  const wrote = (req.cookies as Record<string, unknown> | undefined)?.[WROTE_COOKIE];
  if (typeof wrote === 'string' && LSN_PATTERN.test(wrote)) context.wroteAtLsn = wrote;
  res.on('finish', () => {
    if (!req.path.startsWith('/api')) return;
    logger.log({
      msg: 'request',
      requestId,
      method: req.method,
      path: loggablePath(req.path),
      status: res.statusCode,
      durationMs: Number((process.hrtime.bigint() - started) / 1_000_000n),
      userId: context.user?.id,
    });
  });
  requestContext.run(context, () => next());
}
