/**
 * The numbers on the refill worksheet printed before a refill (issue 14 item 4): what the nurse should
 * find in the reservoir, what to put in, and what the pump will do if it is refilled as planned.
 * DESIGN.md "The reservoir engine": the expected residual counts the programme alone (no bolus
 * allowance); the projection after the refill counts the allowance, as every alarm projection does.
 */
import {
  type ClinicSchedule,
  dailyVolumeMl,
  type DrainInput,
  project,
  projectedDoseAt,
  type Projection,
  roundTo,
  volumeAt,
  withoutAllowance,
} from './reservoir.js';

export interface RefillPlanInput {
  /** The current fill with its dose changes and recorded boluses. */
  current: DrainInput;
  reservoirMl: number;
  alarmMl: number;
  schedule: ClinicSchedule;
  /** When the refill is planned (the worksheet's moment). */
  at: Date;
}

export interface RefillPlan {
  /**
   * What the programme alone should have left at `at`, mL (before any patient-activated boluses the
   * controller reports): the residual the nurse expects to withdraw.
   */
  expectedResidualMl: number;
  /** The programmed dose in force at `at`, mcg/day (the allowance not included). */
  programmedDailyDoseMcg: number;
  /** mL/day that dose delivers at the current concentration. */
  programmedDailyVolumeMl: number;
  /** Everything withdrawn, then the reservoir filled to its capacity, mL. */
  plannedVolumeMl: number;
  /** The pump refilled to full at `at` with the same drug, concentration, dose and allowance. */
  projection: Projection;
}

export function planRefill({ current, reservoirMl, alarmMl, schedule, at }: RefillPlanInput): RefillPlan {
  const programme = withoutAllowance(current);
  const programmedDailyDoseMcg = projectedDoseAt(programme, at);
  const concentration = current.fill.concentrationMcgPerMl;
  const refilled: DrainInput = {
    fill: {
      performedAt: at,
      reservoirVolumeAfterMl: reservoirMl,
      concentrationMcgPerMl: concentration,
      dailyDoseMcg: programmedDailyDoseMcg,
      patientBolusMcgPerDay: current.fill.patientBolusMcgPerDay ?? null,
    },
  };
  return {
    expectedResidualMl: roundTo(volumeAt(programme, at), 2),
    programmedDailyDoseMcg,
    programmedDailyVolumeMl: roundTo(dailyVolumeMl(programmedDailyDoseMcg, concentration), 4),
    plannedVolumeMl: reservoirMl,
    projection: project(refilled, alarmMl, schedule, at),
  };
}
