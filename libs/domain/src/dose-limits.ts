/**
 * Per-24-hour dose-change limits and daily-dose ceilings. DESIGN.md "Dose-change limits".
 * Limit checks compare exact products (on integers), never a rounded percentage, so that a change of
 * exactly 30 % is within and 30.01 % is not.
 */
import { type DrainInput, roundTo } from './reservoir.js';

export type SpasticityOrigin = 'spinal' | 'cerebral' | 'mixed';
export type DoseChangeDirection = 'increase' | 'decrease' | 'none';
export type DoseLimitCode =
  | 'INCREASE_LIMIT_SPINAL'
  | 'INCREASE_LIMIT_CEREBRAL'
  | 'INCREASE_LIMIT_CHILD'
  | 'DECREASE_LIMIT'
  | 'NO_INCREASE_AFTER_IMPLANT';

// CLINICAL.md "Dosing": "Titration, at most once per 24 h: spinal origin +10–30 %".
export const MAX_INCREASE_PCT_SPINAL = 30;
// CLINICAL.md "Dosing": "cerebral origin and children +5–15 %" (mixed origin takes the stricter limit).
export const MAX_INCREASE_PCT_CEREBRAL = 15;
// CLINICAL.md "Dosing": "reductions 10–20 %".
export const MAX_DECREASE_PCT = 20;
// CLINICAL.md "Dosing": "The product warns (does not block) above 1,000 mcg/day".
export const WARNING_DAILY_DOSE_MCG = 1000;
// CLINICAL.md "Dosing": "... and rejects above 3,000 mcg/day as an entry error".
export const MAXIMUM_DAILY_DOSE_MCG = 3000;

/** Doses are compared as whole micro-mcg so the products below are exact integers. */
const DOSE_SCALE = 1_000_000;

export interface DoseChangeInput {
  previousDailyDoseMcg: number;
  newDailyDoseMcg: number;
  spasticityOrigin: SpasticityOrigin;
  /** Under 18 at the change: children take the cerebral-origin limit (CLINICAL.md "Dosing"). */
  isChild?: boolean;
}

export interface DoseChangeCheck {
  /** Signed change from the previous dose, %, rounded to 0.1. */
  changePct: number;
  direction: DoseChangeDirection;
  /** The limit for this direction, %; null when the dose does not change. */
  limitPct: number | null;
  isWithinLimit: boolean;
  /** How far beyond the limit, %, rounded to 0.1 (at least 0.1 when beyond); 0 when within. */
  excessPct: number;
  /** Which limit was exceeded; null when within. */
  limitCode: DoseLimitCode | null;
  isAboveWarningDose: boolean;
  isAboveMaximumDose: boolean;
}

function increaseLimitOf(origin: SpasticityOrigin, isChild: boolean): { limitPct: number; code: DoseLimitCode } {
  // CLINICAL.md "Dosing": "cerebral origin and children +5–15 %".
  if (isChild) return { limitPct: MAX_INCREASE_PCT_CEREBRAL, code: 'INCREASE_LIMIT_CHILD' };
  switch (origin) {
    case 'spinal':
      return { limitPct: MAX_INCREASE_PCT_SPINAL, code: 'INCREASE_LIMIT_SPINAL' };
    case 'cerebral':
    case 'mixed':
      return { limitPct: MAX_INCREASE_PCT_CEREBRAL, code: 'INCREASE_LIMIT_CEREBRAL' };
  }
}

export function checkDoseChange({
  previousDailyDoseMcg,
  newDailyDoseMcg,
  spasticityOrigin,
  isChild = false,
}: DoseChangeInput): DoseChangeCheck {
  if (!(previousDailyDoseMcg > 0)) throw new RangeError('previousDailyDoseMcg must be above 0');
  if (!(newDailyDoseMcg >= 0)) throw new RangeError('newDailyDoseMcg must be 0 or more');
  const previous = Math.round(previousDailyDoseMcg * DOSE_SCALE);
  const next = Math.round(newDailyDoseMcg * DOSE_SCALE);
  const levels = {
    isAboveWarningDose: newDailyDoseMcg > WARNING_DAILY_DOSE_MCG,
    isAboveMaximumDose: newDailyDoseMcg > MAXIMUM_DAILY_DOSE_MCG,
  };
  const changePct = roundTo(((next - previous) * 100) / previous, 1);
  if (next === previous) {
    return {
      changePct: 0,
      direction: 'none',
      limitPct: null,
      isWithinLimit: true,
      excessPct: 0,
      limitCode: null,
      ...levels,
    };
  }
  const isIncrease = next > previous;
  const { limitPct, code } = isIncrease
    ? increaseLimitOf(spasticityOrigin, isChild)
    : { limitPct: MAX_DECREASE_PCT, code: 'DECREASE_LIMIT' as const };
  // Excess in "previous × %" units: an exact integer, positive when beyond the limit.
  const excessScaled = isIncrease ? next * 100 - previous * (100 + limitPct) : previous * (100 - limitPct) - next * 100;
  const isWithinLimit = excessScaled <= 0;
  return {
    changePct,
    direction: isIncrease ? 'increase' : 'decrease',
    limitPct,
    isWithinLimit,
    // Never report "beyond by 0.0 %" for a change that is in fact beyond the limit.
    excessPct: isWithinLimit ? 0 : Math.max(0.1, roundTo(excessScaled / previous, 1)),
    limitCode: isWithinLimit ? null : code,
    ...levels,
  };
}

