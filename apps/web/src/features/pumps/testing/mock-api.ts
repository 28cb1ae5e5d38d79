import { vi } from 'vitest';

export interface RecordedCall {
  method: string;
  path: string;
  body: unknown;
  headers: Record<string, string>;
}

type Answer = { status: number; body?: unknown };
type Route = (call: RecordedCall) => Answer | undefined;

export const json = (status: number, body?: unknown): Answer => ({ status, body });

/**
 * Stubs `fetch` with a list of routes (first answer wins) and records every call, so a test can
 * assert what the form sent: the body, the `Idempotency-Key`, the pump version.
 */
export function mockApi(...routes: Route[]) {
  const calls: RecordedCall[] = [];
  const fetchMock = vi.fn<typeof fetch>(async (input, init) => {
    const url = new URL(String(input), 'http://localhost');
    const call: RecordedCall = {
      method: init?.method ?? 'GET',
      path: url.pathname,
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
      headers: (init?.headers ?? {}) as Record<string, string>,
    };
    calls.push(call);
    const answer = routes.map((route) => route(call)).find((a) => a !== undefined) ?? json(404, notFound);
    return new Response(answer.body === undefined ? null : JSON.stringify(answer.body), {
      status: answer.status,
      headers: { 'Content-Type': 'application/json' },
    });
  });
  vi.stubGlobal('fetch', fetchMock);
  return {
    calls,
    callsTo: (method: string, path: string) => calls.filter((c) => c.method === method && c.path === path),
  };
}

const notFound = { code: 'NOT_FOUND', message: 'Not found', details: [] };

/** A route answering one method and path. */
export const on =
  (method: string, path: string, answer: (call: RecordedCall) => Answer): Route =>
  (call) =>
    call.method === method && call.path === path ? answer(call) : undefined;
