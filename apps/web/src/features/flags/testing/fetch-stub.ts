import { vi } from 'vitest';

export interface StubbedCall {
  method: string;
  path: string;
  search: URLSearchParams;
  body: unknown;
  headers: Record<string, string>;
}

type Answer = { status: number; body?: unknown };

/**
 * Stubs `fetch` with one function that answers every call, and records the calls, so a test can
 * assert what the dashboard sent: the query, the body, the `Idempotency-Key`.
 */
export function stubFetch(answer: (call: StubbedCall) => Answer) {
  const calls: StubbedCall[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn<typeof fetch>(async (input, init) => {
      const url = new URL(String(input), 'http://localhost');
      const call: StubbedCall = {
        method: init?.method ?? 'GET',
        path: url.pathname,
        search: url.searchParams,
        body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
        headers: (init?.headers ?? {}) as Record<string, string>,
      };
      calls.push(call);
      const { status, body } = answer(call);
      return new Response(body === undefined ? null : JSON.stringify(body), {
        status,
        headers: { 'Content-Type': 'application/json' },
      });
    }),
  );
  return { calls, writes: () => calls.filter((call) => call.method !== 'GET') };
}

export const ok = (body: unknown): Answer => ({ status: 200, body });
export const fail = (
  status: number,
  code: string,
  message: string,
  details: { field: string; message: string }[] = [],
) => ({
  status,
  body: { code, message, details },
});
