import { addDays, toLocalDate } from '@itb/domain';
import { clinicWallClockToIso } from '../../../lib/clinic-time';

export interface TimeTick {
  /** The instant of the clinic's midnight that starts the tick's day. */
  ms: number;
  label: string;
}

const DAY_MS = 86_400_000;
const MONTH_STEPS = [1, 2, 3, 6, 12];
const DAY_STEPS = [1, 2, 7, 14];

const monthFormat = new Intl.DateTimeFormat('en-GB', { month: 'short', timeZone: 'UTC' });
const dayFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });

const utcMidnightOf = (date: string) => new Date(`${date}T00:00:00Z`);
const midnightMs = (date: string, timeZone: string) => Date.parse(clinicWallClockToIso(date, '00:00', timeZone) ?? '');

/** "Mar", or "Jan 2027" where a year starts (and on the first tick, so the year is always shown). */
function monthLabel(date: string, isFirst: boolean): string {
  const month = monthFormat.format(utcMidnightOf(date));
  return isFirst || date.slice(5, 7) === '01' ? `${month} ${date.slice(0, 4)}` : month;
}

function monthTicks(fromMs: number, toMs: number, timeZone: string, step: number): TimeTick[] {
  const start = toLocalDate(new Date(fromMs), timeZone);
  let year = Number(start.slice(0, 4));
  let month = Number(start.slice(5, 7)); // 1-based: the month after the start's
  const ticks: TimeTick[] = [];
  for (;;) {
    month += 1;
    if (month > 12) [year, month] = [year + 1, month - 12];
    const isOnStep = step > 12 ? month === 1 && year % (step / 12) === 0 : (month - 1) % step === 0;
    if (!isOnStep) continue;
    const date = `${year}-${String(month).padStart(2, '0')}-01`;
    const ms = midnightMs(date, timeZone);
    if (!(ms <= toMs)) return ticks; // past the end (or an unknown zone: NaN)
    ticks.push({ ms, label: monthLabel(date, ticks.length === 0) });
  }
}

function dayTicks(fromMs: number, toMs: number, timeZone: string, step: number): TimeTick[] {
  const ticks: TimeTick[] = [];
  for (let date = addDays(toLocalDate(new Date(fromMs), timeZone), 1); ; date = addDays(date, step)) {
    const ms = midnightMs(date, timeZone);
    if (!(ms <= toMs)) return ticks;
    ticks.push({ ms, label: dayFormat.format(utcMidnightOf(date)) });
  }
}

/**
 * Ticks at the clinic's midnights — month starts for spans of a few months or more, days for
 * shorter ones — no more than `maxTicks`, so labels never overlap.
 */
export function timeTicks(fromMs: number, toMs: number, timeZone: string, maxTicks: number): TimeTick[] {
  const spanDays = (toMs - fromMs) / DAY_MS;
  if (spanDays <= 0 || maxTicks < 1) return [];
  if (spanDays < 60) {
    const step = DAY_STEPS.find((s) => spanDays / s <= maxTicks) ?? Math.ceil(spanDays / maxTicks);
    return dayTicks(fromMs, toMs, timeZone, step);
  }
  const months = spanDays / 30.44;
  const step = MONTH_STEPS.find((s) => months / s <= maxTicks) ?? 12 * Math.ceil(months / 12 / maxTicks);
  return monthTicks(fromMs, toMs, timeZone, step);
}
