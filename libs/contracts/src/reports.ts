import { z } from 'zod';
import { idSchema, localDateSchema } from './common.js';

export const overdueReportQuerySchema = z
  .object({
    /** Clinic calendar dates, inclusive; default the twelve months to today. */
    from: localDateSchema.optional(),
    to: localDateSchema.optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['to'], message: 'must not be before from' });
export type OverdueReportQuery = z.infer<typeof overdueReportQuerySchema>;

const lateCounts = {
  refills: z.number(),
  onTime: z.number(),
  afterRefillBy: z.number(),
  afterAlarm: z.number(),
  /** On time = on or before the refill-by date; null when there were no refills. */
  onTimeRatePct: z.number().nullable(),
};

export const overdueReportSchema = z.object({
  timeZone: z.string(),
  from: z.string(),
  to: z.string(),
  today: z.string(),
  headline: z.object({
    overdueNow: z.number(),
    pastAlarmNow: z.number(),
    ...lateCounts,
    onTimeRateThisMonthPct: z.number().nullable(),
    /** Median of (alarm − refill) in days over the period's refills; negative when refills came after the alarm. */
    medianDaysRefillToAlarm: z.number().nullable(),
    refillAppointments: z.number(),
    noShows: z.number(),
    noShowRatePct: z.number().nullable(),
  }),
  overdueNow: z.array(
    z.object({
      patientId: idSchema,
      patientName: z.string(),
      mrn: z.string(),
      isHighRisk: z.boolean(),
      pumpId: idSchema,
      refillBy: z.string(),
      /** The alarm on the clinic's wall clock, `YYYY-MM-DD HH:MM` and the zone. */
      alarmAtLocal: z.string(),
      alarmAt: z.string(),
      daysOverdue: z.number(),
      isPastAlarm: z.boolean(),
    }),
  ),
  byMonth: z.array(z.object({ month: z.string(), ...lateCounts })),
  byClinician: z.array(z.object({ clinicianId: idSchema, clinicianName: z.string(), ...lateCounts })),
});
export type OverdueReport = z.infer<typeof overdueReportSchema>;
