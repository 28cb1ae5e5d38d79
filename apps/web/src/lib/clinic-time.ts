import { toLocalDate } from '@itb/domain';

/**
 * Wall-clock times on the clinic's clock. Appointments are booked and shown in the clinic's zone,
 * whatever zone the browser is in, so a booking made from home lands at the clinic's 08:30.
 */
const LOCALE = 'en-GB';
const WALL_CLOCK = /^([01]\d|2[0-3]):([0-5]\d)$/;
const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const partsFormats = new Map<string, Intl.DateTimeFormat>();
const timeFormats = new Map<string, Intl.DateTimeFormat>();

function partsFormat(timeZone: string): Intl.DateTimeFormat {
  let format = partsFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partsFormats.set(timeZone, format);
  }
  return format;
}

/** How far the zone's wall clock is ahead of UTC at an instant, in milliseconds. */
function zoneOffsetMs(instantMs: number, timeZone: string): number {
  const parts = partsFormat(timeZone).formatToParts(new Date(instantMs));
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wallAsUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return wallAsUtc - Math.floor(instantMs / 1000) * 1000;
}

/**
 * A clinic date and wall-clock time ("2026-03-30", "08:30") as an ISO UTC instant. The offset is
 * looked up twice, so a date on the far side of a daylight-saving change gets its own offset.
 * Undefined when the date or time is incomplete.
 */
export function clinicWallClockToIso(date: string, time: string, timeZone: string): string | undefined {
  const d = LOCAL_DATE.exec(date);
  const t = WALL_CLOCK.exec(time);
  if (!d || !t) return undefined;
  const wallMs = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(t[1]), Number(t[2]));
  if (Number.isNaN(wallMs)) return undefined;
  const firstGuess = wallMs - zoneOffsetMs(wallMs, timeZone);
  return new Date(wallMs - zoneOffsetMs(firstGuess, timeZone)).toISOString();
}

/** An instant's time on the clinic's clock, "14:05". */
export function formatClinicTime(iso: string, timeZone: string): string {
  let format = timeFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat(LOCALE, { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    timeFormats.set(timeZone, format);
  }
  const instant = new Date(iso);
  return Number.isNaN(instant.getTime()) ? iso : format.format(instant);
}

/** "09:00–09:30" on the clinic's clock. */
export const formatClinicTimeRange = (startsAt: string, durationMinutes: number, timeZone: string): string =>
  `${formatClinicTime(startsAt, timeZone)}–${formatClinicTime(
    new Date(new Date(startsAt).getTime() + durationMinutes * 60_000).toISOString(),
    timeZone,
  )}`;

/** The clinic's date and time now, for defaults that must lie in the future. */
export const clinicNow = (timeZone: string, now: Date = new Date()) => ({
  date: toLocalDate(now, timeZone),
  time: formatClinicTime(now.toISOString(), timeZone),
});

const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

/** "Monday" for an ISO weekday (1 = Monday … 7 = Sunday). */
export const weekdayName = (isoDay: number): string => WEEKDAY_NAMES[(isoDay - 1 + 7) % 7]!;

/** A clinic date with its weekday: "Mon 23 Nov 2026" (or "Monday 23 November 2026" when long). */
export function formatLocalDateWithWeekday(date: string, { long = false }: { long?: boolean } = {}): string {
  const match = LOCAL_DATE.exec(date);
  if (!match) return date;
  const utcMidnight = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return new Intl.DateTimeFormat(LOCALE, {
    weekday: long ? 'long' : 'short',
    day: 'numeric',
    month: long ? 'long' : 'short',
    year: 'numeric',
    timeZone: 'UTC',
  })
    .format(utcMidnight)
    .replace(',', '');
}

/** "Mon–Fri" style list of clinic days, for notes. */
export function formatClinicDays(clinicDays: readonly number[]): string {
  const sorted = [...clinicDays].sort((a, b) => a - b);
  const contiguous = sorted.every((day, i) => i === 0 || day === sorted[i - 1]! + 1);
  const short = (day: number) => weekdayName(day).slice(0, 3);
  if (sorted.length > 2 && contiguous) return `${short(sorted[0]!)}–${short(sorted[sorted.length - 1]!)}`;
  return sorted.map(short).join(', ');
}
