import { assessRefill, type Projection, type RefillAssessment, type ResidualComparison } from '@itb/domain';
import { refillDoseAssessment, type DoseChangeAssessment } from './dose-change-assessment';
import { instantOf, isPositiveNumber, refillContextOf, type PumpBasis } from './pump-basis';
import { residualFinding, type ResidualFinding } from './residual-finding';

/** The answer to "was a bridge (or priming) bolus given?": not yet answered, no, or yes with its volume. */
export type BolusAnswer = 'no' | 'yes';

/** The refill form's values as typed so far: any of them may still be missing. */
export interface RefillDraft {
  performedAt?: string;
  residualWithdrawnMl?: number;
  volumeAddedMl?: number;
  reservoirVolumeAfterMl?: number;
  concentrationMcgPerMl?: number;
  dailyDoseMcg?: number;
  patientBolusMcgPerDay?: number | null;
  patientBolusesDeliveredMl?: number | null;
  bridgeBolusAnswer?: BolusAnswer;
  bridgeBolusMl?: number | null;
  primingBolusAnswer?: BolusAnswer;
  primingBolusMl?: number | null;
}

export interface RefillPreview {
  /** Why the refill time cannot be used yet (before the last change, in the future); null when it can. */
  timingProblem: string | null;
  /** libs/domain's whole refill check (the API's), once the time, volumes, concentration and dose are typed. */
  assessment: RefillAssessment | null;
  residual:
    (ResidualComparison & { finding: ResidualFinding; residualFoundMl: number; leftInReservoirMl: number }) | null;
  projection: Projection | null;
  dose: DoseChangeAssessment | null;
}

function timingProblemOf(basis: PumpBasis, performedAt: Date | undefined, now: Date): string | null {
  if (!performedAt) return null;
  if (performedAt > now) return 'The refill time is in the future.';
  if (performedAt <= basis.lastChangeAt) return 'The refill time must be after the previous fill or dose change.';
  return null;
}

/** A bolus question's answer as the API takes it: undefined unanswered, null for no, the volume for yes. */
export function bolusAnswerMl(answer: BolusAnswer | undefined, volumeMl: number | null | undefined) {
  if (answer === 'no') return null;
  if (answer === 'yes' && isPositiveNumber(volumeMl)) return volumeMl;
  return undefined;
}

/**
 * The refill's numbers computed in the browser by libs/domain's assessRefill, the function the API
 * records with: residual found (withdrawn + left) against the programme, a concentration mix and its
 * real dose, a dry pump, the dose check across fills, the entry checks and the new projection.
 */
export function previewRefill(basis: PumpBasis, draft: RefillDraft, now: Date): RefillPreview {
  const performedAt = instantOf(draft.performedAt);
  const timingProblem = timingProblemOf(basis, performedAt, now);
  const isTimeUsable = performedAt !== undefined && timingProblem === null;
  const withdrawnMl = draft.residualWithdrawnMl;
  const canAssess =
    isTimeUsable &&
    typeof withdrawnMl === 'number' &&
    withdrawnMl >= 0 &&
    isPositiveNumber(draft.volumeAddedMl) &&
    isPositiveNumber(draft.concentrationMcgPerMl) &&
    isPositiveNumber(draft.dailyDoseMcg);
  if (!canAssess) return { timingProblem, assessment: null, residual: null, projection: null, dose: null };

  const assessment = assessRefill(
    refillContextOf(basis),
    {
      performedAt,
      residualWithdrawnMl: withdrawnMl,
      volumeAddedMl: draft.volumeAddedMl!,
      reservoirVolumeAfterMl: isPositiveNumber(draft.reservoirVolumeAfterMl) ? draft.reservoirVolumeAfterMl : undefined,
      concentrationMcgPerMl: draft.concentrationMcgPerMl!,
      dailyDoseMcg: draft.dailyDoseMcg!,
      patientBolusMcgPerDay: draft.patientBolusMcgPerDay ?? null,
      patientBolusesDeliveredMl: draft.patientBolusesDeliveredMl ?? null,
      bridgeBolusMl: bolusAnswerMl(draft.bridgeBolusAnswer, draft.bridgeBolusMl),
      primingBolusMl: bolusAnswerMl(draft.primingBolusAnswer, draft.primingBolusMl),
    },
    now,
  );
  return {
    timingProblem,
    assessment,
    residual: {
      ...assessment.comparison,
      finding: residualFinding(assessment.comparison),
      residualFoundMl: assessment.residualFoundMl,
      leftInReservoirMl: assessment.leftInReservoirMl,
    },
    projection: assessment.projection,
    dose: refillDoseAssessment(basis, assessment.dose),
  };
}