function originPhrase(origin: SpasticityOrigin, isChild: boolean): string {
  return isChild ? 'children' : `${origin}-origin spasticity`;
}

/**
 * One sentence for a clinician, without a final full stop (callers append to it), e.g.
 * "Increase of 40.0 % exceeds the 30 % limit for spinal-origin spasticity by 10.0 %".
 */
export function describeDoseCheck(check: DoseChangeCheck, spasticityOrigin: SpasticityOrigin, isChild = false): string {
  if (check.direction === 'none' || check.limitPct === null) return 'No change of daily dose';
  if (check.limitCode === 'NO_INCREASE_AFTER_IMPLANT') {
    return `Increase of ${Math.abs(check.changePct).toFixed(1)} % within 24 h of the implant's first fill, when no increase is allowed`;
  }
  const isIncrease = check.direction === 'increase';
  const change = `${isIncrease ? 'Increase' : 'Decrease'} of ${Math.abs(check.changePct).toFixed(1)} %`;
  const limit = `the ${check.limitPct} % limit${isIncrease ? ` for ${originPhrase(spasticityOrigin, isChild)}` : ''}`;
  return check.isWithinLimit
    ? `${change} is within ${limit}`
    : `${change} exceeds ${limit} by ${check.excessPct.toFixed(1)} %`;
}

/** Warnings about the new dose itself (not the change), for display next to the limit check. */
export function describeDoseLevel(check: DoseChangeCheck): string | null {
  if (check.isAboveMaximumDose) {
    return `Daily dose above the ${MAXIMUM_DAILY_DOSE_MCG.toLocaleString('en-GB')} mcg/day maximum: probably an entry error`;
  }
  if (check.isAboveWarningDose) {
    return `Daily dose above ${WARNING_DAILY_DOSE_MCG.toLocaleString('en-GB')} mcg/day: limited clinical experience at this dose`;
  }
  return null;
}

/** The programmed daily dose (the bolus allowance left out) in force at an instant of a fill. */
export function programmedDoseAt(drain: DrainInput, at: Date): number {
  let dose = drain.fill.dailyDoseMcg;
  const changes = [...(drain.doseChanges ?? [])].sort((a, b) => a.effectiveAt.getTime() - b.effectiveAt.getTime());
  for (const change of changes) {
    if (change.effectiveAt > drain.fill.performedAt && change.effectiveAt <= at) dose = change.newDailyDoseMcg;
  }
  return dose;
}

/** A programmed daily dose in force from an instant: set by a fill (also the first) or a dose adjustment. */
export interface ProgrammedDose {
  at: Date;
  dailyDoseMcg: number;
}

/** The limits are per 24 h (CLINICAL.md "Dosing": "Titration, at most once per 24 h"). */
export const DOSE_LIMIT_WINDOW_MS = 24 * 3_600_000;
/** CLINICAL.md "Dosing": "no increase in the first 24 h" after the implant. */
export const NO_INCREASE_AFTER_IMPLANT_MS = 24 * 3_600_000;

export interface WindowDoseInput {
  /** Every programmed dose step of the pump (fills and adjustments, any order) up to the change. */
  steps: readonly ProgrammedDose[];
  /** The implant's first fill: no increase at all within 24 h of it. */
  firstFillAt: Date;
  newDailyDoseMcg: number;
  at: Date;
  spasticityOrigin: SpasticityOrigin;
  /** Under 18 at the change (libs/domain age-bands): the cerebral-origin limits apply. */
  isChild: boolean;
}

