import { formatDateText, timeZoneAbbreviation, toLocalDate, toLocalDateTime } from '@itb/domain';

/** One locale for the whole dashboard: day-month-year dates are unambiguous to read. */
const LOCALE = 'en-GB';

const numberFormats = new Map<number, Intl.NumberFormat>();

export function formatNumber(value: number, maxDecimals = 2): string {
  let format = numberFormats.get(maxDecimals);
  if (!format) {
    format = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: maxDecimals });
    numberFormats.set(maxDecimals, format);
  }
  // Avoids "-0" for tiny negative values rounded away.
  return format.format(value === 0 ? 0 : value).replace(/^-0$/, '0');
}

export const formatMl = (volumeMl: number): string => `${formatNumber(volumeMl, 2)} mL`;
export const formatMlPerDay = (volumeMlPerDay: number): string => `${formatNumber(volumeMlPerDay, 3)} mL/day`;
export const formatMcgPerDay = (doseMcg: number): string => `${formatNumber(doseMcg, 1)} mcg/day`;
export const formatMcgPerMl = (concentrationMcgPerMl: number): string =>
  `${formatNumber(concentrationMcgPerMl, 1)} mcg/mL`;
export const formatMgPerDay = (doseMg: number): string => `${formatNumber(doseMg, 1)} mg/day`;
export const formatPercent = (percent: number): string => `${formatNumber(percent, 0)}%`;

const signedFormats = new Map<number, Intl.NumberFormat>();

/** A difference with its sign always shown ("+1.5", "-0.27", "0"), so the direction is never implied. */
export function formatSigned(value: number, maxDecimals: number): string {
  let format = signedFormats.get(maxDecimals);
  if (!format) {
    format = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: maxDecimals, signDisplay: 'exceptZero' });
    signedFormats.set(maxDecimals, format);
  }
  return format.format(value === 0 ? 0 : value);
}

export const formatSignedMl = (volumeMl: number): string => `${formatSigned(volumeMl, 2)} mL`;
export const formatSignedPercent = (percent: number): string => `${formatSigned(percent, 1)}%`;

export function formatDays(days: number): string {
  const rounded = Math.trunc(days);
  return `${formatNumber(rounded, 0)} ${Math.abs(rounded) === 1 ? 'day' : 'days'}`;
}

/**
 * A calendar date (`YYYY-MM-DD`) as "5 Mar 2026". It is already a date in the clinic's zone,
 * so it is formatted as-is, never shifted through a time zone.
 */
/** "2 days without drug", "14 hours without drug": how long a dry reservoir has been dry. */
export function withoutDrugText(hours: number): string {
  if (hours < 24) return `${hours < 1 ? 'under an hour' : `${hours} ${hours === 1 ? 'hour' : 'hours'}`} without drug`;
  return `${formatDays(Math.floor(hours / 24))} without drug`;
}

export const formatLocalDate = (date: string): string => formatDateText(date);

/** The zone's short name (GMT, BST, CST…): one rule for the API's flag facts and the screens. */
export { timeZoneAbbreviation };

/**
 * An instant as date and time in the clinic's zone: "5 Mar 2026, 14:30 GMT", the words the API's flag
 * texts and messages use (libs/domain `toLocalDateTime`); `withZone: false` leaves the zone off.
 */
export function formatInstant(iso: string, timeZone: string, options: { withZone?: boolean } = {}): string {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return iso;
  const text = toLocalDateTime(instant, timeZone);
  return options.withZone === false ? text.slice(0, text.lastIndexOf(' ')) : text;
}

/** The calendar date an instant falls on in the clinic's zone, formatted: "5 Mar 2026". */
export const formatInstantDate = (iso: string, timeZone: string): string =>
  formatLocalDate(toLocalDate(new Date(iso), timeZone));

/** The clinic's today as `YYYY-MM-DD`. */
export const todayIn = (timeZone: string, now: Date = new Date()): string => toLocalDate(now, timeZone);

/** Whole years from a birth date to a calendar date, both `YYYY-MM-DD`. */
export function ageInYears(birthDate: string, onDate: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = onDate.split('-').map(Number) as [number, number, number];
  const hadBirthday = m > bm || (m === bm && d >= bd);
  return y - by - (hadBirthday ? 0 : 1);
}

/** "Smith, Anna": the order a clinic files charts by. */
export const formatPatientName = (p: { givenName: string; familyName: string }): string =>
  `${p.familyName}, ${p.givenName}`;
