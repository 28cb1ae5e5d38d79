import { APPOINTMENT_STATUSES, APPOINTMENT_TYPES } from '@itb/domain';
import { z } from 'zod';
import { idSchema, instantSchema, localDateSchema, optionalText, pageQuerySchema, versionSchema } from './common.js';

export const appointmentTypeSchema = z.enum(APPOINTMENT_TYPES, {
  error: 'must be refill, dose_review, interrogation or replacement_consult',
});
export const appointmentStatusSchema = z.enum(APPOINTMENT_STATUSES, {
  error: 'must be booked, arrived, fulfilled, cancelled or noshow',
});

export const createAppointmentRequestSchema = z
  .object({
    patientId: idSchema,
    type: appointmentTypeSchema,
    startsAt: instantSchema,
    durationMinutes: z.number().int().min(5).max(480).default(30),
    clinicianId: idSchema.nullable().optional(),
    notes: optionalText(2000),
  })
  .strict();
export type CreateAppointmentRequest = z.input<typeof createAppointmentRequestSchema>;

/**
 * Either a status change or a move; every PATCH names the version it was made against. A
 * cancellation says why (kept on the appointment and its audit row); a move may.
 */
export const updateAppointmentRequestSchema = z
  .object({
    version: versionSchema,
    status: appointmentStatusSchema.optional(),
    startsAt: instantSchema.optional(),
    durationMinutes: z.number().int().min(5).max(480).optional(),
    clinicianId: idSchema.nullable().optional(),
    notes: optionalText(2000),
    reason: optionalText(500),
  })
  .strict()
  .refine((b) => !(b.status && (b.startsAt || b.durationMinutes)), {
    path: ['status'],
    message: 'change the status or move the appointment, not both at once',
  })
  .refine((b) => b.status !== 'cancelled' || (b.reason ?? '').length > 0, {
    path: ['reason'],
    message: 'is required to cancel an appointment',
  });
export type UpdateAppointmentRequest = z.infer<typeof updateAppointmentRequestSchema>;

export const appointmentListQuerySchema = pageQuerySchema.extend({
  from: localDateSchema.optional().meta({ description: 'First clinic calendar day (YYYY-MM-DD, inclusive).' }),
  to: localDateSchema.optional().meta({ description: 'Last clinic calendar day (YYYY-MM-DD, inclusive).' }),
  patientId: idSchema.optional().meta({ description: "Only this patient's appointments." }),
  clinicianId: idSchema.optional().meta({ description: "Only this clinician's appointments." }),
  type: appointmentTypeSchema.optional().meta({ description: 'Only appointments of this type.' }),
  status: appointmentStatusSchema.optional().meta({ description: 'Only appointments in this status.' }),
});
export type AppointmentListQuery = z.infer<typeof appointmentListQuerySchema>;

export const appointmentResponseSchema = z.object({
  id: idSchema,
  patientId: idSchema,
  patientName: z.string(),
  mrn: z.string(),
  isHighRisk: z.boolean(),
  pumpId: idSchema.nullable(),
  type: appointmentTypeSchema,
  startsAt: z.string(),
  /** The clinic's calendar date of `startsAt`. */
  startsOn: z.string(),
  durationMinutes: z.number(),
  clinicianId: idSchema.nullable(),
  clinicianName: z.string().nullable(),
  status: appointmentStatusSchema,
  fillId: idSchema.nullable(),
  notes: z.string().nullable(),
  /** Why it was cancelled, as the clinician said. */
  statusReason: z.string().nullable(),
  /** The patient's active pump now: its volume and projected alarm and empty instants (how urgent the visit is). */
  pump: z.object({ volumeNowMl: z.number(), alarmAt: z.string(), emptyAt: z.string() }).nullable(),
  version: z.number(),
  /** Booking outside clinic days or hours, after the pump's dates or on a full day is allowed, and said. */
  warnings: z.array(z.string()),
});
export type AppointmentResponse = z.infer<typeof appointmentResponseSchema>;

export const APPOINTMENT_TYPE_LABELS: Record<z.infer<typeof appointmentTypeSchema>, string> = {
  refill: 'Refill',
  dose_review: 'Dose review',
  interrogation: 'Interrogation',
  replacement_consult: 'Replacement consult',
};

/** The checks a booking or a move would meet, without saving anything. */
export const appointmentPreviewRequestSchema = z
  .object({
    patientId: idSchema,
    type: appointmentTypeSchema,
    startsAt: instantSchema,
    durationMinutes: z.number().int().min(5).max(480).default(30),
    /** When moving a booked appointment: it is not counted against its own day. */
    appointmentId: idSchema.optional(),
  })
  .strict();
export type AppointmentPreviewRequest = z.input<typeof appointmentPreviewRequestSchema>;

export const appointmentPreviewResponseSchema = z.object({
  /** The clinic date the start falls on. */
  startsOn: z.string(),
  /** The patient's active pump's projected dates; null without an active pump. */
  pump: z
    .object({
      alarmAt: z.string().nullable(),
      emptyAt: z.string().nullable(),
      refillBy: z.string().nullable(),
    })
    .nullable(),
  /** Appointments already taking a slot that day (not counting this one), and the day's slots. */
  day: z.object({ booked: z.number(), capacity: z.number(), isFull: z.boolean() }),
  /** Every warning the booking would be saved with, worst first. */
  warnings: z.array(z.string()),
});
export type AppointmentPreviewResponse = z.infer<typeof appointmentPreviewResponseSchema>;
