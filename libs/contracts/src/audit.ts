import { z } from 'zod';
import { localDateSchema, pageQuerySchema } from './common.js';

export const auditQuerySchema = pageQuerySchema
  .extend({
    actorId: z
      .uuid({ error: 'must be an id' })
      .optional()
      .meta({ description: 'Only what this user did (a user id).' }),
    patientId: z
      .uuid({ error: 'must be an id' })
      .optional()
      .meta({ description: "Only events about this patient's records." }),
    entityType: z
      .string()
      .trim()
      .max(40)
      .optional()
      .meta({ description: 'Only events about one kind of record, such as `fill` or `pump`.' }),
    entityId: z.string().trim().max(64).optional().meta({ description: 'Only events about this one record.' }),
    /** An action such as `fill.create`, or a prefix such as `flag.` */
    action: z
      .string()
      .trim()
      .max(60)
      .optional()
      .meta({ description: 'An action such as `fill.create`, or a prefix such as `flag.`.' }),
    /** Clinic calendar dates, inclusive. */
    from: localDateSchema.optional().meta({ description: 'First clinic calendar day (YYYY-MM-DD, inclusive).' }),
    to: localDateSchema.optional().meta({ description: 'Last clinic calendar day (YYYY-MM-DD, inclusive).' }),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['to'], message: 'must not be before from' });
export type AuditQuery = z.infer<typeof auditQuerySchema>;

export const auditEventResponseSchema = z.object({
  id: z.string(),
  actorId: z.string().nullable(),
  /** Null for the system (the hourly flag check). */
  actorName: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  patientId: z.string().nullable(),
  patientName: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  reason: z.string().nullable(),
  requestId: z.string().nullable(),
  occurredAt: z.string(),
});
export type AuditEventResponse = z.infer<typeof auditEventResponseSchema>;
