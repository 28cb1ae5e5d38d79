import {
  checkDoseChangeInWindow,
  describeDoseLevel,
  describeWindowDoseCheck,
  type DoseChangeCheck,
  isChildOn,
  type RefillDoseCheck,
  toLocalDate,
  type WindowDoseCheck,
} from '@itb/domain';
import type { PumpBasis } from './pump-basis';

export interface DoseChangeAssessment {
  /** The dose the change is measured from: the one just before, or an earlier one of the 24 h window. */
  fromDailyDoseMcg: number;
  /** The dose in force just before the change. */
  previousDailyDoseMcg: number;
  toDailyDoseMcg: number;
  /** Measured from an earlier dose of the 24 h window (the lowest for an increase, the highest for a decrease). */
  isAgainstEarlierDose: boolean;
  /** Within 24 h of the implant's first fill: no increase at all. */
  isWithinDayOfImplant: boolean;
  /** Under 18 at the change: the children's (cerebral) limit. */
  isChild: boolean;
  check: DoseChangeCheck;
  /** "Increase of 69.0 % from 400 mcg/day (the lowest dose in force in the 24 h before) exceeds …". */
  message: string;
  /** Above 1,000 mcg/day (warning) or 3,000 (entry error); null below. */
  levelMessage: string | null;
}

function fromWindow(
  window: WindowDoseCheck,
  toDailyDoseMcg: number,
  isChild: boolean,
  basis: PumpBasis,
): DoseChangeAssessment {
  return {
    fromDailyDoseMcg: window.fromDailyDoseMcg,
    previousDailyDoseMcg: window.previousDailyDoseMcg,
    toDailyDoseMcg,
    isAgainstEarlierDose: window.isAgainstEarlierDose,
    isWithinDayOfImplant: window.isWithinDayOfImplant,
    isChild,
    check: window.check,
    message: describeWindowDoseCheck(window, basis.spasticityOrigin, isChild),
    levelMessage: describeDoseLevel(window.check),
  };
}

/**
 * The titration-limit check of a dose change, the one the API makes (libs/domain checkDoseChangeInWindow):
 * limits hold over the 24 h before the change across fills, children take the cerebral limit, and no
 * increase is allowed within 24 h of the implant's first fill.
 */
export function assessDoseChange(basis: PumpBasis, newDailyDoseMcg: number, effectiveAt: Date): DoseChangeAssessment {
  const isChild = isChildOn(basis.birthDate, toLocalDate(effectiveAt, basis.schedule.timeZone));
  const window = checkDoseChangeInWindow({
    steps: basis.doseSteps,
    firstFillAt: basis.firstFillAt,
    newDailyDoseMcg,
    at: effectiveAt,
    spasticityOrigin: basis.spasticityOrigin,
    isChild,
  });
  return fromWindow(window, newDailyDoseMcg, isChild, basis);
}

/** A refill's dose check (libs/domain assessRefill): the programmed dose, or the real dose of a mixed reservoir. */
export function refillDoseAssessment(basis: PumpBasis, dose: RefillDoseCheck | null): DoseChangeAssessment | null {
  return dose ? fromWindow(dose.window, dose.checkedDailyDoseMcg, dose.isChild, basis) : null;
}
