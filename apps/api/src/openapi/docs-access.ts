import type { ErrorBody } from '@itb/contracts';
import type { NextFunction, Request, Response } from 'express';
import { SESSION_COOKIE } from '../common/access.guard.js';
import { requestContext } from '../common/request-context.js';
import type { SessionsService } from '../modules/auth/sessions.service.js';

/**
 * The API document and its viewer need a live session of any role, unless `API_DOCS_PUBLIC=true`:
 * it lists every route and field, which an anonymous caller has no need to know.
 */
export function docsAccess(sessions: SessionsService, isPublic: boolean) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (isPublic) return next();
    const token = (req.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE];
    const resolved = token ? sessions.resolve(token) : Promise.resolve(null);
    resolved.then(
      (user) => {
        if (user) return next();
        const body: ErrorBody = {
          code: 'UNAUTHENTICATED',
          message: 'Sign in to read the API document (or set API_DOCS_PUBLIC=true)',
          details: [],
          requestId: requestContext.requestId(),
        };
        res.status(401).json(body);
      },
      (error: unknown) => next(error),
    );
  };
}
