import { describe, expect, it } from 'vitest';
import { calendarRange, parseCalendarDate, shiftCalendarDate, weekStartOf } from './calendar-range';

describe('calendar ranges', () => {
  it('shows a Monday-to-Sunday week around any of its days', () => {
    expect(weekStartOf('2026-11-29')).toBe('2026-11-23');
    expect(weekStartOf('2026-11-23')).toBe('2026-11-23');
    const week = calendarRange('week', '2026-11-25');
    expect(week).toMatchObject({ from: '2026-11-23', to: '2026-11-29' });
    expect(week.days).toHaveLength(7);
    expect(calendarRange('day', '2026-11-25')).toEqual({ from: '2026-11-25', to: '2026-11-25', days: ['2026-11-25'] });
  });

  it('steps by a day or a week, across months and years', () => {
    expect(shiftCalendarDate('day', '2026-12-31', 1)).toBe('2027-01-01');
    expect(shiftCalendarDate('week', '2026-03-02', -1)).toBe('2026-02-23');
  });

  it('takes only real dates from the address', () => {
    expect(parseCalendarDate('2026-11-23')).toBe('2026-11-23');
    expect(parseCalendarDate('23/11/2026')).toBeUndefined();
    expect(parseCalendarDate(null)).toBeUndefined();
  });
});
