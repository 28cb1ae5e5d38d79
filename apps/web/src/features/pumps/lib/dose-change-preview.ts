import { project, type Projection } from '@itb/domain';
import { assessDoseChange, type DoseChangeAssessment } from './dose-change-assessment';
import { instantOf, isPositiveNumber, type PumpBasis } from './pump-basis';

export interface DoseChangeDraft {
  effectiveAt?: string;
  newDailyDoseMcg?: number;
}

export interface DoseChangePreview {
  timingProblem: string | null;
  assessment: DoseChangeAssessment | null;
  /** The projection with the new dose from its effective instant; null until both are typed. */
  projection: Projection | null;
}

/** The dose change computed in the browser as the API does: the limit check and the new projection. */
export function previewDoseChange(basis: PumpBasis, draft: DoseChangeDraft, now: Date): DoseChangePreview {
  const effectiveAt = instantOf(draft.effectiveAt);
  const newDailyDoseMcg = draft.newDailyDoseMcg;
  let timingProblem: string | null = null;
  if (effectiveAt && effectiveAt > now) timingProblem = 'The change cannot take effect in the future.';
  else if (effectiveAt && effectiveAt <= basis.lastChangeAt) {
    timingProblem = 'The change must take effect after the last fill or dose change.';
  }
  if (!effectiveAt || timingProblem || !isPositiveNumber(newDailyDoseMcg)) {
    return { timingProblem, assessment: null, projection: null };
  }
  const doseChanges = [...(basis.drain.doseChanges ?? []), { effectiveAt, newDailyDoseMcg }];
  return {
    timingProblem,
    assessment: assessDoseChange(basis, newDailyDoseMcg, effectiveAt),
    projection: project({ ...basis.drain, doseChanges }, basis.alarmMl, basis.schedule, now),
  };
}
