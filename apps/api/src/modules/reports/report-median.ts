import { addDays, addMonths, monthEnd, monthStart, type ReportPeriod } from '@itb/domain';
import type { EntityManager } from 'typeorm';
import { ALARM_HISTOGRAM, ALARM_VALUES } from './report-sql.js';

/**
 * Which kept counts of report_alarm_counts make up a period: its whole months (month rows, by their
 * first day) and the days before the first and after the last of them (day rows). A period within one
 * month is days only. The parameters $2–$7 of ALARM_HISTOGRAM.
 */
export function alarmCountSpans(period: ReportPeriod): (string | null)[] {
  const firstWhole = period.from === monthStart(period.from) ? period.from : addMonths(period.from, 1);
  const lastWholeEnd = period.to === monthEnd(period.to) ? period.to : addDays(monthStart(period.to), -1);
  if (firstWhole > lastWholeEnd) return [null, null, period.from, period.to, null, null];
  return [firstWhole, monthStart(lastWholeEnd), period.from, addDays(firstWhole, -1), addDays(lastWholeEnd, 1), period.to];
}

/** The tenth (bucket) and the place within it of the value at a 0-based rank, given ascending counts. */
export function locateRank(buckets: { bucket: number; n: number }[], rank: number): { bucket: number; offset: number } {
  let before = 0;
  for (const { bucket, n } of buckets) {
    if (rank < before + n) return { bucket, offset: rank - before };
    before += n;
  }
  throw new Error(`rank ${rank} is beyond the ${before} counted values`);
}

/**
 * The median days from refill to alarm of the refills that fell due in a period, exactly as
 * `percentile_cont(0.5)` over DUE_REFILLS' days_to_alarm gives it (null when there are none): the kept
 * counts say in which tenth of a day the middle value(s) lie, and only the refills of that tenth are
 * read. PostgreSQL's percentile_cont takes the values at ranks floor and ceil of (n − 1) / 2 and
 * returns lo + 0.5 × (hi − lo); the same float arithmetic here gives the same number.
 */
export async function medianDaysToAlarm(m: EntityManager, clinicId: string, period: ReportPeriod): Promise<number | null> {
  const buckets = (await m.query(ALARM_HISTOGRAM, [clinicId, ...alarmCountSpans(period)])) as {
    bucket: number;
    n: number;
  }[];
  const total = buckets.reduce((sum, b) => sum + b.n, 0);
  if (total === 0) return null;
  const loRank = Math.floor(0.5 * (total - 1));
  const hiRank = Math.ceil(0.5 * (total - 1));
  const lo = locateRank(buckets, loRank);
  const hi = locateRank(buckets, hiRank);
  // The one or two values: from one tenth, or the last of one and the first of the next, in one read.
  const reads = lo.bucket === hi.bucket ? [{ ...lo, take: hiRank - loRank + 1 }] : [{ ...lo, take: 1 }, { ...hi, take: 1 }];
  const values = (
    (await m.query(ALARM_VALUES, [
      clinicId,
      reads.map((r) => r.bucket),
      period.from,
      period.to,
      reads.map((r) => r.offset),
      reads.map((r) => r.take),
    ])) as { days: number }[]
  ).map((r) => r.days);
  const [first, second] = values;
  if (first === undefined) throw new Error('report_alarm_counts counts a refill the fills do not hold');
  if (loRank === hiRank) return first;
  if (second === undefined) throw new Error('report_alarm_counts counts a refill the fills do not hold');
  return first + 0.5 * (second - first);
}
