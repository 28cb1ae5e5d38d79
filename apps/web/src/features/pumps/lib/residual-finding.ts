import { isResidualDiscrepant, type ResidualComparison } from '@itb/domain';

export type ResidualFinding = 'within_tolerance' | 'over_infusion' | 'under_delivery' | 'not_assessable';

/**
 * What a residual comparison means for the clinician. The threshold is the engine's
 * (`isResidualDiscrepant`: more than 14.5 % delivery error with at least 1.0 mL unaccounted for),
 * the one behind the API's warning and its RESIDUAL_DISCREPANCY flag.
 */
export function residualFinding(comparison: ResidualComparison): ResidualFinding {
  if (comparison.deliveryErrorPct === null) return 'not_assessable';
  if (!isResidualDiscrepant(comparison)) return 'within_tolerance';
  // Less left than expected means more was delivered: possible over-infusion.
  return comparison.discrepancyMl < 0 ? 'over_infusion' : 'under_delivery';
}
