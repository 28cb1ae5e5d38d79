import { compareResidual, project, type Projection, type ResidualComparison } from '@itb/domain';
import { assessRefillDose, type DoseChangeAssessment } from './dose-change-assessment';
import { instantOf, isPositiveNumber, type PumpBasis } from './pump-basis';
import { residualFinding, type ResidualFinding } from './residual-finding';

/** The refill form's values as typed so far: any of them may still be missing. */
export interface RefillDraft {
  performedAt?: string;
  residualWithdrawnMl?: number;
  volumeAddedMl?: number;
  reservoirVolumeAfterMl?: number;
  concentrationMcgPerMl?: number;
  dailyDoseMcg?: number;
  patientBolusMcgPerDay?: number | null;
}

export interface RefillPreview {
  /** Why the refill time cannot be used yet (before the last change, in the future); null when it can. */
  timingProblem: string | null;
  residual: (ResidualComparison & { finding: ResidualFinding }) | null;
  projection: Projection | null;
  dose: DoseChangeAssessment | null;
}

function timingProblemOf(basis: PumpBasis, performedAt: Date | undefined, now: Date): string | null {
  if (!performedAt) return null;
  if (performedAt > now) return 'The refill time is in the future.';
  if (performedAt <= basis.lastChangeAt) return 'The refill time must be after the previous fill or dose change.';
  return null;
}

/**
 * The refill's numbers computed in the browser with the engine the API uses (libs/domain), in the
 * API's order: the residual against what the current fill should have left, then the projection of
 * the new fill. Each part appears as soon as the values it needs are typed.
 */
export function previewRefill(basis: PumpBasis, draft: RefillDraft, now: Date): RefillPreview {
  const performedAt = instantOf(draft.performedAt);
  const timingProblem = timingProblemOf(basis, performedAt, now);
  const isTimeUsable = performedAt !== undefined && timingProblem === null;

  const residualMl = draft.residualWithdrawnMl;
  const residual =
    isTimeUsable && typeof residualMl === 'number' && residualMl >= 0
      ? (() => {
          const comparison = compareResidual(basis.drain, performedAt, residualMl);
          return { ...comparison, finding: residualFinding(comparison) };
        })()
      : null;

  const volumeAfterMl = draft.reservoirVolumeAfterMl ?? draft.volumeAddedMl;
  const canProject =
    isTimeUsable &&
    isPositiveNumber(volumeAfterMl) &&
    isPositiveNumber(draft.concentrationMcgPerMl) &&
    isPositiveNumber(draft.dailyDoseMcg);
  const projection = canProject
    ? project(
        {
          fill: {
            performedAt,
            reservoirVolumeAfterMl: volumeAfterMl,
            concentrationMcgPerMl: draft.concentrationMcgPerMl!,
            dailyDoseMcg: draft.dailyDoseMcg!,
            patientBolusMcgPerDay: draft.patientBolusMcgPerDay ?? null,
          },
        },
        basis.alarmMl,
        basis.schedule,
        now,
      )
    : null;

  const dose =
    isTimeUsable && isPositiveNumber(draft.dailyDoseMcg)
      ? assessRefillDose(basis, draft.dailyDoseMcg, performedAt)
      : null;

  return { timingProblem, residual, projection, dose };
}
