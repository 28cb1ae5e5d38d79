import type { DoseLimitCheckResponse, Role, SpasticityOrigin } from '@itb/contracts';
import { describeWindowDoseCheck, type WindowDoseCheck } from '@itb/domain';
import { AppError } from '../../common/app-error.js';

/**
 * The titration-limit check of a change of daily dose against the 24 h before it, across fills (DESIGN.md
 * "Dose-change limits"; libs/domain checkDoseChangeInWindow), as the API answers it.
 */
export function toDoseCheckResponse(
  window: WindowDoseCheck,
  newDailyDoseMcg: number,
  spasticityOrigin: SpasticityOrigin,
  isChild: boolean,
  prefix = '',
): DoseLimitCheckResponse {
  const { check } = window;
  return {
    previousDailyDoseMcg: window.previousDailyDoseMcg,
    newDailyDoseMcg,
    changePct: check.changePct,
    direction: check.direction,
    limitPct: check.limitPct,
    isWithinLimit: check.isWithinLimit,
    excessPct: check.excessPct,
    limitCode: check.limitCode,
    message: check.isWithinLimit ? null : `${prefix}${describeWindowDoseCheck(window, spasticityOrigin, isChild)}`,
    isAboveWarningDose: check.isAboveWarningDose,
    fromDailyDoseMcg: window.fromDailyDoseMcg,
    isAgainstEarlierDose: window.isAgainstEarlierDose,
    isChild,
  };
}

/**
 * Beyond the limits only a specialist may record a change, with a written reason: a nurse, or a
 * specialist without a reason, gets a 422 that names the limit, the dose it is measured from and the excess.
 */
export function enforceDoseLimit(
  check: DoseLimitCheckResponse,
  role: Role,
  overrideReason: string | null | undefined,
  field: string,
): void {
  if (check.isWithinLimit) return;
  if (role !== 'specialist') {
    throw new AppError('RULE_VIOLATION', `${check.message}. Only a specialist may record this change.`, [
      { field, message: check.message ?? 'exceeds the titration limit' },
    ]);
  }
  if (!overrideReason) {
    throw new AppError('RULE_VIOLATION', `${check.message}. Give an override reason to record it.`, [
      { field: 'overrideReason', message: `is required: ${check.message}` },
    ]);
  }
}

export function doseWarnings(check: DoseLimitCheckResponse): string[] {
  // CLINICAL.md "Dosing": limited experience above 1,000 mcg/day — the product warns, does not block.
  return check.isAboveWarningDose ? ['Daily dose above 1,000 mcg/day: limited clinical experience at this dose'] : [];
}
