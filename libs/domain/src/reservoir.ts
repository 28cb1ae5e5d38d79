/**
 * The reservoir engine: how a filled pump drains, and when it reaches its alarm volume and empties.
 * DESIGN.md "The reservoir engine". All arithmetic is in milliseconds and mL; outputs are rounded
 * only at the edges (volumes to 0.01 mL).
 */
import { addDays, type LocalDate, minDate, toLocalDate } from './local-date.js';

export const MS_PER_DAY = 86_400_000;

export interface FillState {
  performedAt: Date;
  /** Volume in the reservoir right after the fill, mL. */
  reservoirVolumeAfterMl: number;
  concentrationMcgPerMl: number;
  /** Programmed daily dose at the fill, mcg/day. */
  dailyDoseMcg: number;
  /** Maximum the patient may add by bolus, mcg/day; projected as if all of it is used. */
  patientBolusMcgPerDay?: number | null;
}

export interface DoseChange {
  effectiveAt: Date;
  newDailyDoseMcg: number;
}

/** A one-off volume taken from the reservoir (a clinician bolus, a bridging bolus). */
export interface BolusVolume {
  at: Date;
  volumeMl: number;
}

export interface DrainInput {
  fill: FillState;
  /** Dose changes after the fill, in any order; those before the fill are ignored. */
  doseChanges?: readonly DoseChange[];
  boluses?: readonly BolusVolume[];
}

export interface ClinicSchedule {
  timeZone: string;
  refillLeadDays: number;
  maxDrugDaysInPump: number;
}

export interface Projection {
  volumeNowMl: number;
  dailyVolumeMl: number;
  alarmAt: Date;
  emptyAt: Date;
  /** Calendar date in the clinic's zone. */
  refillBy: LocalDate;
  /** Whole days from now to the alarm instant (negative once it has passed). */
  daysToAlarm: number;
  /** True when the drug-stability limit, not the alarm, sets the refill-by date. */
  isRefillByStabilityCapped: boolean;
}

/** mL/day delivered by a daily dose at a concentration. */
export function dailyVolumeMl(dailyDoseMcg: number, concentrationMcgPerMl: number): number {
  return dailyDoseMcg / concentrationMcgPerMl;
}

export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor + 0; // + 0 turns -0 into 0
}

interface Segment {
  startMs: number;
  /** Dose used for projection: programmed dose plus the full bolus allowance. */
  projectedDoseMcg: number;
}

function segmentsOf({ fill, doseChanges = [] }: DrainInput): Segment[] {
  const bolus = fill.patientBolusMcgPerDay ?? 0;
  const startMs = fill.performedAt.getTime();
  const later = doseChanges
    .filter((c) => c.effectiveAt.getTime() > startMs)
    .sort((a, b) => a.effectiveAt.getTime() - b.effectiveAt.getTime());
  const segments: Segment[] = [{ startMs, projectedDoseMcg: fill.dailyDoseMcg + bolus }];
  for (const change of later) {
    const projectedDoseMcg = change.newDailyDoseMcg + bolus;
    // A change to the dose already in force is no breakpoint: splitting a drain in two sums the
    // same volume in a different order, and the rounding could move an instant by 1 ms.
    if (projectedDoseMcg !== segments.at(-1)!.projectedDoseMcg) {
      segments.push({ startMs: change.effectiveAt.getTime(), projectedDoseMcg });
    }
  }
  return segments;
}

/** mL drained by a dose over a span of milliseconds. */
function drainedMl(doseMcg: number, concentration: number, spanMs: number): number {
  return (spanMs * doseMcg) / (concentration * MS_PER_DAY);
}

/** Volume in the reservoir at instant `at`, clamped at 0. Before the fill it is the fill volume. */
export function volumeAt(input: DrainInput, at: Date): number {
  const { fill, boluses = [] } = input;
  const atMs = at.getTime();
  const segments = segmentsOf(input);
  let volume = fill.reservoirVolumeAfterMl;
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!;
    if (atMs <= segment.startMs) break;
    const endMs = Math.min(atMs, segments[i + 1]?.startMs ?? Infinity);
    volume -= drainedMl(segment.projectedDoseMcg, fill.concentrationMcgPerMl, endMs - segment.startMs);
  }
  for (const bolus of boluses) {
    const bolusMs = bolus.at.getTime();
    if (bolusMs > fill.performedAt.getTime() && bolusMs <= atMs) volume -= bolus.volumeMl;
  }
  return Math.max(0, volume);
}

/**
 * The first instant the reservoir holds `targetMl` or less. Boluses are folded in as they happen.
 * Dose is always > 0, so the target is always reached.
 */
