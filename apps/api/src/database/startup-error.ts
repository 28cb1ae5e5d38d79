/**
 * One line that says why start-up failed: the message, PostgreSQL's detail and hint when it gave
 * them, the errors inside an AggregateError (a refused connection to every address) and the cause
 * chain. Never "undefined".
 */
export function describeStartupError(error: unknown, depth = 0): string {
  if (error === undefined || error === null) return 'an unknown error (nothing was reported)';
  if (!(error instanceof Error)) return String(error);
  const parts: string[] = [];
  const e = error as Error & { code?: string; detail?: string; hint?: string; errors?: unknown[]; cause?: unknown };
  const message = e.message || e.name;
  parts.push(e.code && !message.includes(e.code) ? `${message} (${e.code})` : message);
  if (e.detail) parts.push(`detail: ${e.detail}`);
  if (e.hint) parts.push(`hint: ${e.hint}`);
  if (Array.isArray(e.errors) && e.errors.length && depth < 3) {
    const inner = [...new Set(e.errors.map((inner) => describeStartupError(inner, depth + 1)))];
    parts.push(inner.join('; '));
  }
  if (e.cause !== undefined && depth < 3) parts.push(`caused by ${describeStartupError(e.cause, depth + 1)}`);
  return parts.join(' — ');
}
