import { z } from 'zod';
import { localDateSchema, pageQuerySchema } from './common.js';

export const auditQuerySchema = pageQuerySchema
  .extend({
    actorId: z.uuid({ error: 'must be an id' }).optional(),
    patientId: z.uuid({ error: 'must be an id' }).optional(),
    entityType: z.string().trim().max(40).optional(),
    entityId: z.string().trim().max(64).optional(),
    /** An action such as `fill.create`, or a prefix such as `flag.` */
    action: z.string().trim().max(60).optional(),
    /** Clinic calendar dates, inclusive. */
    from: localDateSchema.optional(),
    to: localDateSchema.optional(),
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
