import type { OverdueReport } from '@itb/contracts';
import { formatNumber } from '../../../lib/format';

/** A rate the API rounds to one decimal, with its unit; a dash when there was nothing to count. */
export const formatRatePct = (pct: number | null): string => (pct === null ? '—' : `${formatNumber(pct, 1)}%`);

const plural = (count: number, one: string, many: string) => `${formatNumber(count, 0)} ${count === 1 ? one : many}`;

/** "2026-11" -> "Nov 2026". */
export function formatMonth(month: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  if (!match) return month;
  return new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1)),
  );
}

export type FigureTone = 'alert' | 'good' | 'neutral';

export interface HeadlineFigure {
  key: string;
  label: string;
  /** The number with its unit: "3 pumps", "94%", "11 days". */
  value: string;
  /** What the number counts, in words. */
  detail: string;
  tone: FigureTone;
}

/** Late refill counts: afterAlarm is a subset of afterRefillBy, so the two never add up twice. */
export const lateBeforeAlarm = (c: { afterRefillBy: number; afterAlarm: number }): number =>
  Math.max(0, c.afterRefillBy - c.afterAlarm);

/** A median can fall between two whole days: "11.5 days". */
const daysText = (days: number): string => `${formatNumber(days, 1)} ${days === 1 ? 'day' : 'days'}`;

function medianFigure(days: number | null): Pick<HeadlineFigure, 'value' | 'detail' | 'tone'> {
  if (days === null) return { value: '—', detail: 'No refills in this period', tone: 'neutral' };
  if (days < 0) {
    return { value: `${daysText(-days)} late`, detail: 'the median refill came after the alarm', tone: 'alert' };
  }
  return { value: daysText(days), detail: 'the median refill came this long before the alarm', tone: 'neutral' };
}

/** The report's headline as the six figures a clinic lead reads first, each with its unit. */
export function headlineFigures(report: Pick<OverdueReport, 'headline' | 'today'>): HeadlineFigure[] {
  const h = report.headline;
  const thisMonth = formatMonth(report.today.slice(0, 7));
  return [
    {
      key: 'overdue-now',
      label: 'Overdue now',
      value: plural(h.overdueNow, 'pump', 'pumps'),
      detail: 'past their refill-by date',
      tone: h.overdueNow > 0 ? 'alert' : 'good',
    },
    {
      key: 'past-alarm-now',
      label: 'Past alarm now',
      value: plural(h.pastAlarmNow, 'pump', 'pumps'),
      detail: 'below the low-reservoir alarm volume',
      tone: h.pastAlarmNow > 0 ? 'alert' : 'good',
    },
    {
      key: 'on-time-this-month',
      label: 'On time this month',
      value: formatRatePct(h.onTimeRateThisMonthPct),
      detail:
        h.onTimeRateThisMonthPct === null
          ? `No refills yet in ${thisMonth}`
          : `of refills in ${thisMonth} by their refill-by date`,
      tone: 'neutral',
    },
    {
      key: 'on-time-period',
      label: 'On time over the period',
      value: formatRatePct(h.onTimeRatePct),
      detail:
        h.refills === 0
          ? 'No refills in this period'
          : `${formatNumber(h.onTime, 0)} of ${plural(h.refills, 'refill', 'refills')}`,
      tone: 'neutral',
    },
    {
      key: 'no-show-rate',
      label: 'No-show rate',
      value: formatRatePct(h.noShowRatePct),
      detail:
        h.refillAppointments === 0
          ? 'No refill appointments in this period'
          : `${formatNumber(h.noShows, 0)} of ${plural(h.refillAppointments, 'refill appointment', 'refill appointments')}`,
      tone: 'neutral',
    },
    { key: 'median-refill-to-alarm', label: 'Median refill → alarm', ...medianFigure(h.medianDaysRefillToAlarm) },
  ];
}
