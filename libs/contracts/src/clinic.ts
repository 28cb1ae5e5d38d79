import { isValidTimeZone } from '@itb/domain';
import { z } from 'zod';
import { idSchema, versionSchema } from './common.js';

const wallClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time HH:MM (24-hour)');

export const clinicResponseSchema = z.object({
  id: idSchema,
  name: z.string(),
  timeZone: z.string(),
  clinicDays: z.array(z.number().int().min(1).max(7)),
  refillLeadDays: z.number(),
  dueSoonWindowDays: z.number(),
  maxDrugDaysInPump: z.number(),
  emergencyPhone: z.string().nullable(),
  /** Clinic hours on its wall clock, `HH:MM`. */
  opensAt: z.string(),
  closesAt: z.string(),
  /** Appointments a clinic day holds; the booking form warns once a day is full. */
  slotsPerDay: z.number(),
  /** Days before a booked refill that the patient is reminded (issue 13), e.g. [7, 1]. */
  reminderDaysBefore: z.array(z.number()),
  /** Clinic wall-clock time, `HH:MM`, from which the day's reminders and the staff digest go out. */
  messagesAt: z.string(),
  version: z.number(),
});
export type ClinicResponse = z.infer<typeof clinicResponseSchema>;

export const updateClinicRequestSchema = z
  .object({
    version: versionSchema,
    name: z.string().trim().min(1).max(120).optional(),
    /** Checked here against this runtime's zones, and by the API against the database's own list. */
    timeZone: z
      .string()
      .max(64, 'must be an IANA time zone such as Europe/London')
      .refine(isValidTimeZone, 'must be an IANA time zone such as Europe/London')
      .optional(),
    clinicDays: z
      .array(z.number().int().min(1).max(7))
      .min(1, 'must hold at least one day')
      .refine((d) => new Set(d).size === d.length, 'must not repeat a day')
      .optional(),
    refillLeadDays: z.number().int().min(0).max(30).optional(),
    dueSoonWindowDays: z.number().int().min(1).max(90).optional(),
    maxDrugDaysInPump: z.number().int().min(1).max(365).optional(),
    emergencyPhone: z.string().trim().max(40).nullable().optional(),
    opensAt: wallClockTime.optional(),
    closesAt: wallClockTime.optional(),
    slotsPerDay: z.number().int().min(1).max(200).optional(),
    reminderDaysBefore: z
      .array(z.number().int().min(1, 'must be at least 1 day').max(60, 'must be at most 60 days'))
      .max(4, 'may hold at most 4 reminders')
      .refine((d) => new Set(d).size === d.length, 'must not repeat a day')
      .optional(),
    messagesAt: wallClockTime.optional(),
  })
  .strict()
  .refine((c) => !c.opensAt || !c.closesAt || c.opensAt < c.closesAt, {
    path: ['closesAt'],
    message: 'must be after the opening time',
  });
export type UpdateClinicRequest = z.infer<typeof updateClinicRequestSchema>;
