import { z } from 'zod';
import { idSchema } from './common.js';

/** A volume at an instant (ISO 8601 UTC), mL. */
export const volumePointSchema = z.object({ at: z.string(), volumeMl: z.number() });
export type VolumePointResponse = z.infer<typeof volumePointSchema>;

export const fillPointSchema = z.object({
  fillId: idSchema,
  at: z.string(),
  isInitial: z.boolean(),
  /** Withdrawn at this refill (the actual residual); null for the first fill. */
  residualWithdrawnMl: z.number().nullable(),
  /** What the previous fill should have left then; null for the first fill. */
  expectedResidualMl: z.number().nullable(),
  discrepancyMl: z.number().nullable(),
  deliveryErrorPct: z.number().nullable(),
  /** Past the residual-discrepancy thresholds (14.5 % and 1.0 mL). */
  isDiscrepant: z.boolean(),
  volumeAfterMl: z.number(),
});
export type FillPointResponse = z.infer<typeof fillPointSchema>;

export const doseStepSchema = z.object({
  /** The step holds from this instant until the next step's (the last until now). */
  from: z.string(),
  kind: z.enum(['fill', 'dose_change']),
  dailyDoseMcg: z.number(),
  bolusAllowanceMcgPerDay: z.number().nullable(),
  concentrationMcgPerMl: z.number(),
  /** A fill that brought a concentration other than the previous fill's. */
  isConcentrationChange: z.boolean(),
  /** mL/day at the projected dose (programmed + full bolus allowance). */
  dailyVolumeMl: z.number(),
});
export type DoseStepResponse = z.infer<typeof doseStepSchema>;

/** `GET /api/pumps/:id/reservoir-history`: a pump's reservoir and dose since implant, as chart series. */
export const reservoirHistorySchema = z.object({
  pumpId: idSchema,
  implantedOn: z.string(),
  reservoirMl: z.number(),
  alarmMl: z.number(),
  /** The instant the series were computed at; the last volume interval ends here. */
  asOf: z.string(),
  /** One interval per fill: from the fill to the next fill (ending at its expected residual), or to now. */
  volumeLine: z.array(z.object({ fillId: idSchema, points: z.array(volumePointSchema) })),
  fillPoints: z.array(fillPointSchema),
  /** The current fill from now to empty; null for an explanted pump. Empty points once it has run dry. */
  projected: z.object({ points: z.array(volumePointSchema), alarmAt: z.string(), emptyAt: z.string() }).nullable(),
  doseSteps: z.array(doseStepSchema),
});
export type ReservoirHistoryResponse = z.infer<typeof reservoirHistorySchema>;
