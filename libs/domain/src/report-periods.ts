import { addDays, daysBetween, type LocalDate } from './local-date.js';

/** A report period: clinic calendar dates, both inclusive. */
export interface ReportPeriod {
  from: LocalDate;
  to: LocalDate;
}

const monthIndex = (date: LocalDate) => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
const monthOf = (index: number) =>
  `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;

/** The first day of a date's month. */
export function monthStart(date: LocalDate): LocalDate {
  return `${date.slice(0, 7)}-01`;
}

/** The last day of a date's month (28 to 31). */
export function monthEnd(date: LocalDate): LocalDate {
  return addDays(`${monthOf(monthIndex(date) + 1)}-01`, -1);
}

/** The first day of the month `months` before (negative) or after a date's month. */
export function addMonths(date: LocalDate, months: number): LocalDate {
  return `${monthOf(monthIndex(date) + months)}-01`;
}

/** Every month (`YYYY-MM`) a period touches, oldest first: the rows a report shows even when empty. */
export function monthsOf(period: ReportPeriod): string[] {
  const months: string[] = [];
  for (let i = monthIndex(period.from); i <= monthIndex(period.to); i++) months.push(monthOf(i));
  return months;
}

/** The twelve calendar months ending with the month of `today` (the report's default). */
export function lastTwelveMonths(today: LocalDate): ReportPeriod {
  return { from: addMonths(today, -11), to: today };
}

/**
 * The period just before, to compare with: as many whole months when the period is whole months
 * (a quarter → the quarter before, June → May), else as many days ending the day before `from`.
 * A period running to today counts as whole months when it starts on a first (the twelve months to
 * today compare with the twelve months before them).
 */
export function previousPeriod(period: ReportPeriod, today?: LocalDate): ReportPeriod {
  const startsMonth = period.from === monthStart(period.from);
  const endsMonth = period.to === monthEnd(period.to) || (today !== undefined && period.to === today);
  if (startsMonth && endsMonth) {
    const months = monthIndex(period.to) - monthIndex(period.from) + 1;
    const from = addMonths(period.from, -months);
    return { from, to: addDays(period.from, -1) };
  }
  const days = daysBetween(period.from, period.to) + 1;
  return { from: addDays(period.from, -days), to: addDays(period.from, -1) };
}
