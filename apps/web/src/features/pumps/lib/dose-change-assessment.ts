import { checkDoseChange, describeDoseCheck, describeDoseLevel, type DoseChangeCheck } from '@itb/domain';
import { programmedDoseAt, type PumpBasis } from './pump-basis';

const DAY_MS = 86_400_000;

export interface DoseChangeAssessment {
  /** The dose the change is measured from (the one just before, or the one 24 h earlier). */
  fromDailyDoseMcg: number;
  toDailyDoseMcg: number;
  isAgainstDayBefore: boolean;
  check: DoseChangeCheck;
  /** "Increase of 40.0 % exceeds the 30 % limit for spinal-origin spasticity by 10.0 %". */
  message: string;
  /** Above 1,000 mcg/day (warning) or 3,000 (entry error); null below. */
  levelMessage: string | null;
}

function assess(
  fromDailyDoseMcg: number,
  newDailyDoseMcg: number,
  basis: PumpBasis,
  isAgainstDayBefore: boolean,
): DoseChangeAssessment {
  const check = checkDoseChange({
    previousDailyDoseMcg: fromDailyDoseMcg,
    newDailyDoseMcg,
    spasticityOrigin: basis.spasticityOrigin,
  });
  return {
    fromDailyDoseMcg,
    toDailyDoseMcg: newDailyDoseMcg,
    isAgainstDayBefore,
    check,
    message: describeDoseCheck(check, basis.spasticityOrigin),
    levelMessage: describeDoseLevel(check),
  };
}

/**
 * The titration-limit check of a dose change, as the API makes it (apps/api dose-adjustments):
 * limits are per 24 h, so the new dose is measured against the dose just before and the dose 24 h
 * earlier (not before the current fill); the first limit exceeded is the one reported.
 */
export function assessDoseChange(basis: PumpBasis, newDailyDoseMcg: number, effectiveAt: Date): DoseChangeAssessment {
  const previous = programmedDoseAt(basis.drain, new Date(effectiveAt.getTime() - 1));
  const dayBeforeAt = Math.max(effectiveAt.getTime() - DAY_MS, basis.drain.fill.performedAt.getTime());
  const dayBefore = programmedDoseAt(basis.drain, new Date(dayBeforeAt));
  const checks = [assess(previous, newDailyDoseMcg, basis, false)];
  if (dayBefore !== previous) checks.push(assess(dayBefore, newDailyDoseMcg, basis, true));
  return checks.find((c) => !c.check.isWithinLimit) ?? checks[0]!;
}

/** A refill that reprograms the dose is checked against the dose in force at the refill, as the API does. */
export function assessRefillDose(
  basis: PumpBasis,
  newDailyDoseMcg: number,
  performedAt: Date,
): DoseChangeAssessment | null {
  const previous = programmedDoseAt(basis.drain, performedAt);
  return newDailyDoseMcg === previous ? null : assess(previous, newDailyDoseMcg, basis, false);
}
