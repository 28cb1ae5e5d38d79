/**
 * Everything a refill is checked for, in the order the API records it and the web previews it: the
 * residual found against the programme, a concentration change with drug left in the reservoir, a pump
 * that ran dry, the dose change (against the 24 h window across fills) and the entry checks on the new
 * projection. DESIGN.md "The reservoir engine". One function, so the preview and the record agree.
 */
import { isChildOn } from './age-bands.js';
import {
  checkDoseChangeInWindow,
  doseInForceAt,
  type ProgrammedDose,
  type SpasticityOrigin,
  type WindowDoseCheck,
} from './dose-limits.js';
import { toLocalDate, type LocalDate } from './local-date.js';
import {
  concentrationMix,
  type ConcentrationMix,
  entryCheck,
  type EntryCheck,
  leftInReservoirMl,
  residualFoundMl,
  withoutDrugAtRefill,
  type WithoutDrug,
} from './refill-checks.js';
import {
  type BolusVolume,
  type ClinicSchedule,
  compareResidual,
  type DrainInput,
  instantAtVolume,
  project,
  type Projection,
  type ResidualComparison,
} from './reservoir.js';

/** A bridge or priming bolus given at a refill drains the new fill just after it (1 s later). */
export const BOLUS_AFTER_REFILL_MS = 1000;

export interface RefillContext {
  /** The current fill with its dose changes and boluses: what the refill replaces. */
  previous: DrainInput;
  /** A recorded empty-reservoir alarm since the current fill, if any. */
  emptyAlarmAt: Date | null;
  /** The pump's programmed doses across fills (fills and adjustments) up to the refill. */
  doseSteps: readonly ProgrammedDose[];
  /** The implant's first fill. */
  firstFillAt: Date;
  alarmMl: number;
  schedule: ClinicSchedule;
  spasticityOrigin: SpasticityOrigin;
  birthDate: LocalDate;
}

export interface RefillEntry {
  performedAt: Date;
  residualWithdrawnMl: number;
  volumeAddedMl: number;
  /** Defaults to the volume added (nothing left in the reservoir). */
  reservoirVolumeAfterMl?: number;
  concentrationMcgPerMl: number;
  dailyDoseMcg: number;
  patientBolusMcgPerDay?: number | null;
  /** Patient-activated boluses since the last refill, mL, as the controller reports them. */
  patientBolusesDeliveredMl?: number | null;
  /** The answer to "was a bridge bolus given?": its volume, null for no, undefined while unanswered. */
  bridgeBolusMl?: number | null;
  /** The answer to "was a priming bolus given?" after a dry reservoir: as above. */
  primingBolusMl?: number | null;
}

export interface RefillDoseCheck {
  /** The dose checked: the programmed dose, or the real dose of a mixed reservoir. */
  checkedDailyDoseMcg: number;
  isChild: boolean;
  window: WindowDoseCheck;
}

export interface RefillAssessment {
  volumeAfterMl: number;
  leftInReservoirMl: number;
  /** Withdrawn + left in the reservoir: what the pump held at the refill. */
  residualFoundMl: number;
  comparison: ResidualComparison;
  isConcentrationChange: boolean;
  mix: ConcentrationMix | null;
  /** Null when the (real) dose does not change. */
  dose: RefillDoseCheck | null;
  withoutDrug: WithoutDrug | null;
  /** The new fill as the engine drains it, with any bridge or priming bolus given at the refill. */
  newFill: DrainInput;
  projection: Projection;
  entry: EntryCheck;
  /** Answers still missing before the refill can be recorded. */
  needs: { bridgeBolusAnswer: boolean; primingBolusAnswer: boolean; shortIntervalConfirmation: boolean };
}

export function assessRefill(context: RefillContext, entry: RefillEntry, now: Date): RefillAssessment {
  const { previous, schedule } = context;
  const at = entry.performedAt;
  const volumeAfterMl = entry.reservoirVolumeAfterMl ?? entry.volumeAddedMl;
  const found = residualFoundMl(entry.residualWithdrawnMl, volumeAfterMl, entry.volumeAddedMl);
  const comparison = compareResidual(previous, at, found, entry.patientBolusesDeliveredMl ?? 0);

  const previousConcentration = previous.fill.concentrationMcgPerMl;
  const isConcentrationChange = previousConcentration !== entry.concentrationMcgPerMl;
  const mix = concentrationMix({
    previousConcentrationMcgPerMl: previousConcentration,
    newConcentrationMcgPerMl: entry.concentrationMcgPerMl,
    volumeAddedMl: entry.volumeAddedMl,
    volumeAfterMl,
    programmedDailyDoseMcg: entry.dailyDoseMcg,
  });

  const checkedDailyDoseMcg = mix ? mix.realDailyDoseMcg : entry.dailyDoseMcg;
  const before = doseInForceAt(context.doseSteps, new Date(at.getTime() - 1));
  const isChild = isChildOn(context.birthDate, toLocalDate(at, schedule.timeZone));
  const dose: RefillDoseCheck | null =
    before === null || checkedDailyDoseMcg === before
      ? null
      : {
          checkedDailyDoseMcg,
          isChild,
          window: checkDoseChangeInWindow({
            steps: context.doseSteps,
            firstFillAt: context.firstFillAt,
            newDailyDoseMcg: checkedDailyDoseMcg,
            at,
            spasticityOrigin: context.spasticityOrigin,
            isChild,
          }),
        };

  const withoutDrug = withoutDrugAtRefill({
    projectedEmptyAt: instantAtVolume(previous, 0),
    emptyAlarmAt: context.emptyAlarmAt,
    refillAt: at,
  });

  const boluses: BolusVolume[] = [entry.bridgeBolusMl, entry.primingBolusMl]
    .filter((v): v is number => typeof v === 'number' && v > 0)
    .map((volumeMl) => ({ at: new Date(at.getTime() + BOLUS_AFTER_REFILL_MS), volumeMl }));
  const newFill: DrainInput = {
    fill: {
      performedAt: at,
      reservoirVolumeAfterMl: volumeAfterMl,
      concentrationMcgPerMl: entry.concentrationMcgPerMl,
      dailyDoseMcg: entry.dailyDoseMcg,
      patientBolusMcgPerDay: entry.patientBolusMcgPerDay ?? null,
    },
    boluses,
  };
  const projection = project(newFill, context.alarmMl, schedule, now);
  const entryResult = entryCheck({
    fillAt: at,
    volumeAfterMl,
    alarmMl: context.alarmMl,
    projection,
    timeZone: schedule.timeZone,
  });
  return {
    volumeAfterMl,
    leftInReservoirMl: leftInReservoirMl(volumeAfterMl, entry.volumeAddedMl),
    residualFoundMl: found,
    comparison,
    isConcentrationChange,
    mix,
    dose,
    withoutDrug,
    newFill,
    projection,
    entry: entryResult,
    needs: {
      bridgeBolusAnswer: isConcentrationChange && entry.bridgeBolusMl === undefined,
      primingBolusAnswer: withoutDrug !== null && entry.primingBolusMl === undefined,
      shortIntervalConfirmation: entryResult.shortInterval !== null,
    },
  };
}
