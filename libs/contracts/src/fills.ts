import { PUMP_ALARM_TYPES } from '@itb/domain';
import { z } from 'zod';
import {
  idSchema,
  instantSchema,
  localDateSchema,
  optionalText,
  pageQuerySchema,
  pumpVersionSchema,
  trimmed,
} from './common.js';
import { concentrationSchema, dailyDoseSchema, projectionSchema } from './pumps.js';

const volumeMl = (label: string, min: 'positive' | 'nonnegative') => {
  const number = z.number({ error: 'must be a number of mL' });
  const bounded =
    min === 'positive'
      ? number.positive(`${label} must be above 0 mL`)
      : number.nonnegative(`${label} must be at least 0 mL`);
  return bounded.max(100, `${label} must be at most 100 mL`).multipleOf(0.01, 'must have at most 2 decimals');
};

/** A bridge or priming bolus, mL: what it takes from the reservoir. */
const bolusMl = z
  .number({ error: 'must be a number of mL' })
  .positive('must be above 0 mL (null when none was given)')
  .max(10, 'must be at most 10 mL')
  .multipleOf(0.01, 'must have at most 2 decimals');

export const fillRequestSchema = z
  .object({
    performedAt: instantSchema,
    residualWithdrawnMl: volumeMl('residual', 'nonnegative'),
    volumeAddedMl: volumeMl('volume added', 'positive'),
    reservoirVolumeAfterMl: volumeMl('volume after', 'positive').optional(),
    concentrationMcgPerMl: concentrationSchema,
    dailyDoseMcg: dailyDoseSchema,
    drugProduct: trimmed(100),
    lotNumber: trimmed(40),
    lotExpiresOn: localDateSchema,
    patientBolusMcgPerDay: z
      .number()
      .positive()
      .max(3000)
      .multipleOf(0.1, 'must have at most 1 decimal')
      .nullable()
      .optional(),
    /** Patient-activated boluses since the last refill, mL, as the controller reports them (optional). */
    patientBolusesDeliveredMl: volumeMl('patient boluses', 'nonnegative').nullable().optional(),
    /**
     * Asked at every concentration change: the bridge bolus given, mL, or null for none. It drains the new
     * fill (a pump event). Required when the concentration changes.
     */
    bridgeBolusMl: bolusMl.nullable().optional(),
    /** Asked when the pump had run dry: the priming bolus given, mL, or null for none. Required then. */
    primingBolusMl: bolusMl.nullable().optional(),
    /** An alarm under 14 days away, or a refill-by on or before the fill date, needs this to be true. */
    confirmShortInterval: z.boolean().optional(),
    /** A refill within 10 minutes of the pump's last fill is refused as a likely double entry unless this is true. */
    confirmRepeatRefill: z.boolean().optional(),
    notes: optionalText(2000),
    /** Required from a specialist when the new dose is beyond the titration limits. */
    overrideReason: optionalText(500),
    /** The pump version the form was opened on: anything recorded on the pump meanwhile makes this one stale (409). */
    pumpVersion: pumpVersionSchema,
  })
  .strict();
export type FillRequest = z.infer<typeof fillRequestSchema>;
/** A refill checked without recording it: the pump version is not needed (nothing is written). */
export const fillPreviewRequestSchema = fillRequestSchema.partial({ pumpVersion: true });
export type FillPreviewRequest = z.infer<typeof fillPreviewRequestSchema>;

export const doseLimitCheckSchema = z.object({
  previousDailyDoseMcg: z.number(),
  newDailyDoseMcg: z.number(),
  changePct: z.number(),
  direction: z.enum(['increase', 'decrease', 'none']),
  limitPct: z.number().nullable(),
  isWithinLimit: z.boolean(),
  excessPct: z.number(),
  limitCode: z.string().nullable(),
  message: z.string().nullable(),
  isAboveWarningDose: z.boolean(),
  /** The dose the change is measured from, when it is an earlier one of the 24 h window (lowest or highest). */
  fromDailyDoseMcg: z.number(),
  isAgainstEarlierDose: z.boolean(),
  /** Under 18 at the change: the children's (cerebral) limit applies. */
  isChild: z.boolean(),
});
export type DoseLimitCheckResponse = z.infer<typeof doseLimitCheckSchema>;

