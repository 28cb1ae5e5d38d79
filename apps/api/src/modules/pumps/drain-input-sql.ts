import type { DrainInput } from '@itb/domain';

/** A fill's drain input as one JSON value, read with its row (`drainInputSql`). */
export interface DrainInputJson {
  performedAt: string;
  volumeAfterMl: number;
  concentrationMcgPerMl: number;
  dailyDoseMcg: number;
  patientBolusMcgPerDay: number | null;
  adjustments: { at: string; dose: number }[];
  boluses: { at: string; ml: number }[];
}

/**
 * What the fill row `fill` (an alias of `fills`) drains by, as one JSON value: the fill, its dose
 * changes and the one-off boluses given after it. A list reads it in the same statement as its rows. A
 * bolus counts when its millisecond is after the fill's, as the JavaScript dates of `stateOf` compare.
 */
export const drainInputSql = (fill: string): string => `json_build_object(
  'performedAt', ${fill}.performed_at,
  'volumeAfterMl', ${fill}.reservoir_volume_after_ml,
  'concentrationMcgPerMl', ${fill}.concentration_mcg_per_ml,
  'dailyDoseMcg', ${fill}.daily_dose_mcg,
  'patientBolusMcgPerDay', ${fill}.patient_bolus_mcg_per_day,
  'adjustments', (SELECT coalesce(json_agg(json_build_object('at', a.effective_at, 'dose', a.new_daily_dose_mcg)
                                           ORDER BY a.effective_at), '[]')
                  FROM dose_adjustments a WHERE a.fill_id = ${fill}.id),
  'boluses', (SELECT coalesce(json_agg(json_build_object('at', e.occurred_at, 'ml', e.volume_ml) ORDER BY e.occurred_at), '[]')
              FROM pump_events e
              WHERE e.pump_id = ${fill}.pump_id AND e.type IN ('bolus', 'bridge_bolus', 'priming_bolus')
                AND date_trunc('milliseconds', e.occurred_at) > date_trunc('milliseconds', ${fill}.performed_at)))`;

/** The reservoir engine's input from `drainInputSql`'s value. */
export const drainInputFromJson = (j: DrainInputJson): DrainInput => ({
  doseChanges: j.adjustments.map((a) => ({ effectiveAt: new Date(a.at), newDailyDoseMcg: Number(a.dose) })),
  boluses: j.boluses.map((b) => ({ at: new Date(b.at), volumeMl: Number(b.ml) })),
  fill: {
    performedAt: new Date(j.performedAt),
    reservoirVolumeAfterMl: Number(j.volumeAfterMl),
    concentrationMcgPerMl: Number(j.concentrationMcgPerMl),
    dailyDoseMcg: Number(j.dailyDoseMcg),
    patientBolusMcgPerDay: j.patientBolusMcgPerDay === null ? null : Number(j.patientBolusMcgPerDay),
  },
});
