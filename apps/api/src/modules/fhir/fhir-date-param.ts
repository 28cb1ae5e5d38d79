import { AppError } from '../../common/app-error.js';

/** One end of a date range: an absolute instant (the value carried a zone), or a wall-clock time of the clinic. */
export interface DateBoundValue {
  text: string;
  isLocal: boolean;
}

/** A FHIR `date` search value as the condition `start <= t < end` (or one side of it, by prefix). */
export interface DateCondition {
  prefix: 'eq' | 'gt' | 'ge' | 'lt' | 'le';
  start: DateBoundValue;
  end: DateBoundValue;
}

const SUPPORTED = ['eq', 'gt', 'ge', 'lt', 'le'] as const;
const PATTERN =
  /^([a-z]{2})?(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?)?)?)?$/;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
/** A wall-clock time (no zone) as text PostgreSQL reads as `timestamp`. */
const naive = (d: Date) =>
  `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;

/**
 * Parses a FHIR date search value (`ge2026-03`, `2026-03-06`, `lt2026-03-06T10:00:00Z`) into the
 * range its precision covers (a year, a month, a day, a minute or a second). A value without a zone
 * is on the clinic's clock. The prefixes eq, gt, ge, lt and le are supported; others answer 400.
 */
export function parseDateParam(value: string, field = 'date'): DateCondition {
  const m = PATTERN.exec(value);
  if (!m)
    throw AppError.validation(field, 'must be a FHIR date such as 2026-03-06, ge2026-03 or lt2026-03-06T10:00:00Z');
  const [, rawPrefix, y, mo, d, h, mi, s, zone] = m;
  const prefix = (rawPrefix ?? 'eq') as DateCondition['prefix'];
  if (!SUPPORTED.includes(prefix))
    throw AppError.validation(field, `prefix ${rawPrefix} is not supported (eq, gt, ge, lt, le)`);
  const parts = [Number(y), Number(mo ?? 1), Number(d ?? 1), Number(h ?? 0), Number(mi ?? 0), Number(s ?? 0)] as const;
  const start = new Date(Date.UTC(parts[0], parts[1] - 1, parts[2], parts[3], parts[4], parts[5]));
  const isReal =
    start.getUTCFullYear() === parts[0] &&
    start.getUTCMonth() === parts[1] - 1 &&
    start.getUTCDate() === parts[2] &&
    start.getUTCHours() === parts[3] &&
    start.getUTCMinutes() === parts[4];
  if (!isReal || parts[0] < 1900 || parts[0] > 2200) throw AppError.validation(field, 'is not a real date');
  const end = new Date(start);
  if (s !== undefined) end.setUTCSeconds(end.getUTCSeconds() + 1);
  else if (mi !== undefined) end.setUTCMinutes(end.getUTCMinutes() + 1);
  else if (d !== undefined) end.setUTCDate(end.getUTCDate() + 1);
  else if (mo !== undefined) end.setUTCMonth(end.getUTCMonth() + 1);
  else end.setUTCFullYear(end.getUTCFullYear() + 1);
  if (zone === undefined) {
    return { prefix, start: { text: naive(start), isLocal: true }, end: { text: naive(end), isLocal: true } };
  }
  const offsetMinutes =
    zone === 'Z' ? 0 : (zone.startsWith('-') ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)));
  const shift = (t: Date) => new Date(t.getTime() - offsetMinutes * 60_000).toISOString();
  return { prefix, start: { text: shift(start), isLocal: false }, end: { text: shift(end), isLocal: false } };
}