export const fillResponseSchema = z.object({
  id: idSchema,
  pumpId: idSchema,
  isInitial: z.boolean(),
  performedAt: z.string(),
  performedById: idSchema,
  performedByName: z.string(),
  residualWithdrawnMl: z.number().nullable(),
  volumeAddedMl: z.number(),
  reservoirVolumeAfterMl: z.number(),
  concentrationMcgPerMl: z.number(),
  dailyDoseMcg: z.number(),
  patientBolusMcgPerDay: z.number().nullable(),
  drugProduct: z.string(),
  lotNumber: z.string(),
  lotExpiresOn: z.string(),
  notes: z.string().nullable(),
  /** Withdrawn + left in the reservoir: what the pump held; reconciliation uses it. Null for first fills. */
  residualFoundMl: z.number().nullable(),
  patientBolusesDeliveredMl: z.number().nullable(),
  expectedResidualMl: z.number().nullable(),
  discrepancyMl: z.number().nullable(),
  deliveryErrorPct: z.number().nullable(),
  /** Set when the concentration changed with drug left in the reservoir. */
  mixedConcentrationMcgPerMl: z.number().nullable(),
  realDailyDoseMcg: z.number().nullable(),
  /** Set when the refill found the pump dry. */
  emptySince: z.string().nullable(),
  bridgeBolusGiven: z.boolean().nullable(),
  primingBolusGiven: z.boolean().nullable(),
  alarmAt: z.string(),
  emptyAt: z.string(),
  refillBy: z.string(),
});
export type FillResponse = z.infer<typeof fillResponseSchema>;

/** The answer to a recorded or previewed refill: the residual check and the new projection. */
export const fillResultSchema = fillResponseSchema.extend({
  projection: projectionSchema,
  doseCheck: doseLimitCheckSchema.nullable(),
  /** What else the refill was checked for (DESIGN.md "The reservoir engine"). */
  checks: z.object({
    leftInReservoirMl: z.number(),
    isConcentrationChange: z.boolean(),
    /** The refill found the pump dry: since when and for how long. */
    withoutDrug: z.object({ emptySince: z.string(), hoursWithoutDrug: z.number(), message: z.string() }).nullable(),
    /** Why the interval is short (needs confirmShortInterval), or null. */
    shortInterval: z.string().nullable(),
    isAtOrBelowAlarm: z.boolean(),
    /** The pump was filled less than 10 minutes before this refill (a double entry?), or null. */
    recentFill: z.string().nullable(),
    /** Answers the refill still needs before it can be recorded. */
    needs: z.object({
      bridgeBolusAnswer: z.boolean(),
      primingBolusAnswer: z.boolean(),
      shortIntervalConfirmation: z.boolean(),
    }),
  }),
  warnings: z.array(z.string()),
});
export type FillResult = z.infer<typeof fillResultSchema>;

export const fillPreviewSchema = fillResultSchema.omit({ id: true, performedById: true, performedByName: true });
export type FillPreview = z.infer<typeof fillPreviewSchema>;

export const fillListQuerySchema = pageQuerySchema;

export const DOSE_REASONS = [
  'titration_up',
  'titration_down',
  'side_effects',
  'spasticity_increase',
  'weaning',
  'other',
] as const;
export const doseReasonSchema = z.enum(DOSE_REASONS);
export type DoseReason = z.infer<typeof doseReasonSchema>;
export const DOSE_REASON_LABELS: Record<DoseReason, string> = {
  titration_up: 'Titration up',
  titration_down: 'Titration down',
  side_effects: 'Side effects',
  spasticity_increase: 'Spasticity increase',
  weaning: 'Weaning',
  other: 'Other',
};

export const doseAdjustmentRequestSchema = z
  .object({
    effectiveAt: instantSchema,
    newDailyDoseMcg: dailyDoseSchema,
    reason: doseReasonSchema,
    orderedById: idSchema,
    overrideReason: optionalText(500),
    notes: optionalText(2000),
    /** The pump version the form was opened on (409 when the pump changed meanwhile). */
    pumpVersion: pumpVersionSchema,
  })
  .strict();
export type DoseAdjustmentRequest = z.infer<typeof doseAdjustmentRequestSchema>;
/** A dose change checked without recording it: no pump version needed. */
export const doseAdjustmentPreviewRequestSchema = doseAdjustmentRequestSchema.partial({ pumpVersion: true });
export type DoseAdjustmentPreviewRequest = z.infer<typeof doseAdjustmentPreviewRequestSchema>;

export const doseAdjustmentResponseSchema = z.object({
  id: idSchema,
  pumpId: idSchema,
  effectiveAt: z.string(),
  previousDailyDoseMcg: z.number(),
  newDailyDoseMcg: z.number(),
  reason: doseReasonSchema,
  orderedById: idSchema,
  orderedByName: z.string(),
  recordedById: idSchema,
  recordedByName: z.string(),
  overrideReason: z.string().nullable(),
  notes: z.string().nullable(),
  createdAt: z.string(),
});
export type DoseAdjustmentResponse = z.infer<typeof doseAdjustmentResponseSchema>;

