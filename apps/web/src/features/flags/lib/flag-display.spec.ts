import { describe, expect, it } from 'vitest';
import { isResolvedByHand } from './flag-display';

describe('isResolvedByHand', () => {
  it('is true for clinical-sign flags and residual discrepancies, which never clear themselves', () => {
    expect(isResolvedByHand('manual')).toBe(true);
    expect(isResolvedByHand('RESIDUAL_DISCREPANCY')).toBe(true);
  });

  it('is false for rules that resolve when their condition clears (the API answers 422)', () => {
    expect(isResolvedByHand('REFILL_OVERDUE')).toBe(false);
    expect(isResolvedByHand('PUMP_REPLACEMENT_DUE')).toBe(false);
  });
});
