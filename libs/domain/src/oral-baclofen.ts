/**
 * CLINICAL.md "Overdose, withdrawal signs and interactions": oral baclofen is usually labelled to a total
 * of 80 mg/day; more is a specialist's decision, so the product warns above it and never blocks.
 */
export const ORAL_BACLOFEN_USUAL_MAX_MG_PER_DAY = 80;

/** True when an oral back-up dose needs the "above the usual maximum" warning; none at home never does. */
export function isOralBackupAboveUsualMax(mgPerDay: number | null | undefined): boolean {
  return typeof mgPerDay === 'number' && mgPerDay > ORAL_BACLOFEN_USUAL_MAX_MG_PER_DAY;
}
