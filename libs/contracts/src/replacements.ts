import { z } from 'zod';
import { idSchema, pageQuerySchema } from './common.js';
import { appointmentStatusSchema } from './appointments.js';

export const replacementWorklistQuerySchema = pageQuerySchema.extend({
  withinDays: z.coerce.number({ error: 'must be a number of days' }).int().min(0).max(3650).default(365).meta({
    description: "Pumps due for replacement within this many days of the clinic's today, and every one past due.",
  }),
});
export type ReplacementWorklistQuery = z.infer<typeof replacementWorklistQuerySchema>;

/**
 * An active pump by the date it needs replacing: the ERI date interrogation gave, else the model's
 * conservative estimate (libs/domain `replacementDueOn`), with the next replacement consult booked.
 */
export const replacementWorklistRowSchema = z.object({
  pumpId: idSchema,
  patientId: idSchema,
  patientName: z.string(),
  mrn: z.string(),
  modelLabel: z.string(),
  serialNumber: z.string(),
  implantedOn: z.string(),
  dueOn: z.string(),
  isEstimate: z.boolean(),
  /** Days from the clinic's today to `dueOn`; negative once it has passed. */
  daysLeft: z.number().int(),
  nextConsult: z.object({ id: idSchema, startsAt: z.string(), status: appointmentStatusSchema }).nullable(),
});
export type ReplacementWorklistRow = z.infer<typeof replacementWorklistRowSchema>;
