import {
  checkDoseChange,
  checkDoseChangeWithinDay,
  describeDoseCheck,
  describeDoseLevel,
  type DoseChangeCheck,
  programmedDoseAt,
} from '@itb/domain';
import type { PumpBasis } from './pump-basis';

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
 * The titration-limit check of a dose change, the one the API makes (libs/domain
 * checkDoseChangeWithinDay): limits are per 24 h, so the new dose is measured against the dose just
 * before and the dose 24 h earlier; the first limit exceeded is the one reported.
 */
export function assessDoseChange(basis: PumpBasis, newDailyDoseMcg: number, effectiveAt: Date): DoseChangeAssessment {
  const day = checkDoseChangeWithinDay(basis.drain, newDailyDoseMcg, effectiveAt, basis.spasticityOrigin);
  return assess(day.fromDailyDoseMcg, newDailyDoseMcg, basis, day.isAgainstDayBefore);
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
