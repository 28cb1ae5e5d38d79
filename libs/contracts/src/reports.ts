import { z } from 'zod';
import { idSchema, localDateSchema, pageOf, pageQuerySchema } from './common.js';

const reportFrom = localDateSchema
  .optional()
  .meta({ description: "First clinic calendar day of the period (YYYY-MM-DD); default twelve months to today's." });
const reportTo = localDateSchema
  .optional()
  .meta({ description: 'Last clinic calendar day of the period (YYYY-MM-DD, inclusive); default today.' });

export const overdueReportQuerySchema = z
  .object({
    /** Clinic calendar dates, inclusive; default the twelve calendar months to today's. */
    from: reportFrom,
    to: reportTo,
    /** How many of the pumps overdue now come with the report; the rest page through `overdueNowNextCursor`. */
    limit: z.coerce.number().int().min(1).max(200).default(50).meta({
      description:
        'Rows of the overdue-now list in this answer (1–200); `overdueNowNextCursor` pages on through `GET /reports/overdue/now`.',
    }),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['to'], message: 'must not be before from' });
export type OverdueReportQuery = z.infer<typeof overdueReportQuerySchema>;

/** A rate with what it was made of: `pct` is numerator / denominator × 100 to 0.1, null when nothing was counted. */
export const reportRateSchema = z.object({
  numerator: z.number().int(),
  denominator: z.number().int(),
  pct: z.number().nullable(),
});
export type ReportRate = z.infer<typeof reportRateSchema>;

/**
 * The refills that fell due (refill-by date in the clinic's calendar) in a span, by what became of
 * them. Disjoint: on time (done on or before refill-by), late (after refill-by, before the alarm),
 * after the alarm, not done (still not refilled a day after refill-by: overdue now). `pending` are
 * due today or later and not done yet: they have not fallen due, so they count in no rate.
 */
const dueCounts = {
  fellDue: z.number().int(),
  onTime: z.number().int(),
  late: z.number().int(),
  afterAlarm: z.number().int(),
  notDone: z.number().int(),
  /** on time / fell due. */
  onTimeRate: reportRateSchema,
};

/** Refill appointments that were to happen in the span (cancelled ones apart). */
export const noShowCountsSchema = z.object({
  /** Every refill appointment due in the span except the cancelled: the no-show rate's denominator. */
  appointments: z.number().int(),
  fulfilled: z.number().int(),
  markedNoShow: z.number().int(),
  /** Booked, its time passed (DESIGN.md: day over or 4 h past) and no refill followed. */
  passedWithoutFill: z.number().int(),
  /** Checked in on a day now over, and no refill recorded. */
  arrivedWithoutFill: z.number().int(),
  /** Still to happen (later today or after): in no rate. */
  upcoming: z.number().int(),
  cancelled: z.number().int(),
  /** (marked + passed + arrived without a fill) / appointments. */
  noShowRate: reportRateSchema,
});
export type NoShowCounts = z.infer<typeof noShowCountsSchema>;

export const reportMeasuresSchema = z.object({
  from: z.string(),
  to: z.string(),
  ...dueCounts,
  pending: z.number().int(),
  /** Median of (alarm − refill) in days over the refills done, negative when after the alarm. */
  medianDaysRefillToAlarm: z.number().nullable(),
  noShows: noShowCountsSchema,
});
export type ReportMeasures = z.infer<typeof reportMeasuresSchema>;

export const overdueNowRowSchema = z.object({
  patientId: idSchema,
  patientName: z.string(),
  mrn: z.string(),
  isHighRisk: z.boolean(),
  phone: z.string().nullable(),
  emergencyContact: z.string().nullable(),
  primarySpecialistName: z.string().nullable(),
  pumpId: idSchema,
  refillBy: z.string(),
  /** The alarm on the clinic's wall clock, `YYYY-MM-DD HH:MM` and the zone. */
  alarmAtLocal: z.string(),
  alarmAt: z.string(),
  emptyAt: z.string(),
  emptyAtLocal: z.string(),
  daysOverdue: z.number().int(),
  isPastAlarm: z.boolean(),
  lastRefillOn: z.string(),
  /** The next booked refill appointment, else the last one that passed without a fill. */
  appointment: z
    .object({ startsAt: z.string(), startsAtLocal: z.string(), state: z.enum(['booked', 'missed']) })
    .nullable(),
});
export type OverdueNowRow = z.infer<typeof overdueNowRowSchema>;