export const doseAdjustmentResultSchema = doseAdjustmentResponseSchema.extend({
  projection: projectionSchema,
  doseCheck: doseLimitCheckSchema,
  warnings: z.array(z.string()),
});
export type DoseAdjustmentResult = z.infer<typeof doseAdjustmentResultSchema>;

export const doseAdjustmentPreviewSchema = z.object({
  previousDailyDoseMcg: z.number(),
  newDailyDoseMcg: z.number(),
  doseCheck: doseLimitCheckSchema,
  projectionBefore: projectionSchema,
  projection: projectionSchema,
  warnings: z.array(z.string()),
});
export type DoseAdjustmentPreview = z.infer<typeof doseAdjustmentPreviewSchema>;

export const PUMP_EVENT_TYPES = [
  'interrogation',
  'mri',
  ...PUMP_ALARM_TYPES,
  'pump_stopped',
  'pump_restarted',
  'catheter_revision',
  'pump_replacement',
  'explant',
  'bolus',
  'bridge_bolus',
  'priming_bolus',
] as const;
/** The boluses: each takes its volume from the reservoir. */
export const BOLUS_EVENT_TYPES = ['bolus', 'bridge_bolus', 'priming_bolus'] as const;
export const pumpEventTypeSchema = z.enum(PUMP_EVENT_TYPES);
export type PumpEventType = z.infer<typeof pumpEventTypeSchema>;
export const PUMP_EVENT_LABELS: Record<PumpEventType, string> = {
  interrogation: 'Interrogation',
  mri: 'MRI scan',
  alarm_low_reservoir: 'Low-reservoir alarm heard',
  alarm_eri: 'Replacement (ERI) alarm heard',
  alarm_empty_reservoir: 'Empty-reservoir alarm heard (critical)',
  alarm_end_of_service: 'End-of-service alarm heard (critical)',
  alarm_motor_stall: 'Motor-stall alarm heard (critical)',
  alarm_critical_memory: 'Critical memory-error alarm heard (critical)',
  alarm_critical: 'Critical alarm heard',
  pump_stopped: 'Pump stopped',
  pump_restarted: 'Pump restarted',
  catheter_revision: 'Catheter revision',
  pump_replacement: 'Pump replacement',
  explant: 'Explant',
  bolus: 'Clinician bolus',
  bridge_bolus: 'Bridge bolus (concentration change)',
  priming_bolus: 'Priming bolus',
};

/** What a clinician enters for a pump event; the request adds the pump version the form was opened on. */
const pumpEventFields = {
  type: pumpEventTypeSchema.exclude(['explant'], { error: 'must be an event type (explant has its own action)' }),
  occurredAt: instantSchema,
  /** A one-off bolus: the volume it took from the reservoir. Required for a bolus, refused otherwise. */
  volumeMl: z
    .number({ error: 'must be a number of mL' })
    .positive('must be above 0 mL')
    .max(100)
    .multipleOf(0.01)
    .optional(),
  notes: optionalText(2000),
};
const bolusNeedsVolume = <T extends z.ZodType<{ type: string; volumeMl?: number }>>(schema: T) =>
  schema.refine((e) => (BOLUS_EVENT_TYPES as readonly string[]).includes(e.type) === (e.volumeMl !== undefined), {
    path: ['volumeMl'],
    message: 'is required for a bolus, and only for a bolus',
  });

/** The dashboard's event form: the fields without the version (the dialog adds the one it opened on). */
export const pumpEventFormSchema = bolusNeedsVolume(z.object(pumpEventFields).strict());
export const pumpEventRequestSchema = bolusNeedsVolume(
  z
    .object({
      ...pumpEventFields,
      /** The pump version the form was opened on (409 when the pump changed meanwhile). */
      pumpVersion: pumpVersionSchema,
    })
    .strict(),
);
export type PumpEventRequest = z.infer<typeof pumpEventRequestSchema>;

export const pumpEventResponseSchema = z.object({
  id: idSchema,
  pumpId: idSchema,
  type: pumpEventTypeSchema,
  occurredAt: z.string(),
  volumeMl: z.number().nullable(),
  recordedById: idSchema,
  notes: z.string().nullable(),
  createdAt: z.string(),
});
export type PumpEventResponse = z.infer<typeof pumpEventResponseSchema>;
