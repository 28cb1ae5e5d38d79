import { addDays, isoWeekday } from '@itb/domain';

export type CalendarView = 'day' | 'week';

export const isCalendarView = (value: string | null): value is CalendarView => value === 'day' || value === 'week';

/** The Monday of the ISO week a clinic date falls in. */
export const weekStartOf = (date: string): string => addDays(date, 1 - isoWeekday(date));

export interface CalendarRange {
  from: string;
  to: string;
  /** Every clinic date shown, in order. */
  days: string[];
}

/** The dates a view shows around a date: that day, or its Monday-to-Sunday week. */
export function calendarRange(view: CalendarView, date: string): CalendarRange {
  if (view === 'day') return { from: date, to: date, days: [date] };
  const from = weekStartOf(date);
  const days = Array.from({ length: 7 }, (_, i) => addDays(from, i));
  return { from, to: days[6]!, days };
}

/** The previous or next day or week. */
export const shiftCalendarDate = (view: CalendarView, date: string, direction: -1 | 1): string =>
  addDays(date, direction * (view === 'day' ? 1 : 7));

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A date from the address, if it is one. */
export const parseCalendarDate = (value: string | null): string | undefined =>
  value && LOCAL_DATE.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) ? value : undefined;
