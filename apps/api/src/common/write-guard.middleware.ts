import type { ErrorBody, ErrorCode } from '@itb/contracts';
import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { httpStatusOf } from './app-error.js';
import { requestContext } from './request-context.js';

/** Bodies above this answer 413: the largest form (a patient with notes) is well under 20 kB. */
export const BODY_LIMIT_BYTES = 100 * 1024;

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sendError(res: Response, code: ErrorCode, message: string, details: ErrorBody['details'] = []): void {
  const body: ErrorBody = { code, message, details, requestId: requestContext.requestId() };
  res.status(httpStatusOf(code)).json(body);
}

const hasBody = (req: Request): boolean =>
  req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;

/**
 * Cross-site request refusal for writes (POST, PUT, PATCH, DELETE). A browser names the page that
 * made a request in `Origin` (and, in current browsers, `Sec-Fetch-Site`); a write is accepted when
 * that page is the dashboard itself (the origin's host is the request's `Host`) or one of
 * ALLOWED_ORIGINS. A request that names no origin at all comes from no browser page (curl, a script)
 * and cannot carry a victim's cookie to here unasked, so it goes on to the session check as usual.
 */
export function originGuard(allowedOrigins: readonly string[]): RequestHandler {
  const allowed = new Set(allowedOrigins);
  return (req: Request, res: Response, next: NextFunction) => {
    if (SAFE_METHODS.has(req.method)) return next();
    const origin = req.headers.origin;
    if (origin !== undefined && allowed.has(origin)) return next();
    const fetchSite = req.headers['sec-fetch-site'];
    const isSameSiteFetch = fetchSite === undefined || fetchSite === 'same-origin' || fetchSite === 'none';
    const isSameOrigin = origin === undefined || (URL.canParse(origin) && new URL(origin).host === req.headers.host);
    if (isSameSiteFetch && isSameOrigin) return next();
    sendError(res, 'FORBIDDEN', 'Writes are accepted only from the ITB Clinic dashboard itself (cross-site request).');
  };
}

const jsonParser = express.json({ limit: BODY_LIMIT_BYTES });

/**
 * Writes carry JSON or nothing: any other body (a form post, text/plain) answers 415 before it is
 * read. The JSON parser's own failures answer in the API's error shape: 413 for a body over the
 * limit, 400 for malformed JSON, 415 for a charset other than UTF.
 */
export function jsonBodyOnly(req: Request, res: Response, next: NextFunction): void {
  const isWrite = !SAFE_METHODS.has(req.method);
  const contentType = req.headers['content-type'];
  if (isWrite && (contentType !== undefined || hasBody(req)) && !req.is('application/json')) {
    return sendError(res, 'UNSUPPORTED_MEDIA_TYPE', 'Send the body as application/json.', [
      { field: 'Content-Type', message: 'must be application/json' },
    ]);
  }
  jsonParser(req, res, (error?: unknown) => {
    if (!error) return next();
    const type = (error as { type?: string }).type;
    if (type === 'entity.too.large') {
      return sendError(res, 'PAYLOAD_TOO_LARGE', `The body is larger than ${BODY_LIMIT_BYTES / 1024} kB.`, [
        { field: '(body)', message: `must be at most ${BODY_LIMIT_BYTES / 1024} kB` },
      ]);
    }
    if (type === 'charset.unsupported' || type === 'encoding.unsupported') {
      return sendError(res, 'UNSUPPORTED_MEDIA_TYPE', 'Send the body as UTF-8 JSON.', [
        { field: 'Content-Type', message: 'must be application/json in UTF-8' },
      ]);
    }
    sendError(res, 'VALIDATION_FAILED', 'The body is not valid JSON.', [
      { field: '(body)', message: 'is not valid JSON' },
    ]);
  });
}
