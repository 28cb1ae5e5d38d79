import { describe, expect, it } from 'vitest';
import { todayIn } from '../../../lib/format';
import { customPeriodErrors, periodFromSearch, presetOf, presetPeriod } from './report-period';

describe('report period presets', () => {
  it('gives whole clinic months and quarters for the clinic’s today', () => {
    expect(presetPeriod('this-month', '2026-11-23')).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(presetPeriod('last-month', '2026-11-23')).toEqual({ from: '2026-10-01', to: '2026-10-31' });
    // November is in the fourth quarter: October to December.
    expect(presetPeriod('this-quarter', '2026-11-23')).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(presetPeriod('last-12-months', '2026-11-23')).toEqual({ from: '', to: '' });
  });

  it('crosses the year back from January and knows a leap February', () => {
    expect(presetPeriod('last-month', '2027-01-05')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(presetPeriod('this-quarter', '2027-01-05')).toEqual({ from: '2027-01-01', to: '2027-03-31' });
    // 2028 is a leap year: February has 29 days.
    expect(presetPeriod('last-month', '2028-03-01')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(presetPeriod('this-month', '2027-02-14')).toEqual({ from: '2027-02-01', to: '2027-02-28' });
  });

  it('takes the month from the clinic’s zone, not the browser’s', () => {
    // 03:30 UTC on 1 Apr 2026 is 22:30 on 31 Mar in Chicago (CDT, UTC−5) and 04:30 on 1 Apr in London (BST).
    const now = new Date('2026-04-01T03:30:00Z');
    const chicago = todayIn('America/Chicago', now);
    const london = todayIn('Europe/London', now);
    expect(chicago).toBe('2026-03-31');
    expect(london).toBe('2026-04-01');
    expect(presetPeriod('this-month', chicago)).toEqual({ from: '2026-03-01', to: '2026-03-31' });
    expect(presetPeriod('this-month', london)).toEqual({ from: '2026-04-01', to: '2026-04-30' });
    expect(presetPeriod('this-quarter', chicago)).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(presetPeriod('this-quarter', london)).toEqual({ from: '2026-04-01', to: '2026-06-30' });
  });

  it('recognises a preset in the address and calls anything else custom', () => {
    expect(presetOf({ from: '', to: '' }, '2026-11-23')).toBe('last-12-months');
    expect(presetOf({ from: '2026-10-01', to: '2026-10-31' }, '2026-11-23')).toBe('last-month');
    expect(presetOf({ from: '2026-10-01', to: '2026-12-31' }, '2026-11-23')).toBe('this-quarter');
    expect(presetOf({ from: '2026-10-02', to: '2026-10-31' }, '2026-11-23')).toBe('custom');
  });

  it('checks a custom period field by field', () => {
    expect(customPeriodErrors({ from: '2026-01-01', to: '2026-03-31' })).toEqual({});
    expect(customPeriodErrors({ from: '', to: '' })).toEqual({
      from: 'Choose the first day',
      to: 'Choose the last day',
    });
    expect(customPeriodErrors({ from: '2026-03-01', to: '2026-02-28' })).toEqual({ to: 'Must not be before From' });
    expect(customPeriodErrors({ from: '2026-02-30', to: '2026-03-31' })).toEqual({ from: 'Not a date' });
  });

  it('reads a period from the address only when it is whole and in order', () => {
    const read = (search: string) => periodFromSearch(new URLSearchParams(search));
    expect(read('from=2026-01-01&to=2026-03-31')).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(read('from=2026-03-31&to=2026-01-01')).toEqual({ from: '', to: '' });
    expect(read('from=2026-01-01')).toEqual({ from: '', to: '' });
    expect(read('from=yesterday&to=2026-01-01')).toEqual({ from: '', to: '' });
  });
});
