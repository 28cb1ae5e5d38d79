import { z } from 'zod';
import { idSchema, pageQuerySchema } from './common.js';

export const TIMELINE_KINDS = [
  'fill',
  'dose_adjustment',
  'pump_event',
  'appointment',
  'flag_raised',
  'flag_acknowledged',
  'flag_resolved',
] as const;
export const timelineKindSchema = z.enum(TIMELINE_KINDS, { error: `must be one of ${TIMELINE_KINDS.join(', ')}` });
export type TimelineKind = z.infer<typeof timelineKindSchema>;

export const timelineQuerySchema = pageQuerySchema.extend({
  /** Comma-separated kinds; all when absent. */
  kind: z
    .string()
    .transform((v) => v.split(',').filter(Boolean))
    .pipe(z.array(timelineKindSchema).min(1, 'must name at least one kind'))
    .optional()
    .meta({ description: 'Comma-separated kinds of record to list (all when absent).' }),
});
export type TimelineQuery = z.infer<typeof timelineQuerySchema>;

export const timelineItemSchema = z.object({
  kind: timelineKindSchema,
  /** The record's id (the flag's id for the three flag kinds). */
  id: idSchema,
  at: z.string(),
  actor: z.object({ id: idSchema, name: z.string() }).nullable(),
  /** One line: what happened, with units. */
  title: z.string(),
  /** Why: the dose change's reason and override, the flag's note, the event's notes. */
  reason: z.string().nullable(),
  details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
});
export type TimelineItem = z.infer<typeof timelineItemSchema>;
