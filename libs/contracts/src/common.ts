import { z } from 'zod';

export const idSchema = z.uuid({ error: 'must be an id' });
/** A calendar date, YYYY-MM-DD. */
export const localDateSchema = z.iso.date({ error: 'must be a date (YYYY-MM-DD)' });
/** An instant, ISO 8601 with an offset or Z. */
export const instantSchema = z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time' });

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
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** Optimistic locking: every PATCH names the version it was made against. */
export const versionSchema = z.number({ error: 'is required (the version you edited)' }).int().min(1);
