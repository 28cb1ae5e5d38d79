/**
 * `<input type="datetime-local">` speaks wall-clock time in the browser's zone ("2026-03-05T14:30");
 * the API speaks ISO 8601 UTC instants. These convert between the two.
 */
const DATETIME_LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

const pad = (n: number) => String(n).padStart(2, '0');

/** "2026-03-05T14:30" (browser zone) -> "2026-03-05T14:30:00.000Z"-style ISO; undefined when incomplete. */
export function dateTimeLocalToIso(value: string): string | undefined {
  const match = DATETIME_LOCAL.exec(value);
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s] = match;
  const date = new Date(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0));
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** ISO instant -> the browser-zone wall-clock value the input shows; '' when absent or invalid. */
export function isoToDateTimeLocal(iso: string | undefined | null): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}`
  );
}

/** The browser's IANA zone, for helper texts. */
export const browserTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;
