import type { DrainInput } from '@itb/domain';

/** The programmed daily dose (without the bolus allowance) in effect at an instant. */
export function programmedDoseAt(drain: DrainInput, at: Date): number {
  let dose = drain.fill.dailyDoseMcg;
  for (const change of drain.doseChanges ?? []) if (change.effectiveAt <= at) dose = change.newDailyDoseMcg;
  return dose;
}
