import { describe, expect, it } from 'vitest';
import { residualFinding } from './residual-finding';

const comparison = (discrepancyMl: number, deliveryErrorPct: number | null) => ({
  expectedResidualMl: 10,
  discrepancyMl,
  deliveryErrorPct,
});

describe('residualFinding', () => {
  it('needs both more than 14.5 % delivery error and at least 1.0 mL', () => {
    expect(residualFinding(comparison(-1.0, 14.6))).toBe('over_infusion');
    expect(residualFinding(comparison(-1.0, 14.5))).toBe('within_tolerance');
    expect(residualFinding(comparison(-0.99, 40))).toBe('within_tolerance');
    expect(residualFinding(comparison(1.2, -20))).toBe('under_delivery');
  });

  it('cannot judge a fill that was expected to deliver nothing', () => {
    expect(residualFinding(comparison(2, null))).toBe('not_assessable');
  });
});