export function instantAtVolume(input: DrainInput, targetMl: number): Date {
  const { fill } = input;
  const segments = segmentsOf(input);
  const boluses = [...(input.boluses ?? [])]
    .filter((b) => b.at.getTime() > fill.performedAt.getTime())
    .sort((a, b) => a.at.getTime() - b.at.getTime());
  let volume = fill.reservoirVolumeAfterMl;
  if (volume <= targetMl) return new Date(fill.performedAt);
  // Walk the breakpoints (dose changes and boluses) in time order.
  const breakpoints = [
    ...segments.slice(1).map((s) => ({ ms: s.startMs, doseMcg: s.projectedDoseMcg, bolusMl: 0 })),
    ...boluses.map((b) => ({ ms: b.at.getTime(), doseMcg: undefined, bolusMl: b.volumeMl })),
  ].sort((a, b) => a.ms - b.ms);
  let cursorMs = fill.performedAt.getTime();
  let doseMcg = segments[0]!.projectedDoseMcg;
  for (const point of breakpoints) {
    const spanMs = point.ms - cursorMs;
    const drained = drainedMl(doseMcg, fill.concentrationMcgPerMl, spanMs);
    if (volume - drained <= targetMl) break;
    volume -= drained;
    cursorMs = point.ms;
    if (point.doseMcg !== undefined) doseMcg = point.doseMcg;
    volume -= point.bolusMl;
    if (volume <= targetMl) return new Date(cursorMs);
  }
  const msToTarget = ((volume - targetMl) * fill.concentrationMcgPerMl * MS_PER_DAY) / doseMcg;
  return new Date(cursorMs + Math.round(msToTarget));
}

/** Projected dose (programmed + bolus allowance) in effect at an instant. */
export function projectedDoseAt(input: DrainInput, at: Date): number {
  const atMs = at.getTime();
  const segments = segmentsOf(input);
  let dose = segments[0]!.projectedDoseMcg;
  for (const segment of segments) if (segment.startMs <= atMs) dose = segment.projectedDoseMcg;
  return dose;
}

/**
 * Refill-by date: the earlier of (local date of the alarm − refillLeadDays) and
 * (local date of the fill + maxDrugDaysInPump). DESIGN.md "Refill-by date".
 */
export function refillByDate(
  fillAt: Date,
  alarmAt: Date,
  clinic: ClinicSchedule,
): { refillBy: LocalDate; isStabilityCapped: boolean } {
  const byAlarm = addDays(toLocalDate(alarmAt, clinic.timeZone), -clinic.refillLeadDays);
  const byStability = addDays(toLocalDate(fillAt, clinic.timeZone), clinic.maxDrugDaysInPump);
  return { refillBy: minDate(byAlarm, byStability), isStabilityCapped: byStability < byAlarm };
}

export function project(input: DrainInput, alarmMl: number, clinic: ClinicSchedule, now: Date): Projection {
  const alarmAt = instantAtVolume(input, alarmMl);
  const emptyAt = instantAtVolume(input, 0);
  const { refillBy, isStabilityCapped } = refillByDate(input.fill.performedAt, alarmAt, clinic);
  return {
    volumeNowMl: roundTo(volumeAt(input, now), 2),
    dailyVolumeMl: roundTo(dailyVolumeMl(projectedDoseAt(input, now), input.fill.concentrationMcgPerMl), 4),
    alarmAt,
    emptyAt,
    refillBy,
    daysToAlarm: Math.floor((alarmAt.getTime() - now.getTime()) / MS_PER_DAY),
    isRefillByStabilityCapped: isStabilityCapped,
  };
}

export interface ResidualComparison {
  expectedResidualMl: number;
  discrepancyMl: number;
  /** (delivered actual − delivered expected) / delivered expected × 100; null when nothing was expected to be delivered. */
  deliveryErrorPct: number | null;
}

/** The programme alone: the same fill with its patient bolus allowance left out (an allowance is a worst case, not an expectation). */
export function withoutAllowance(input: DrainInput): DrainInput {
  return { ...input, fill: { ...input.fill, patientBolusMcgPerDay: null } };
}

/**
 * Compares the residual found at a refill with what the previous fill should have left. DESIGN.md
 * "Expected residual": each dose segment at its programmed dose (the bolus allowance is NOT included),
 * less every bolus recorded (clinician and bridge boluses as events in the drain; patient-activated
 * boluses as the total mL the controller reports). Counting the allowance would invent under-delivery
 * and hide over-infusion.
 */
export function compareResidual(
  previous: DrainInput,
  refillAt: Date,
  residualFoundMl: number,
  patientBolusesMl = 0,
): ResidualComparison {
  const expected = roundTo(Math.max(0, volumeAt(withoutAllowance(previous), refillAt) - patientBolusesMl), 2);
  const startMl = previous.fill.reservoirVolumeAfterMl;
  const deliveredExpected = startMl - expected;
  const deliveredActual = startMl - residualFoundMl;
  return {
    expectedResidualMl: expected,
    discrepancyMl: roundTo(residualFoundMl - expected, 2),
    deliveryErrorPct:
      deliveredExpected > 0 ? roundTo(((deliveredActual - deliveredExpected) / deliveredExpected) * 100, 1) : null,
  };
}
