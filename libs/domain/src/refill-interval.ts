import { dailyVolumeMl, roundTo } from './reservoir.js';

/** Stock concentrations of intrathecal baclofen (CLINICAL.md: 50 for screening, 500, 1000, 2000 mcg/mL). */
export const REFILL_CONCENTRATIONS_MCG_PER_ML = [500, 1000, 2000] as const;

export interface RefillIntervalInput {
  /** The programmed dose, mcg/day. */
  dailyDoseMcg: number;
  /** The patient-activated bolus allowance, mcg/day: the alarm projection counts it (DESIGN.md). */
  patientBolusMcgPerDay: number | null;
  reservoirMl: number;
  alarmMl: number;
  /** The clinic's drug-stability limit: no refill interval may be longer. */
  maxDrugDaysInPump: number;
  /** The interval the clinician wants, days. */
  targetDays: number;
  concentrations?: readonly number[];
}

export interface RefillIntervalOption {
  concentrationMcgPerMl: number;
  /** mL/day at this concentration, the bolus allowance included. */
  dailyVolumeMl: number;
  /** The volume to put in: enough for the target plus the alarm volume, at most the reservoir. */
  volumeToFillMl: number;
  /** Whole days from the fill to the low-reservoir alarm with that volume. */
  daysToAlarm: number;
  /** The interval this gives: the alarm, or the stability limit if that comes first. */
  intervalDays: number;
  reachesTarget: boolean;
  /** What stops a longer interval: the reservoir's capacity or the drug-stability limit. */
  limitedBy: 'capacity' | 'stability' | null;
}

/**
 * The refill-interval calculator (issue 14 item 5), a what-if: for each stock concentration, the volume
 * that lasts the target interval to the alarm, within the pump's capacity and the drug-stability limit.
 * Worked example (DESIGN.md): 400 mcg/day at 2000 mcg/mL is 0.2 mL/day; 90 days need 90 × 0.2 + 2 = 20 mL,
 * exactly a 20 mL reservoir; at 1000 mcg/mL the 20 mL last (20 − 2) / 0.4 = 45 days (capacity).
 */
export function refillIntervalOptions(input: RefillIntervalInput): RefillIntervalOption[] {
  const dose = input.dailyDoseMcg + (input.patientBolusMcgPerDay ?? 0);
  const target = Math.min(input.targetDays, input.maxDrugDaysInPump);
  return (input.concentrations ?? REFILL_CONCENTRATIONS_MCG_PER_ML).map((concentrationMcgPerMl) => {
    const perDay = dailyVolumeMl(dose, concentrationMcgPerMl);
    const needed = target * perDay + input.alarmMl;
    // Rounded up to 0.1 mL, so the volume put in always lasts the days promised.
    const volumeToFillMl = roundTo(Math.min(input.reservoirMl, Math.ceil(needed * 10 - 1e-9) / 10), 1);
    const daysToAlarm = Math.floor((volumeToFillMl - input.alarmMl) / perDay + 1e-9);
    const intervalDays = Math.min(daysToAlarm, input.maxDrugDaysInPump);
    const limitedBy =
      needed > input.reservoirMl + 1e-9 ? 'capacity' : input.targetDays > input.maxDrugDaysInPump ? 'stability' : null;
    return {
      concentrationMcgPerMl,
      dailyVolumeMl: roundTo(perDay, 4),
      volumeToFillMl,
      daysToAlarm,
      intervalDays,
      reachesTarget: intervalDays >= input.targetDays,
      limitedBy,
    };
  });
}
