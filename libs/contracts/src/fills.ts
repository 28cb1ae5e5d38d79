import { z } from 'zod';
import {
  idSchema,
  instantSchema,
  localDateSchema,
  MAX_INT4,
  optionalText,
  pageQuerySchema,
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
    notes: optionalText(2000),
    /** Required from a specialist when the new dose is beyond the titration limits. */
    overrideReason: optionalText(500),
    /** The pump version the form was opened on: a refill recorded meanwhile makes this one stale (409). */
    pumpVersion: z.number().int().min(1).max(MAX_INT4).optional(),
  })
  .strict();
export type FillRequest = z.infer<typeof fillRequestSchema>;

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
  expectedResidualMl: z.number().nullable(),
  discrepancyMl: z.number().nullable(),
  deliveryErrorPct: z.number().nullable(),
  alarmAt: z.string(),
  emptyAt: z.string(),
  refillBy: z.string(),
});
export type FillResponse = z.infer<typeof fillResponseSchema>;

/** The answer to a recorded or previewed refill: the residual check and the new projection. */
export const fillResultSchema = fillResponseSchema.extend({
  projection: projectionSchema,
  doseCheck: doseLimitCheckSchema.nullable(),
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
    pumpVersion: z.number().int().min(1).max(MAX_INT4).optional(),
  })
  .strict();
export type DoseAdjustmentRequest = z.infer<typeof doseAdjustmentRequestSchema>;

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
  'alarm_low_reservoir',
  'alarm_critical',
  'catheter_revision',
  'pump_replacement',
  'explant',
  'bolus',
] as const;
export const pumpEventTypeSchema = z.enum(PUMP_EVENT_TYPES);
export type PumpEventType = z.infer<typeof pumpEventTypeSchema>;
export const PUMP_EVENT_LABELS: Record<PumpEventType, string> = {
  interrogation: 'Interrogation',
  mri: 'MRI scan',
  alarm_low_reservoir: 'Low-reservoir alarm heard',
  alarm_critical: 'Critical alarm heard',
  catheter_revision: 'Catheter revision',
  pump_replacement: 'Pump replacement',
  explant: 'Explant',
  bolus: 'Bolus (one-off)',
};

export const pumpEventRequestSchema = z
  .object({
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
  })
  .strict()
  .refine((e) => (e.type === 'bolus') === (e.volumeMl !== undefined), {
    path: ['volumeMl'],
    message: 'is required for a bolus, and only for a bolus',
  });
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
