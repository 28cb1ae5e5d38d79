import { describe, expect, it } from 'vitest';
import { addMonths, lastTwelveMonths, monthEnd, monthsOf, previousPeriod } from './report-periods.js';

describe('report periods', () => {
  it('lists every month a period touches, across a year end', () => {
    expect(monthsOf({ from: '2025-11-15', to: '2026-02-03' })).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsOf({ from: '2026-03-31', to: '2026-03-31' })).toEqual(['2026-03']);
  });

  it('finds month ends, leap years included', () => {
    expect(monthEnd('2028-02-10')).toBe('2028-02-29');
    expect(monthEnd('2026-02-10')).toBe('2026-02-28');
    expect(monthEnd('2026-12-01')).toBe('2026-12-31');
    expect(addMonths('2026-01-31', -1)).toBe('2025-12-01');
  });

  it('defaults to the twelve calendar months ending with today', () => {
    expect(lastTwelveMonths('2026-11-30')).toEqual({ from: '2025-12-01', to: '2026-11-30' });
  });

  it('compares whole months with as many whole months before, other periods with as many days', () => {
    expect(previousPeriod({ from: '2026-03-01', to: '2026-03-31' })).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(previousPeriod({ from: '2026-04-01', to: '2026-06-30' })).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    // Twelve months to today (30 Nov): the twelve whole months before them.
    expect(previousPeriod({ from: '2025-12-01', to: '2026-11-30' }, '2026-11-30')).toEqual({
      from: '2024-12-01',
      to: '2025-11-30',
    });
    expect(previousPeriod({ from: '2026-11-01', to: '2026-11-17' }, '2026-11-17')).toEqual({
      from: '2026-10-01',
      to: '2026-10-31',
    });
    // 10 days → the 10 days before.
    expect(previousPeriod({ from: '2026-03-05', to: '2026-03-14' })).toEqual({ from: '2026-02-23', to: '2026-03-04' });
  });

  it('needs both ends on month boundaries to compare whole months', () => {
    // Starts on the 1st but ends mid-month (and not today): as many days, 10.
    expect(previousPeriod({ from: '2026-03-01', to: '2026-03-10' }, '2026-11-17')).toEqual({
      from: '2026-02-19',
      to: '2026-02-28',
    });
    // Ends on the month's last day but starts mid-month: 27 days.
    expect(previousPeriod({ from: '2026-03-05', to: '2026-03-31' })).toEqual({ from: '2026-02-06', to: '2026-03-04' });
  });
});