export const overdueReportSchema = z.object({
  clinicName: z.string(),
  timeZone: z.string(),
  from: z.string(),
  to: z.string(),
  today: z.string(),
  headline: reportMeasuresSchema.extend({
    overdueNow: z.number().int(),
    pastAlarmNow: z.number().int(),
  }),
  /** The same measures for the period just before, of the same length (whole months when the period is). */
  previous: reportMeasuresSchema,
  /** Every month of the period, oldest first, zeros included; a month is the one its refill-by date fell in. */
  byMonth: z.array(z.object({ month: z.string(), ...dueCounts, pending: z.number().int() })),
  /** By the patient's primary specialist (who answers for the patient); null: none named. */
  bySpecialist: z.array(z.object({ specialistId: idSchema.nullable(), name: z.string(), ...dueCounts })),
  /** By who performed the refill (refills done only). */
  byPerformer: z.array(
    z.object({
      clinicianId: idSchema,
      name: z.string(),
      done: z.number().int(),
      onTime: z.number().int(),
      late: z.number().int(),
      afterAlarm: z.number().int(),
      onTimeRate: reportRateSchema,
    }),
  ),
  /** The first page of the pumps overdue now, most overdue first (high-risk first on a tie); `headline.overdueNow` counts them all. */
  overdueNow: z.array(overdueNowRowSchema),
  /** Pass as `cursor` to `GET /reports/overdue/now` for the next rows; null when `overdueNow` holds them all. */
  overdueNowNextCursor: z.string().nullable(),
});
export type OverdueReport = z.infer<typeof overdueReportSchema>;

/** The pumps overdue now, one keyset page at a time after the report's first page. */
export const overdueNowQuerySchema = pageQuerySchema;
export type OverdueNowQuery = z.infer<typeof overdueNowQuerySchema>;
export const overdueNowPageSchema = pageOf(overdueNowRowSchema);
export type OverdueNowPage = z.infer<typeof overdueNowPageSchema>;

/** The counts a report cell can open: the refills (by outcome) or the refill appointments (by what became of them). */
export const REPORT_MEASURES = [
  'fell_due',
  'on_time',
  'late',
  'after_alarm',
  'not_done',
  'no_show',
  'marked_no_show',
  'passed_without_fill',
  'arrived_without_fill',
  'cancelled',
] as const;
export type ReportMeasure = (typeof REPORT_MEASURES)[number];

export const reportPatientsQuerySchema = z
  .object({
    from: reportFrom,
    to: reportTo,
    measure: z.enum(REPORT_MEASURES).meta({ description: 'Which count of the report to list the patients of.' }),
    /** One month of the period (`YYYY-MM`), else the whole period. */
    month: z
      .string()
      .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month such as 2026-03')
      .optional()
      .meta({ description: 'One month of the period (YYYY-MM); the whole period when absent.' }),
    /** One primary specialist's patients; `none` for patients without one. */
    specialistId: z
      .union([idSchema, z.literal('none')])
      .optional()
      .meta({ description: "One primary specialist's patients; `none` for patients without one." }),
    /** Refills performed by one clinician (refill measures; an appointment measure then lists none). */
    performedById: idSchema
      .optional()
      .meta({ description: 'Refills performed by one clinician (refill measures only).' }),
    cursor: pageQuerySchema.shape.cursor,
    limit: z.coerce.number().int().min(1).max(500).default(100).meta({ description: 'Rows per page (1–500).' }),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['to'], message: 'must not be before from' });
export type ReportPatientsQuery = z.infer<typeof reportPatientsQuerySchema>;

export const reportPatientRowSchema = z.object({
  patientId: idSchema,
  patientName: z.string(),
  mrn: z.string(),
  pumpId: idSchema.nullable(),
  primarySpecialistName: z.string().nullable(),
  /** The refill-by date, or the appointment's clinic date for an appointment measure. */
  dueOn: z.string(),
  /** The refill's clinic date, null when not done. */
  doneOn: z.string().nullable(),
  outcome: z.string(),
});
export type ReportPatientRow = z.infer<typeof reportPatientRowSchema>;

export const reportPatientsSchema = z.object({
  measure: z.enum(REPORT_MEASURES),
  from: z.string(),
  to: z.string(),
  month: z.string().nullable(),
  /** One page, oldest due first; `total` says how many there are in all. */
  items: z.array(reportPatientRowSchema),
  total: z.number().int(),
  /** Pass back as `cursor` for the next page; null on the last. */
  nextCursor: z.string().nullable(),
});
export type ReportPatients = z.infer<typeof reportPatientsSchema>;

export const REPORT_CSV_SECTIONS = ['overdue-now', 'months', 'specialists', 'performers'] as const;
export const reportCsvQuerySchema = z
  .object({
    from: reportFrom,
    to: reportTo,
    section: z
      .enum(REPORT_CSV_SECTIONS)
      .default('overdue-now')
      .meta({ description: "The report's section to download; the period is in the file's name." }),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['to'], message: 'must not be before from' });
export type ReportCsvQuery = z.infer<typeof reportCsvQuerySchema>;
