import { vi } from 'vitest';

export interface StubbedCall {
  path: string;
  search: URLSearchParams;
}

type Answer = { status: number; body?: unknown };

/** Stubs `fetch` with one function that answers every call and records them, so a test asserts what was asked. */
export function stubFetch(answer: (call: StubbedCall) => Answer) {
  const calls: StubbedCall[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn<typeof fetch>(async (input) => {
      const url = new URL(String(input), 'http://localhost');
      const call: StubbedCall = { path: url.pathname, search: url.searchParams };
      calls.push(call);
      const { status, body } = answer(call);
      return new Response(body === undefined ? null : JSON.stringify(body), {
        status,
        headers: { 'Content-Type': 'application/json' },
      });
    }),
  );
  return { calls, to: (path: string) => calls.filter((call) => call.path === path) };
}

export const ok = (body: unknown): Answer => ({ status: 200, body });
export const fail = (status: number, code: string, message: string): Answer => ({
  status,
  body: { code, message, details: [] },
});
