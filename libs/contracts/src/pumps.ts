import { z } from 'zod';
import { idSchema, instantSchema, localDateSchema, optionalText, trimmed, versionSchema } from './common.js';
import { pumpModelSchema, pumpStatusSchema } from './enums.js';

/** Stock concentrations (CLINICAL.md "Drug"); any other value up to 3,000 mcg/mL is a custom one. */
export const STOCK_CONCENTRATIONS_MCG_PER_ML = [50, 500, 1000, 2000] as const;
export const MAX_CONCENTRATION_MCG_PER_ML = 3000;
/** CLINICAL.md "Dosing": the product rejects above 3,000 mcg/day as an entry error. */
export const MAX_DAILY_DOSE_MCG = 3000;

const volumeMl = (label = 'volume') =>
  z
    .number({ error: 'must be a number of mL' })
    .positive(`${label} must be above 0 mL`)
    .max(100, `${label} must be at most 100 mL`)
    .multipleOf(0.01, 'must have at most 2 decimals');

export const concentrationSchema = z
  .number({ error: 'must be a number of mcg/mL' })
  .positive('must be above 0 mcg/mL')
  .max(MAX_CONCENTRATION_MCG_PER_ML, `must be at most ${MAX_CONCENTRATION_MCG_PER_ML} mcg/mL`)
  // The column keeps 2 decimals: a finer value would be stored as another (or as 0).
  .multipleOf(0.01, 'must have at most 2 decimals');

export const dailyDoseSchema = z
  .number({ error: 'must be a number of mcg/day' })
  .positive('must be above 0 mcg/day')
  .max(MAX_DAILY_DOSE_MCG, `must be at most ${MAX_DAILY_DOSE_MCG} mcg/day (entry error?)`)
  .multipleOf(0.1, 'must have at most 1 decimal');

export const initialFillSchema = z
  .object({
    performedAt: instantSchema,
    volumeAddedMl: volumeMl('volume added'),
    concentrationMcgPerMl: concentrationSchema,
    dailyDoseMcg: dailyDoseSchema,
    patientBolusMcgPerDay: z
      .number()
      .positive()
      .max(MAX_DAILY_DOSE_MCG)
      .multipleOf(0.1, 'must have at most 1 decimal')
      .nullable()
      .optional(),
    drugProduct: trimmed(100),
    lotNumber: trimmed(40),
    lotExpiresOn: localDateSchema,
    /** An alarm under 14 days away needs this to be true (DESIGN.md "Entry checks"). */
    confirmShortInterval: z.boolean().optional(),
  })
  .strict();
export type InitialFillRequest = z.infer<typeof initialFillSchema>;

export const implantRequestSchema = z
  .object({
    model: pumpModelSchema,
    serialNumber: trimmed(40),
    implantedOn: localDateSchema,
    reservoirMl: volumeMl('reservoir').optional(),
    alarmMl: z
      .number()
      .min(0)
      .max(20, 'must be at most 20 mL')
      .multipleOf(0.01, 'must have at most 2 decimals')
      .optional(),
    catheterTipLevel: optionalText(20),
    eriDate: localDateSchema.nullable().optional(),
    initialFill: initialFillSchema,
  })
  .strict();
export type ImplantRequest = z.infer<typeof implantRequestSchema>;

export const updatePumpRequestSchema = z
  .object({
    version: versionSchema,
    serialNumber: trimmed(40).optional(),
    alarmMl: z
      .number()
      .min(0)
      .max(20, 'must be at most 20 mL')
      .multipleOf(0.01, 'must have at most 2 decimals')
      .optional(),
    catheterTipLevel: optionalText(20),
    eriDate: localDateSchema.nullable().optional(),
    /** Why the details changed (an interrogation read a new ERI date…): kept on the audit row. */
    reason: trimmed(500),
  })
  .strict();
export type UpdatePumpRequest = z.infer<typeof updatePumpRequestSchema>;

export const explantRequestSchema = z
  .object({ version: versionSchema, explantedOn: localDateSchema, reason: trimmed(500) })
  .strict();
export type ExplantRequest = z.infer<typeof explantRequestSchema>;

/**
 * A pump replacement in one step: the current pump explanted (its history kept) and the new one implanted
 * with its first fill, in one transaction, so the patient is never left between two records.
 */
export const replacePumpRequestSchema = explantRequestSchema.extend({ newPump: implantRequestSchema }).strict();
export type ReplacePumpRequest = z.infer<typeof replacePumpRequestSchema>;

export const projectionSchema = z.object({
  volumeNowMl: z.number(),
  dailyVolumeMl: z.number(),
  alarmAt: z.string(),
  emptyAt: z.string(),
  refillBy: z.string(),
  daysToAlarm: z.number(),
  isRefillByStabilityCapped: z.boolean(),
});
export type ProjectionResponse = z.infer<typeof projectionSchema>;

export const currentFillSchema = z.object({
  id: idSchema,
  performedAt: z.string(),
  reservoirVolumeAfterMl: z.number(),
  concentrationMcgPerMl: z.number(),
  dailyDoseMcg: z.number(),
  patientBolusMcgPerDay: z.number().nullable(),
  drugProduct: z.string(),
  lotNumber: z.string(),
  lotExpiresOn: z.string(),
  /** One-off boluses given since this fill: they drain the reservoir too. */
  boluses: z.array(z.object({ at: z.string(), volumeMl: z.number() })),
  /** A recorded empty-reservoir alarm since this fill: the next refill is a dry one. */
  emptyAlarmAt: z.string().nullable(),
});

/**
 * The programmed doses a new dose is checked against (DESIGN.md "Dose-change limits": the 24 h before the
 * change, across fills): every step from the one in force 24 h before the last change on, and the implant's
 * first fill (no increase within 24 h of it).
 */
export const doseHistorySchema = z.object({
  firstFillAt: z.string(),
  steps: z.array(z.object({ at: z.string(), dailyDoseMcg: z.number() })),
});
export type DoseHistoryResponse = z.infer<typeof doseHistorySchema>;

export const pumpResponseSchema = z.object({
  id: idSchema,
  patientId: idSchema,
  model: pumpModelSchema,
  modelLabel: z.string(),
  serialNumber: z.string(),
  implantedOn: z.string(),
  reservoirMl: z.number(),
  alarmMl: z.number(),
  catheterTipLevel: z.string().nullable(),
  eriDate: z.string().nullable(),
  /**
   * When the pump needs replacing: the ERI date interrogation gave, else the model's conservative
   * estimate from the implant date (libs/domain `replacementDueOn`); null for a model with no estimate.
   */
  replacement: z.object({ dueOn: z.string(), isEstimate: z.boolean() }).nullable(),
  status: pumpStatusSchema,
  explantedOn: z.string().nullable(),
  currentDailyDoseMcg: z.number().nullable(),
  version: z.number(),
  currentFill: currentFillSchema.nullable(),
  doseHistory: doseHistorySchema.nullable(),
  projection: projectionSchema.nullable(),
});
export type PumpResponse = z.infer<typeof pumpResponseSchema>;
