import type { ReportMeasure, ReportRate } from '@itb/contracts';
import { formatNumber } from '../../../lib/format';

/** A percentage as the report gives it, to one decimal with its unit; a dash when nothing was counted. */
export const formatPct = (pct: number | null): string => (pct === null ? '—' : `${pct.toFixed(1)} %`);

/** "3 pumps", "1 refill": every count with the word for what it counts. */
export const formatCount = (count: number, one: string, many: string): string =>
  `${formatNumber(count, 0)} ${count === 1 ? one : many}`;

/** "41 of 50 (82.0 %)": a rate never without what it was made of. */
export const formatRate = (rate: ReportRate): string =>
  `${formatNumber(rate.numerator, 0)} of ${formatNumber(rate.denominator, 0)} (${formatPct(rate.pct)})`;

/** "82.0 % (41 of 50)": the same, percentage first, for the previous period beside a figure. */
export const formatRatePctFirst = (rate: ReportRate): string =>
  `${formatPct(rate.pct)} (${formatNumber(rate.numerator, 0)} of ${formatNumber(rate.denominator, 0)})`;

/** "2026-11" -> "Nov 2026". */
export function formatMonth(month: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  if (!match) return month;
  return new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1)),
  );
}

/** A median's size and side of the alarm: it can fall between two whole days ("11.5 days"); negative is after. */
export function medianDaysParts(days: number | null): { days: string; side: string } | null {
  if (days === null) return null;
  const magnitude = Math.abs(days);
  return {
    days: `${formatNumber(magnitude, 1)} ${magnitude === 1 ? 'day' : 'days'}`,
    side: days < 0 ? 'after the alarm' : 'before the alarm',
  };
}

/** "11.5 days before the alarm", "2 days after the alarm", or a dash when no refill was done. */
export function formatMedianDays(days: number | null): string {
  const parts = medianDaysParts(days);
  return parts ? `${parts.days} ${parts.side}` : '—';
}

/** What a count of each measure is, in the words of a list's title. */
export const MEASURE_LABELS: Record<ReportMeasure, string> = {
  fell_due: 'Refills that fell due',
  on_time: 'Refills done on time',
  late: 'Refills done late, before the alarm',
  after_alarm: 'Refills done after the alarm',
  not_done: 'Refills not done',
  no_show: 'Missed refill appointments',
  marked_no_show: 'Appointments marked no-show',
  passed_without_fill: 'Appointments that passed without a refill',
  arrived_without_fill: 'Arrivals without a refill',
  cancelled: 'Cancelled refill appointments',
};

/** Appointment measures list appointments, the others refills: their dates mean different things. */
export const isAppointmentMeasure = (measure: ReportMeasure): boolean =>
  measure === 'no_show' ||
  measure === 'marked_no_show' ||
  measure === 'passed_without_fill' ||
  measure === 'arrived_without_fill' ||
  measure === 'cancelled';

/** An outcome code from the API ("after_alarm") in words ("after alarm"). */
export const formatOutcome = (outcome: string): string => outcome.replace(/_/g, ' ');
