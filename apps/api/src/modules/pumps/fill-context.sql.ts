import type { DrainInput, ProgrammedDose } from '@itb/domain';
import { drainInputFromJson, type DrainInputJson, drainInputSql } from './drain-input-sql.js';

/**
 * The programmed dose steps of pump `pumpId` as JSON (oldest first): the step in force at `since` and every
 * one after. Reads only the one fill and dose change at or before `since` and those after it, not the
 * pump's whole history. Both are SQL expressions (parameters or columns).
 */
export const doseStepsJson = (pumpId: string, since: string) => `
  SELECT coalesce(json_agg(json_build_object('at', s.at, 'dose', s.dose) ORDER BY s.at), '[]')
  FROM (
    (SELECT b.at, b.dose FROM (
       (SELECT performed_at AS at, daily_dose_mcg AS dose FROM fills
        WHERE pump_id = ${pumpId} AND performed_at <= ${since} ORDER BY performed_at DESC LIMIT 1)
       UNION ALL
       (SELECT effective_at, new_daily_dose_mcg FROM dose_adjustments
        WHERE pump_id = ${pumpId} AND effective_at <= ${since} ORDER BY effective_at DESC LIMIT 1)
     ) b ORDER BY b.at DESC LIMIT 1)
    UNION ALL
    SELECT performed_at, daily_dose_mcg FROM fills WHERE pump_id = ${pumpId} AND performed_at > ${since}
    UNION ALL
    SELECT effective_at, new_daily_dose_mcg FROM dose_adjustments WHERE pump_id = ${pumpId} AND effective_at > ${since}
  ) s`;

export const parseDoseSteps = (steps: { at: string; dose: number | string }[]): ProgrammedDose[] =>
  steps.map((r) => ({ at: new Date(r.at), dailyDoseMcg: Number(r.dose) }));

/**
 * What a refill or dose-change form, and the check of one, needs of pump `pumpId` beyond the pump row, as
 * columns over the alias `f` (its current fill, outer-joined): the fill's drain, the first empty-reservoir
 * alarm after the fill, the implant's first fill and the dose steps from `stepsSince` on. The arguments
 * are SQL expressions. The empty alarm counts when it is after the fill's instant cut to the millisecond
 * (the JavaScript date the separate read passed to SQL).
 */
export const fillContextColumns = (pumpId: string, stepsSince: string) => `
          f.id AS fill_id, f.performed_at,
          CASE WHEN f.id IS NOT NULL THEN ${drainInputSql('f')} END AS drain,
          (SELECT min(e.occurred_at) FROM pump_events e
           WHERE e.pump_id = ${pumpId} AND e.type = 'alarm_empty_reservoir'
             AND e.occurred_at > date_trunc('milliseconds', f.performed_at)) AS empty_alarm_at,
          (SELECT min(performed_at) FROM fills WHERE pump_id = ${pumpId}) AS first_fill_at,
          (${doseStepsJson(pumpId, stepsSince)}) AS dose_steps`;

export interface FillContextRow {
  fill_id: string | null;
  performed_at: Date;
  drain: DrainInputJson | null;
  empty_alarm_at: Date | null;
  first_fill_at: Date;
  dose_steps: { at: string; dose: number }[];
}

/**
 * A pump's current fill as its record shows it, with what its refill and dose-change forms are checked
 * against: $1 pump, $2 its current fill, $3 the dose-limit window in milliseconds. The dose steps start
 * the window before the fill's last dose change (the fill itself when it has none), at the millisecond.
 */
export const PUMP_VIEW_SQL = `SELECT ${fillContextColumns('$1', 'w.steps_since')},
          f.drug_product, f.lot_number, f.lot_expires_on::text AS lot_expires_on
   FROM fills f
   CROSS JOIN LATERAL (
     SELECT date_trunc('milliseconds', coalesce(
              (SELECT max(a.effective_at) FROM dose_adjustments a WHERE a.fill_id = f.id), f.performed_at))
            - $3::int * interval '1 millisecond' AS steps_since) w
   WHERE f.id = $2 AND f.pump_id = $1`;

export interface PumpViewRow extends FillContextRow {
  fill_id: string;
  drain: DrainInputJson;
  drug_product: string;
  lot_number: string;
  lot_expires_on: string;
}

/** The current fill of a pump's record (`PumpsRepository.viewOf`). */
export interface PumpView {
  fill: {
    id: string;
    performedAt: Date;
    reservoirVolumeAfterMl: number;
    concentrationMcgPerMl: number;
    dailyDoseMcg: number;
    patientBolusMcgPerDay: number | null;
    drugProduct: string;
    lotNumber: string;
    lotExpiresOn: string;
  };
  /** The fill, its dose changes and the one-off boluses after it. */
  drain: DrainInput;
  emptyAlarmAt: Date | null;
  firstFillAt: Date;
  /** The dose steps from the dose-limit window before the last change on (as `doseStepsSince`). */
  doseSteps: ProgrammedDose[];
}

export const pumpViewOf = (row: PumpViewRow): PumpView => {
  const drain = drainInputFromJson(row.drain);
  return {
    fill: {
      id: row.fill_id,
      ...drain.fill,
      patientBolusMcgPerDay: drain.fill.patientBolusMcgPerDay ?? null,
      drugProduct: row.drug_product,
      lotNumber: row.lot_number,
      lotExpiresOn: row.lot_expires_on,
    },
    drain,
    emptyAlarmAt: row.empty_alarm_at,
    firstFillAt: row.first_fill_at,
    doseSteps: parseDoseSteps(row.dose_steps),
  };
};
