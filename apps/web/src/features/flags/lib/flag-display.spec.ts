import { describe, expect, it } from 'vitest';
import { isResolvedByHand, summaryNow } from './flag-display';

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

describe('summaryNow', () => {
  const overdue = {
    code: 'REFILL_OVERDUE' as const,
    status: 'open' as const,
    details: {
      summary: 'Low-reservoir alarm at 20 Nov 2026, 05:20 GMT; empty at 30 Nov 2026, 05:20 GMT; no refill booked',
      facts: { alarmAt: '2026-11-20T05:20:00.000Z', emptyAt: '2026-11-30T05:20:00.000Z', appointmentAt: 'none' },
    },
  };

  it('counts how long ago the alarm was at reading time, so an old flag never says "1 day ago"', () => {
    expect(summaryNow(overdue, new Date('2026-11-21T06:00:00Z'))).toBe(`${overdue.details.summary} — alarm 1 day ago`);
    expect(summaryNow(overdue, new Date('2026-11-23T06:00:00Z'))).toBe(`${overdue.details.summary} — alarm 3 days ago`);
  });

  it('adds nothing to a resolved flag or to a rule without an instant', () => {
    expect(summaryNow({ ...overdue, status: 'resolved' }, new Date('2026-11-23T06:00:00Z'))).toBe(
      overdue.details.summary,
    );
    expect(summaryNow({ ...overdue, code: 'PUMP_STOPPED' }, new Date('2026-11-23T06:00:00Z'))).toBe(
      overdue.details.summary,
    );
  });
});
