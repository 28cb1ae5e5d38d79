import { z } from 'zod';
import { idSchema, pageQuerySchema } from './common.js';
import { flagCodeSchema, flagSeveritySchema } from './flags.js';
import { appointmentStatusSchema } from './appointments.js';

const booleanFlag = z.enum(['true', 'false'], { error: 'must be true or false' }).transform((v) => v === 'true');

export const refillQueueQuerySchema = pageQuerySchema.extend({
  /** Refill-by dates up to this many days from today, plus everything overdue. */
  withinDays: z.coerce.number({ error: 'must be a number of days' }).int().min(0).max(365).default(30).meta({
    description: "Pumps whose refill-by date is within this many days of the clinic's today, plus every overdue pump.",
  }),
  /** The patient's primary specialist. */
  clinicianId: idSchema.optional().meta({ description: "Only the patients of this primary specialist (a user's id)." }),
  unscheduledOnly: booleanFlag
    .optional()
    .meta({ description: '`true`: only pumps with no booked refill that can still happen.' }),
  minSeverity: flagSeveritySchema
    .optional()
    .meta({ description: 'Only pumps whose worst open flag is at least this severe.' }),
});
export type RefillQueueQuery = z.infer<typeof refillQueueQuerySchema>;

export const refillQueueRowSchema = z.object({
  patientId: idSchema,
  pumpId: idSchema,
  mrn: z.string(),
  patientName: z.string(),
  isHighRisk: z.boolean(),
  pumpModel: z.string(),
  reservoirMl: z.number(),
  volumeNowMl: z.number(),
  daysToAlarm: z.number(),
  alarmAt: z.string(),
  /** When the reservoir runs dry at the programmed rate; in the past, the patient is without drug. */
  emptyAt: z.string(),
  /** Whole hours since the reservoir ran dry; null while it still holds drug. */
  hoursWithoutDrug: z.number().int().nullable(),
  refillBy: z.string(),
  isOverdue: z.boolean(),
  /** Whole days past the refill-by date (0 when not overdue). */
  daysOverdue: z.number(),
  /** The last clinic day on or before refill-by (or the next clinic day when overdue). */
  proposedDate: z.string().nullable(),
  primarySpecialistName: z.string().nullable(),
  nextAppointment: z
    .object({ id: idSchema, startsAt: z.string(), status: appointmentStatusSchema, version: z.number() })
    .nullable(),
  worstFlag: z.object({ code: flagCodeSchema, severity: flagSeveritySchema, summary: z.string() }).nullable(),
});
export type RefillQueueRow = z.infer<typeof refillQueueRowSchema>;
