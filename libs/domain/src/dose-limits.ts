/**
 * Per-24-hour dose-change limits and daily-dose ceilings. DESIGN.md "Dose-change limits".
 * Limit checks compare exact products (on integers), never a rounded percentage, so that a change of
 * exactly 30 % is within and 30.01 % is not.
 */
import { type DrainInput, roundTo } from './reservoir.js';

export type SpasticityOrigin = 'spinal' | 'cerebral' | 'mixed';
export type DoseChangeDirection = 'increase' | 'decrease' | 'none';
export type DoseLimitCode = 'INCREASE_LIMIT_SPINAL' | 'INCREASE_LIMIT_CEREBRAL' | 'DECREASE_LIMIT';

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

function increaseLimitOf(origin: SpasticityOrigin): { limitPct: number; code: DoseLimitCode } {
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
    ? increaseLimitOf(spasticityOrigin)
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

function originPhrase(origin: SpasticityOrigin): string {
  return `${origin}-origin spasticity`;
}

/**
 * One sentence for a clinician, without a final full stop (callers append to it), e.g.
 * "Increase of 40.0 % exceeds the 30 % limit for spinal-origin spasticity by 10.0 %".
 */
export function describeDoseCheck(check: DoseChangeCheck, spasticityOrigin: SpasticityOrigin): string {
  if (check.direction === 'none' || check.limitPct === null) return 'No change of daily dose';
  const isIncrease = check.direction === 'increase';
  const change = `${isIncrease ? 'Increase' : 'Decrease'} of ${Math.abs(check.changePct).toFixed(1)} %`;
  const limit = `the ${check.limitPct} % limit${isIncrease ? ` for ${originPhrase(spasticityOrigin)}` : ''}`;
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

export interface DayDoseCheck {
  /** The dose the change is measured from: the one just before it, or the one 24 h earlier. */
  fromDailyDoseMcg: number;
  /** The dose just before the change (what the pump is programmed with when it is made). */
  previousDailyDoseMcg: number;
  isAgainstDayBefore: boolean;
  check: DoseChangeCheck;
}

const DAY_MS = 86_400_000;

/**
 * The limits are per 24 h (DESIGN.md "Dose-change limits"): a new dose is checked against the dose
 * just before it and against the dose 24 h earlier (not before the current fill), so small steps
 * cannot add up past a limit within a day. The first limit exceeded is the one reported.
 */
export function checkDoseChangeWithinDay(
  drain: DrainInput,
  newDailyDoseMcg: number,
  effectiveAt: Date,
  spasticityOrigin: SpasticityOrigin,
): DayDoseCheck {
  const previous = programmedDoseAt(drain, new Date(effectiveAt.getTime() - 1));
  const dayBeforeAt = Math.max(effectiveAt.getTime() - DAY_MS, drain.fill.performedAt.getTime());
  const dayBefore = programmedDoseAt(drain, new Date(dayBeforeAt));
  const against = (from: number, isAgainstDayBefore: boolean): DayDoseCheck => ({
    fromDailyDoseMcg: from,
    previousDailyDoseMcg: previous,
    isAgainstDayBefore,
    check: checkDoseChange({ previousDailyDoseMcg: from, newDailyDoseMcg, spasticityOrigin }),
  });
  const checks = [against(previous, false)];
  if (dayBefore !== previous) checks.push(against(dayBefore, true));
  return checks.find((c) => !c.check.isWithinLimit) ?? checks[0]!;
}
