import { errorBodySchema, type ErrorBody, type ErrorCode, type ErrorDetail } from '@itb/contracts';
import { reportServiceStatus } from './service-status';

/** Every failed API call surfaces as this error, carrying the server's error body. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode;
  readonly details: ErrorDetail[];
  readonly requestId: string | undefined;

  constructor(status: number, body: ErrorBody) {
    super(body.message);
    this.name = 'ApiError';
    this.status = status;
    this.code = body.code;
    this.details = body.details;
    this.requestId = body.requestId;
  }

  get isNotFound(): boolean {
    return this.status === 404;
  }
}

export const isApiError = (error: unknown): error is ApiError => error instanceof ApiError;

/** The fallback code when a response carries no error body (a proxy page, an empty 502). */
function codeForStatus(status: number): ErrorCode {
  if (status === 400) return 'VALIDATION_FAILED';
  if (status === 401) return 'UNAUTHENTICATED';
  if (status === 403) return 'FORBIDDEN';
  if (status === 404) return 'NOT_FOUND';
  if (status === 409) return 'CONFLICT';
  if (status === 422) return 'RULE_VIOLATION';
  if (status === 413) return 'PAYLOAD_TOO_LARGE';
  if (status === 415) return 'UNSUPPORTED_MEDIA_TYPE';
  if (status === 429) return 'RATE_LIMITED';
  if (status === 503) return 'DATABASE_UNAVAILABLE';
  return 'INTERNAL';
}

/** Builds an ApiError from a failed response, whatever its body holds. */
export async function apiErrorFromResponse(response: Response): Promise<ApiError> {
  let json: unknown = undefined;
  try {
    json = await response.json();
  } catch {
    // Not JSON: fall through to the generic error below.
  }
  const parsed = errorBodySchema.safeParse(json);
  if (parsed.success) return new ApiError(response.status, parsed.data);
  return new ApiError(response.status, {
    code: codeForStatus(response.status),
    message: `The server answered with an unexpected error (HTTP ${response.status}). Try again.`,
    details: [],
  });
}

export const networkError = (): ApiError =>
  new ApiError(0, {
    code: 'INTERNAL',
    message: 'Could not reach the server. Check the connection and try again.',
    details: [],
  });

let onUnauthenticated: (() => void) | null = null;

/** The app registers what to do when the session has ended (go to sign-in). */
export function setUnauthenticatedHandler(handler: (() => void) | null): void {
  onUnauthenticated = handler;
}

/** A 401 from signing in means wrong credentials, not an ended session. */
const LOGIN_PATH = '/auth/login';

type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  query?: Record<string, QueryValue>;
  /** Extra request headers, such as `Idempotency-Key` on a clinical write. */
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

/** `/patients` + `{ q: 'ann', cursor: undefined }` -> `/api/patients?q=ann`. */
export function buildApiUrl(path: string, query?: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return `/api${path}${search ? `?${search}` : ''}`;
}

/** How often, and how long apart, a write whose Idempotency-Key is still being answered is asked again. */
export const IN_FLIGHT_RETRIES = { attempts: 10, delayMs: 300 };

/** 409 for a key another request of ours is still answering (a double click): the replay will carry its answer. */
const isStillInFlight = (error: ApiError) =>
  error.status === 409 && error.details.some((d) => d.field === 'Idempotency-Key');

const pause = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });

/**
 * A write sent twice with one Idempotency-Key (a double click, a retry) is answered once: the copy that
 * finds the first still in flight waits and asks again, and gets the first answer (the saved record),
 * never "Could not save" for a record that was saved.
 */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await sendOnce<T>(path, options);
    } catch (error) {
      const retry =
        error instanceof ApiError &&
        isStillInFlight(error) &&
        attempt < IN_FLIGHT_RETRIES.attempts &&
        !options.signal?.aborted;
      if (!retry) throw error;
      await pause(IN_FLIGHT_RETRIES.delayMs, options.signal);
    }
  }
}

async function sendOnce<T>(path: string, options: RequestOptions): Promise<T> {
  const { method = 'GET', body, query, signal } = options;
  const headers: Record<string, string> = { ...options.headers, Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';

  let response: Response;
  try {
    response = await fetch(buildApiUrl(path, query), {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    reportServiceStatus('unreachable');
    throw networkError();
  }

  if (!response.ok) {
    const error = await apiErrorFromResponse(response);
    reportServiceStatus(error.code === 'DATABASE_UNAVAILABLE' ? 'database-down' : 'ok');
    if (response.status === 401 && path !== LOGIN_PATH) onUnauthenticated?.();
    throw error;
  }
  reportServiceStatus('ok');
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string, options?: Omit<RequestOptions, 'method' | 'body'>) =>
    apiRequest<T>(path, { ...options, method: 'GET' }),
  post: <T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'method' | 'body'>) =>
    apiRequest<T>(path, { ...options, method: 'POST', body }),
  patch: <T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'method' | 'body'>) =>
    apiRequest<T>(path, { ...options, method: 'PATCH', body }),
  delete: <T>(path: string, options?: Omit<RequestOptions, 'method' | 'body'>) =>
    apiRequest<T>(path, { ...options, method: 'DELETE' }),
};
