import type {
  ClinicResponse,
  DoseAdjustmentResponse,
  PatientResponse,
  PumpResponse,
  SpasticityOrigin,
} from '@itb/contracts';
import type { ClinicSchedule, DrainInput, LocalDate, ProgrammedDose, RefillContext } from '@itb/domain';

type CurrentFill = NonNullable<PumpResponse['currentFill']>;

/**
 * What a refill or dose-change form works from: the pump as it was when the form opened. The live
 * previews drain its current fill through the dose changes made since, exactly as the API does.
 */
export interface PumpBasis {
  pumpId: string;
  /** The optimistic-lock version the form was opened on (a change recorded meanwhile answers 409). */
  pumpVersion: number;
  reservoirMl: number;
  alarmMl: number;
  currentFill: CurrentFill;
  drain: DrainInput;
  /** The last fill or dose change: a new one must come after it. */
  lastChangeAt: Date;
  spasticityOrigin: SpasticityOrigin;
  /** Children (under 18 at the change) take the cerebral limits. */
  birthDate: LocalDate;
  schedule: ClinicSchedule;
  /** The pump's programmed doses across fills, from the one in force 24 h before the last change. */
  doseSteps: ProgrammedDose[];
  /** The implant's first fill: no increase within 24 h of it. */
  firstFillAt: Date;
  /** A recorded empty-reservoir alarm since the current fill: the next refill is a dry one. */
  emptyAlarmAt: Date | null;
}

/** The current fill drained through the dose changes made since and its recorded boluses, as the API drains it. */
export function drainOf(
  pump: { currentFill: CurrentFill },
  adjustments: readonly DoseAdjustmentResponse[],
): DrainInput {
  const fill = pump.currentFill;
  const fillAt = new Date(fill.performedAt);
  // The API drains a fill through the changes made during it: those after it was performed.
  const doseChanges = adjustments
    .map((a) => ({ effectiveAt: new Date(a.effectiveAt), newDailyDoseMcg: a.newDailyDoseMcg }))
    .filter((c) => c.effectiveAt > fillAt)
    .sort((a, b) => a.effectiveAt.getTime() - b.effectiveAt.getTime());
  return {
    fill: {
      performedAt: fillAt,
      reservoirVolumeAfterMl: fill.reservoirVolumeAfterMl,
      concentrationMcgPerMl: fill.concentrationMcgPerMl,
      dailyDoseMcg: fill.dailyDoseMcg,
      patientBolusMcgPerDay: fill.patientBolusMcgPerDay,
    },
    doseChanges,
    boluses: fill.boluses.map((b) => ({ at: new Date(b.at), volumeMl: b.volumeMl })),
  };
}

export function pumpBasisOf(
  pump: PumpResponse & { currentFill: CurrentFill },
  adjustments: readonly DoseAdjustmentResponse[],
  patient: Pick<PatientResponse, 'spasticityOrigin' | 'birthDate'>,
  clinic: Pick<ClinicResponse, 'timeZone' | 'refillLeadDays' | 'maxDrugDaysInPump'>,
): PumpBasis {
  const fill = pump.currentFill;
  const fillAt = new Date(fill.performedAt);
  const drain = drainOf(pump, adjustments);
  return {
    pumpId: pump.id,
    pumpVersion: pump.version,
    reservoirMl: pump.reservoirMl,
    alarmMl: pump.alarmMl,
    currentFill: fill,
    drain,
    lastChangeAt: drain.doseChanges?.at(-1)?.effectiveAt ?? fillAt,
    spasticityOrigin: patient.spasticityOrigin,
    birthDate: patient.birthDate,
    schedule: {
      timeZone: clinic.timeZone,
      refillLeadDays: clinic.refillLeadDays,
      maxDrugDaysInPump: clinic.maxDrugDaysInPump,
    },
    // The API sends the steps the window needs; without them (an older answer) the current fill and its
    // changes are the steps, which covers every change made after the fill's first 24 h.
    doseSteps: pump.doseHistory
      ? pump.doseHistory.steps.map((s) => ({ at: new Date(s.at), dailyDoseMcg: s.dailyDoseMcg }))
      : [
          { at: fillAt, dailyDoseMcg: fill.dailyDoseMcg },
          ...(drain.doseChanges ?? []).map((c) => ({ at: c.effectiveAt, dailyDoseMcg: c.newDailyDoseMcg })),
        ],
    firstFillAt: new Date(pump.doseHistory?.firstFillAt ?? fill.performedAt),
    emptyAlarmAt: fill.emptyAlarmAt ? new Date(fill.emptyAlarmAt) : null,
  };
}

/** What libs/domain's assessRefill needs besides the entry: the basis as the API builds it. */
export function refillContextOf(basis: PumpBasis): RefillContext {
  return {
    previous: basis.drain,
    emptyAlarmAt: basis.emptyAlarmAt,
    doseSteps: basis.doseSteps,
    firstFillAt: basis.firstFillAt,
    alarmMl: basis.alarmMl,
    schedule: basis.schedule,
    spasticityOrigin: basis.spasticityOrigin,
    birthDate: basis.birthDate,
  };
}

/** The programmed dose at an instant: libs/domain's, the one the API uses. */
export { programmedDoseAt } from '@itb/domain';

/** An ISO instant from a form, or undefined while it is empty or half typed. */
export function instantOf(iso: string | undefined): Date | undefined {
  if (!iso) return undefined;
  const instant = new Date(iso);
  return Number.isNaN(instant.getTime()) ? undefined : instant;
}

export const isPositiveNumber = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value) && value > 0;