export interface WindowDoseCheck {
  /** The dose the change is measured from: the lowest in the window for an increase, the highest for a decrease. */
  fromDailyDoseMcg: number;
  /** The dose in force just before the change. */
  previousDailyDoseMcg: number;
  /** The lowest and highest programmed doses in force at any moment of the 24 h before the change. */
  lowestInWindowMcg: number;
  highestInWindowMcg: number;
  /** True when the dose it is measured from is not the one just before (an earlier dose in the window). */
  isAgainstEarlierDose: boolean;
  /** True when the change falls within 24 h of the implant's first fill (no increase allowed then). */
  isWithinDayOfImplant: boolean;
  check: DoseChangeCheck;
}

/** The programmed dose in force at an instant: the last step at or before it (null before the first). */
export function doseInForceAt(steps: readonly ProgrammedDose[], at: Date): number | null {
  let found: ProgrammedDose | null = null;
  for (const step of steps) {
    if (step.at.getTime() <= at.getTime() && (!found || step.at.getTime() >= found.at.getTime())) found = step;
  }
  return found ? found.dailyDoseMcg : null;
}

/**
 * DESIGN.md "Dose-change limits": the window is the 24 h before the change, across fills. Every dose in
 * force at any moment of it counts (set by an adjustment, by a refill or by the fill before it); an
 * increase is measured from the lowest of them and a decrease from the highest, so no sequence of refills
 * and adjustments passes a limit within 24 h. Children take the cerebral limits; no increase at all
 * within 24 h of the implant's first fill. The first limit exceeded is the one reported.
 */
export function checkDoseChangeInWindow(input: WindowDoseInput): WindowDoseCheck {
  const { steps, newDailyDoseMcg, at, isChild, firstFillAt } = input;
  const atMs = at.getTime();
  const windowStartMs = atMs - DOSE_LIMIT_WINDOW_MS;
  const before = steps.filter((s) => s.at.getTime() < atMs);
  const previous = doseInForceAt(before, new Date(atMs - 1));
  if (previous === null) throw new RangeError('no programmed dose before the change');
  const atStart = doseInForceAt(before, new Date(windowStartMs));
  const inWindow = [
    ...(atStart === null ? [] : [atStart]),
    ...before.filter((s) => s.at.getTime() > windowStartMs).map((s) => s.dailyDoseMcg),
  ];
  const lowest = Math.min(...inWindow);
  const highest = Math.max(...inWindow);
  const isWithinDayOfImplant = atMs - firstFillAt.getTime() < NO_INCREASE_AFTER_IMPLANT_MS;
  const against = (from: number): WindowDoseCheck => ({
    fromDailyDoseMcg: from,
    previousDailyDoseMcg: previous,
    lowestInWindowMcg: lowest,
    highestInWindowMcg: highest,
    isAgainstEarlierDose: from !== previous,
    isWithinDayOfImplant,
    check: checkDoseChange({
      previousDailyDoseMcg: from,
      newDailyDoseMcg,
      spasticityOrigin: input.spasticityOrigin,
      isChild,
    }),
  });
  const checks: WindowDoseCheck[] = [against(previous)];
  if (newDailyDoseMcg > lowest) checks.push(against(lowest));
  if (newDailyDoseMcg < highest) checks.push(against(highest));
  if (isWithinDayOfImplant && newDailyDoseMcg > lowest) {
    const base = against(lowest);
    checks.unshift({
      ...base,
      check: { ...base.check, ...NO_INCREASE_AFTER_IMPLANT_CHECK, excessPct: Math.max(0.1, base.check.changePct) },
    });
  }
  return checks.find((c) => !c.check.isWithinLimit) ?? checks[0]!;
}

const NO_INCREASE_AFTER_IMPLANT_CHECK = {
  limitPct: 0,
  isWithinLimit: false,
  limitCode: 'NO_INCREASE_AFTER_IMPLANT',
} as const;

/**
 * The window check in one sentence, naming the dose it is measured from when that is not the one just
 * before: "Increase of 69.0 % from 400 mcg/day (the lowest dose in force in the 24 h before) exceeds …".
 */
export function describeWindowDoseCheck(
  w: WindowDoseCheck,
  spasticityOrigin: SpasticityOrigin,
  isChild: boolean,
): string {
  const sentence = describeDoseCheck(w.check, spasticityOrigin, isChild);
  if (!w.isAgainstEarlierDose || w.check.direction === 'none') return sentence;
  const which = w.check.direction === 'increase' ? 'lowest' : 'highest';
  return sentence.replace(
    ' %',
    ` % from ${w.fromDailyDoseMcg} mcg/day (the ${which} dose in force in the 24 h before)`,
  );
}
