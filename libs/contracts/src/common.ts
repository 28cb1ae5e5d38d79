import { z } from 'zod';

export const idSchema = z.uuid({ error: 'must be an id' });

/** Every date and instant the clinic records lies in this span (birth dates to pump replacements). */
export const EARLIEST_DATE = '1900-01-01';
export const LATEST_DATE = '2200-12-31';
const EARLIEST_MS = Date.UTC(1900, 0, 1);
const AFTER_LATEST_MS = Date.UTC(2201, 0, 1);

/** Whether `YYYY-MM-DD…` names a day that exists (no 30 February, no month 13). */
function isRealDate(value: string): boolean {
  const [y, m, day] = value.slice(0, 10).split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, day));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === day;
}

/** A real calendar date, YYYY-MM-DD (no 30 February), from 1900-01-01 to 2200-12-31. */
export const localDateSchema = z.iso
  .date({ error: 'must be a date (YYYY-MM-DD)', abort: true })
  .refine(isRealDate, { message: 'must be a real date', abort: true })
  .refine((d) => d >= EARLIEST_DATE && d <= LATEST_DATE, `must be between ${EARLIEST_DATE} and ${LATEST_DATE}`);

/**
 * An instant, ISO 8601 with an offset or Z, at a real date and time from 1900-01-01 to 2200-12-31
 * (UTC), with an offset of at most 14 hours (the widest in use; the database refuses wider ones).
 */
export const instantSchema = z.iso
  .datetime({ offset: true, error: 'must be an ISO 8601 date-time', abort: true })
  .refine(
    (v) => {
      const offset = /([+-])(\d\d)(?::?(\d\d))?$/.exec(v);
      return !offset || Number(offset[2]) * 60 + Number(offset[3] ?? 0) <= 14 * 60;
    },
    { message: 'must have an offset of at most 14 hours', abort: true },
  )
  .refine(isRealDate, { message: 'must be a real date and time', abort: true })
  .refine((v) => {
    const t = Date.parse(v);
    return t >= EARLIEST_MS && t < AFTER_LATEST_MS;
  }, `must be between ${EARLIEST_DATE} and ${LATEST_DATE}`);

/** PostgreSQL's integer: versions and other counters compared in SQL stay within it. */
export const MAX_INT4 = 2_147_483_647;

/** The first text field holding a NUL character (which PostgreSQL text cannot store), as a field path. */
export function findNulField(value: unknown, path: (string | number)[] = []): (string | number)[] | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findNulField(value[i], [...path, i]);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key.includes('\u0000')) return [...path, key];
      const found = findNulField(item, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}

export const trimmed = (max: number) =>
  z.string().trim().min(1, 'is required').max(max, `must be at most ${max} characters`);
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional();

/** A keyset page: `nextCursor` is opaque; pass it back as `cursor`. */
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export const pageQuerySchema = z.object({
  cursor: z
    .string()
    .max(500)
    .optional()
    .meta({ description: "The previous page's `nextCursor`, as it came; absent for the first page." }),
  limit: z.coerce.number().int().min(1).max(200).default(50).meta({ description: 'Rows per page (1–200).' }),
});

/** Optimistic locking: every PATCH names the version it was made against. */
export const versionSchema = z
  .number({ error: 'is required (the version you edited)' })
  .int()
  .min(1)
  .max(MAX_INT4, 'is not a version this record had');

/** Every clinical write names the pump version its form was opened on; two writes made on one version store one. */
export const pumpVersionSchema = z
  .number({ error: 'is required (the pump version the form was opened on)' })
  .int()
  .min(1)
  .max(MAX_INT4, 'is not a version this pump had');
